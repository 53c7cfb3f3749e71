package io.parkpulse.reporting.console;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One form of a projects or leads page: what the user typed and, after a refusal, each message of the service's
 * problem document beside the input its {@code errors[].field} names. The inputs are named as the API's fields, so
 * that mapping needs no table; a message for a field the form does not show stands above the form.
 */
final class ConsoleForm {

    private final List<String> fields;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();
    private String problem;

    ConsoleForm(List<String> fields) {
        this.fields = fields;
    }

    /** A blank form, or one prefilled with {@code initial} (field → text). */
    static ConsoleForm of(List<String> fields, Map<String, String> initial) {
        ConsoleForm f = new ConsoleForm(fields);
        initial.forEach((k, v) -> f.values.put(k, v == null ? "" : v));
        return f;
    }

    /** The form as submitted: the user's input is kept as typed when it comes back refused. */
    static ConsoleForm submitted(List<String> fields, MultivaluedMap<String, String> form) {
        ConsoleForm f = new ConsoleForm(fields);
        for (String name : fields) {
            String v = form.getFirst(name);
            f.values.put(name, v == null ? "" : v);
        }
        return f;
    }

    String value(String name) {
        String v = values.get(name);
        return v == null ? "" : v;
    }

    /** Text as the API takes it: null when left blank. */
    String text(String name) {
        String v = value(name).strip();
        return v.isEmpty() ? null : v;
    }

    /**
     * A number as the API takes it. What does not read as one is sent as typed, so that the service refuses it in
     * its own words on that field ("“约3500”不是有效的数字") instead of the console judging it.
     */
    Object number(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /**
     * A service's refusal: each field error beside its input; a stale version said the way a project office says
     * it ({@code stale}), since the service's text names version numbers the user never saw.
     */
    ConsoleForm refused(ServiceApi.Failure f, String stale) {
        boolean staleVersion = "stale_version".equals(f.code) || (f.status == 409 && errorOn(f, "version"));
        problem = staleVersion ? stale : f.getMessage();
        if (staleVersion) {
            return this;
        }
        for (JsonNode e : f.errors) {
            String field = e.path("field").asText("");
            String message = e.path("message").asText("");
            if (fields.contains(field)) {
                errors.merge(field, message, (a, b) -> a + "；" + b);
            } else if (!message.isEmpty()) {
                general.add(message);
            }
        }
        if (!errors.isEmpty()) {
            problem = "提交未成功，请按各栏目旁的提示修改后重新提交。";
        }
        return this;
    }

    /** A refusal the console itself gives (a choice the form needs before anything is sent). */
    ConsoleForm refused(String field, String message) {
        errors.put(field, message);
        problem = "提交未成功，请按各栏目旁的提示修改后重新提交。";
        return this;
    }

    boolean failed() {
        return problem != null;
    }

    private static boolean errorOn(ServiceApi.Failure f, String field) {
        for (JsonNode e : f.errors) {
            if (field.equals(e.path("field").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * For the template: each field as {@code {value, error}}, then {@code problem} (above the form), {@code general}
     * (messages that name no input of this form) and {@code failed}.
     */
    Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String name : fields) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("value", value(name));
            field.put("error", errors.get(name));
            v.put(name, field);
        }
        v.put("problem", problem);
        v.put("general", general);
        v.put("failed", failed());
        return v;
    }

    /** Renders an entity page (a project, a lead) again with a refused form as it was typed. */
    @FunctionalInterface
    interface View {
        jakarta.ws.rs.core.Response render(
                ConsoleUser user, String id, ConsoleProjectsResource.Submitted submitted, int status) throws Exception;
    }

    /**
     * The forms of one kind of entity page: {@code path} is the page's address without the id, where a saved form
     * goes back to; {@code stale} says that someone else changed the entity; {@code view} renders a refused form.
     */
    record Entity(String path, String stale, View view) {}

    /**
     * A POST of an entity page (a project, a lead): the session's form token first (nothing is sent without it),
     * then the API; a refusal re-renders the page with the form as typed and each message beside its field, a
     * stale version with the entity's words for it; success goes back to the page with {@code ?saved=name}.
     */
    static jakarta.ws.rs.core.Response command(
            ConsolePages pages,
            ConsoleSession sessions,
            String cookie,
            jakarta.ws.rs.core.UriInfo uri,
            Entity entity,
            String id,
            MultivaluedMap<String, String> form,
            List<String> fields,
            String name,
            String key,
            ConsoleProjectsResource.Command c) {
        return pages.page(cookie, uri, user -> {
            if (!sessions.validFormToken(user, form.getFirst("csrf"))) {
                return pages.error(cookie, 403, ConsoleAssessmentResource.STALE_FORM);
            }
            ConsoleForm f = ConsoleForm.submitted(fields, form);
            try {
                c.send(user, f);
            } catch (ConsoleProjectsResource.Refusal r) {
                return entity.view()
                        .render(
                                user,
                                id,
                                new ConsoleProjectsResource.Submitted(name, key, f.refused(r.field, r.getMessage())),
                                400);
            } catch (ServiceApi.Failure failure) {
                if (failure.status == 401 || failure.status == 404 || failure.status >= 500) {
                    throw failure;
                }
                return entity.view()
                        .render(
                                user,
                                id,
                                new ConsoleProjectsResource.Submitted(name, key, f.refused(failure, entity.stale())),
                                failure.status);
            }
            return ConsolePages.redirect(entity.path() + ConsolePages.encode(id) + "?saved=" + name);
        });
    }
}
