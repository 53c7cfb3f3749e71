package io.parkpulse.projects.domain;

/** A project's name and its park's, for lists that show entries of many projects; null where not known. */
public record ProjectNames(String project, String park) {

    public static final ProjectNames UNKNOWN = new ProjectNames(null, null);
}
