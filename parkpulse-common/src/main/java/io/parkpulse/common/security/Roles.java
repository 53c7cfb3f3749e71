package io.parkpulse.common.security;

/** The platform's roles, as Keycloak realm roles. */
public final class Roles {
    /** Manages parks, the catalog, targets, schemes and locks; reads everything. */
    public static final String BUREAU_ADMIN = "bureau-admin";
    /** Reads everything, clears review flags. */
    public static final String BUREAU_ANALYST = "bureau-analyst";
    /** Reads and writes only the park named in the token's {@code park} claim. */
    public static final String PARK_STAFF = "park-staff";
    /** Scheduled jobs and service accounts (client credentials). */
    public static final String SERVICE = "service";

    /** The token claim that names a park-staff user's park. */
    public static final String PARK_CLAIM = "park";

    private Roles() {}
}
