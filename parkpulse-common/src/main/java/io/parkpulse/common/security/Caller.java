package io.parkpulse.common.security;

import io.parkpulse.common.error.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from the verified token. Park isolation lives here so that every resource
 * applies it the same way: park staff are confined to the park in their token, whatever a path,
 * query or body says.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    /** The user to record in audit trails: preferred_username, else the subject. */
    public String user() {
        String name = jwt.getClaim("preferred_username");
        if (name == null || name.isBlank()) {
            name = jwt.getSubject();
        }
        return name == null ? identity.getPrincipal().getName() : name;
    }

    public boolean isParkStaff() {
        return identity.hasRole(Roles.PARK_STAFF) && !isBureau();
    }

    public boolean isBureau() {
        return identity.hasRole(Roles.BUREAU_ADMIN) || identity.hasRole(Roles.BUREAU_ANALYST)
                || identity.hasRole(Roles.SERVICE);
    }

    /** The park in the token; a park-staff token without one is refused outright. */
    public Optional<String> ownPark() {
        if (!isParkStaff()) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(Roles.PARK_CLAIM);
        String park = claim == null ? null : claim.toString();
        if (park == null || park.isBlank()) {
            throw ProblemException.forbidden("a park-staff token must carry a 'park' claim");
        }
        return Optional.of(park);
    }

    /**
     * Refuses park staff on any park but their own. Answers 404 rather than 403 so that a refused
     * read does not even confirm that the other park's resource exists.
     */
    public void requirePark(String park) {
        ownPark().ifPresent(own -> {
            if (!own.equals(park)) {
                throw new ProblemException(404, "not_found", "nothing of park '" + park + "' is visible to you",
                        java.util.List.of(), null);
            }
        });
    }

    /**
     * The park a list is limited to: park staff always see their own park (naming another is refused
     * as not found); the bureau sees the park it asks for, or every park when it names none (null).
     */
    public String parkScope(String requested) {
        if (requested != null) {
            requirePark(requested);
        }
        return ownPark().orElse(requested);
    }

    /**
     * The park a write applies to: park staff always write to their own park (a body naming another
     * park is refused); the bureau must name one.
     */
    public String parkForWrite(String requested, String field) {
        Optional<String> own = ownPark();
        if (own.isPresent()) {
            if (requested != null && !requested.isBlank() && !requested.equals(own.get())) {
                throw ProblemException.forbidden("park staff can only write to their own park '" + own.get() + "'");
            }
            return own.get();
        }
        if (requested == null || requested.isBlank()) {
            throw ProblemException.badRequest(field, "required", "name the park this applies to");
        }
        return requested;
    }
}
