package io.parkpulse.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is the operator's reference: every property of every {@code @ConfigMapping} in the
 * services and parkpulse-common must stand in it with its environment variable, read here from the sources.
 */
class ConfigurationReferenceTest {

    static final Pattern MAPPING =
            Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)[^{]*?interface\\s+(\\w+)[^{]*\\{");
    static final Pattern NESTED = Pattern.compile("interface\\s+(\\w+)[^{]*\\{");
    static final Pattern METHOD = Pattern.compile(
            "((?:@\\w+(?:\\([^)]*\\))?\\s*)*)([\\w.]+(?:<[\\w.<>, ?\\[\\]]*>)?(?:\\[\\])?)\\s+(\\w+)\\(\\)\\s*;");
    static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\"([^\"]+)\"\\)");

    @Test
    void everyMappedPropertyIsDocumentedWithItsEnvironmentVariable() throws IOException {
        Map<String, String> properties = ServiceSettings.mappedProperties();
        assertTrue(properties.size() >= 10, "too few mapped properties found: " + properties);
        String doc = Files.readString(Sources.root().resolve("docs/configuration.md"));
        List<String> missing = new ArrayList<>();
        for (var p : properties.entrySet()) {
            if (!doc.contains("`" + p.getKey() + "`") || !doc.contains("`" + env(p.getKey()) + "`")) {
                missing.add(p.getKey() + " (" + env(p.getKey()) + ", " + p.getValue() + ")");
            }
        }
        assertEquals(List.of(), missing, "properties missing from docs/configuration.md");
    }

    @Test
    void propertyNamesFollowTheMappingRules() {
        Map<String, String> found = new TreeMap<>();
        collect("parkpulse.x", """
                {
                    @WithDefault("5") int maxAttempts();
                    @WithName("ttl") java.time.Duration timeToLive();
                    Group limits();
                    interface Group { long bodyBytes(); }
                    default int twice() { return 2; }
                }""", found, "example");
        assertEquals(
                List.of("parkpulse.x.limits.body-bytes", "parkpulse.x.max-attempts", "parkpulse.x.ttl"),
                List.copyOf(found.keySet()));
        assertEquals("PARKPULSE_X_LIMITS_BODY_BYTES", env("parkpulse.x.limits.body-bytes"));
    }

    /** The properties of one mapping interface; a method returning a nested interface is a group. */
    static void collect(String prefix, String body, Map<String, String> out, String where) {
        Map<String, String> nested = new TreeMap<>();
        Matcher n = NESTED.matcher(body);
        while (n.find()) {
            if (n.start() > 0) {
                nested.put(n.group(1), block(body, n.end() - 1));
            }
        }
        String own = topLevel(body);
        Matcher m = METHOD.matcher(own);
        while (m.find()) {
            if (own.substring(Math.max(0, m.start() - 12), m.start()).matches("(?s).*\\b(default|static)\\s*")) {
                continue;
            }
            Matcher w = WITH_NAME.matcher(m.group(1));
            String name = w.find() ? w.group(1) : kebab(m.group(3));
            String type = m.group(2).replaceAll("^(Optional|java\\.util\\.Optional)<(.*)>$", "$2");
            if (nested.containsKey(type)) {
                collect(prefix + "." + name, nested.get(type), out, where);
            } else {
                out.put(prefix + "." + name, where);
            }
        }
    }

    /** The text between the brace at {@code open} and its match. */
    static String block(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return code.substring(open, i + 1);
            }
        }
        return code.substring(open);
    }

    /** A block with its inner blocks (default methods, nested interfaces) left out. */
    static String topLevel(String block) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : block.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 1) {
                    out.append(';');
                }
            } else if (depth == 1) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
