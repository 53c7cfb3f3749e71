package io.parkpulse.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The language rule every refusal follows: {@code title}, {@code detail} and each {@code errors[].message}
 * are Chinese by default (they contain Chinese characters), and contain none when the request asks for
 * English ({@code Accept-Language: en}) — apart from what they quote (user input, a park's name, a unit
 * code, in “…”, '…', "…" or 「…」) and the field names they repeat, which are data, not wording.
 */
public final class Languages {

    /** The header a client sends to read English; the walkers send it with a share of their requests. */
    public static final String HEADER = "Accept-Language";

    /** The system property that turns the check off everywhere ({@code -Dparkpulse.fuzz.check-language=false}). */
    public static final String SWITCH = "parkpulse.fuzz.check-language";

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern QUOTED = Pattern.compile("“[^”]*”|‘[^’]*’|「[^」]*」|'[^']*'|\"[^\"]*\"");

    private Languages() {}

    /** Whether a walker checks the language at all: on unless the system property says false. */
    public static boolean checked() {
        return !"false".equalsIgnoreCase(System.getProperty(SWITCH, "true"));
    }

    static boolean asksForEnglish(Map<String, String> headers) {
        return headers.entrySet().stream()
                .anyMatch(h -> h.getKey().equalsIgnoreCase(HEADER)
                        && h.getValue() != null
                        && h.getValue()
                                .trim()
                                .toLowerCase(java.util.Locale.ROOT)
                                .startsWith("en"));
    }

    /**
     * Empty if the problem document's texts are in the language asked for; otherwise which text is not, and
     * that text. A body that is no problem document is reported by the other checks, not here.
     */
    public static Optional<String> wrongLanguage(String body, boolean english) {
        JsonNode problem;
        try {
            problem = FuzzOpenApi.JSON.readTree(body);
        } catch (Exception e) {
            return Optional.empty();
        }
        if (problem == null || !problem.isObject()) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        List<String[]> texts = new ArrayList<>();
        texts.add(new String[] {"title", problem.path("title").asText(null)});
        texts.add(new String[] {"detail", problem.path("detail").asText(null)});
        for (JsonNode e : problem.path("errors")) {
            if (e.path("field").isTextual()) {
                fields.add(e.path("field").asText());
            }
            texts.add(new String[] {"errors[].message", e.path("message").asText(null)});
        }
        for (String[] t : texts) {
            String text = t[1];
            if (text == null || text.isEmpty()) {
                continue;
            }
            boolean chinese =
                    HAN.matcher(english ? wording(text, fields) : text).find();
            if (chinese == english) {
                return Optional.of(t[0] + " \"" + FuzzFindings.abbreviate(text, 80) + "\"");
            }
        }
        return Optional.empty();
    }

    /** The text without what it quotes and without the field names it repeats. */
    static String wording(String text, List<String> fields) {
        String out = QUOTED.matcher(text).replaceAll("");
        for (String f : fields) {
            if (!f.isEmpty()) {
                out = out.replace(f, "");
            }
        }
        return out;
    }
}
