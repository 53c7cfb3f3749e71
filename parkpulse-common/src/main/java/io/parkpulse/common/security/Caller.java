package io.parkpulse.common.security;

import io.parkpulse.common.error.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.text.Normalizer;
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

    /** The longest user name stored in an audit column (Keycloak allows 255; our columns hold 200). */
    public static final int MAX_USER_LENGTH = 200;

    /**
     * The user to record in audit trails: preferred_username, else the subject, as {@link #normalise}d
     * text. The identity provider vouches for the name, not for its characters.
     */
    public String user() {
        String name = jwt.getClaim("preferred_username");
        if (name == null || name.isBlank()) {
            name = jwt.getSubject();
        }
        return normalise(name == null ? identity.getPrincipal().getName() : name);
    }

    /**
     * NFC, without control or format characters (a newline forges a log line; a right-to-left
     * override makes "admin" read as someone else in every report that prints it), at most
     * {@link #MAX_USER_LENGTH} characters.
     */
    public static String normalise(String name) {
        if (name == null) {
            return "unknown";
        }
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(Math.min(nfc.length(), MAX_USER_LENGTH));
        nfc.codePoints()
                .filter(c -> {
                    int type = Character.getType(c);
                    return type != Character.CONTROL
                            && type != Character.FORMAT
                            && type != Character.LINE_SEPARATOR
                            && type != Character.PARAGRAPH_SEPARATOR
                            && type != Character.UNASSIGNED
                            && type != Character.PRIVATE_USE
                            && type != Character.SURROGATE;
                })
                .forEach(sb::appendCodePoint);
        String clean = sb.toString().strip();
        if (clean.length() > MAX_USER_LENGTH) {
            int end = MAX_USER_LENGTH;
            if (Character.isHighSurrogate(clean.charAt(end - 1))) {
                end--;
            }
            clean = clean.substring(0, end);
        }
        return clean.isEmpty() ? "unknown" : clean;
    }

    public boolean isParkStaff() {
        return identity.hasRole(Roles.PARK_STAFF) && !isBureau();
    }

    public boolean isBureau() {
        return identity.hasRole(Roles.BUREAU_ADMIN)
                || identity.hasRole(Roles.BUREAU_ANALYST)
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
            throw ProblemException.forbidden(
                    "园区工作人员的访问令牌缺少所属园区（park），请联系管理员", "a park-staff token must carry a 'park' claim");
        }
        return Optional.of(park);
    }

    /**
     * Refuses park staff on any park but their own, with exactly the 404 that a park which does not
     * exist gets, so a refusal confirms neither that the other park exists nor what it holds.
     */
    public void requirePark(String park) {
        if (!maySee(park)) {
            throw ProblemException.notFound("园区", "park", park);
        }
    }

    /** Whether the caller may see what belongs to this park (the bureau sees every park). */
    public boolean maySee(String park) {
        return ownPark().map(own -> own.equals(park)).orElse(true);
    }

    /**
     * A resource found by id, if the caller may see its park; otherwise the same 404 as an id that
     * does not exist (same body, same work), so ids of other parks cannot be probed.
     */
    public <T> T visible(T resource, String park, String whatChinese, String whatEnglish, Object id) {
        if (resource == null || !maySee(park)) {
            throw ProblemException.notFound(whatChinese, whatEnglish, String.valueOf(id));
        }
        return resource;
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
                throw ProblemException.forbidden(
                        "您只能填报本园区“" + own.get() + "”的数据，无权修改其他园区的数据",
                        "park staff can only write to their own park '" + own.get() + "'");
            }
            return own.get();
        }
        if (requested == null || requested.isBlank()) {
            throw ProblemException.badRequest(field, "required", "请填写所属园区", "name the park this applies to");
        }
        return requested;
    }
}
