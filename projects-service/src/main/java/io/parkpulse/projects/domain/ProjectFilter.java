package io.parkpulse.projects.domain;

import io.parkpulse.common.projects.ProjectStage;

/** Project search filters; a null field does not filter. {@code text} is matched in the name or the enterprise. */
public record ProjectFilter(String park, ProjectStage stage, ProjectKind kind, KeyLevel keyLevel, String text) {}
