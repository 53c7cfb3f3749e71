package io.parkpulse.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Java sources of the services and of parkpulse-common, for tests that check rules across all of them. */
final class Sources {

    static final List<String> MODULES = List.of(
            "parkpulse-common", "indicators-service", "projects-service", "investment-service", "reporting-service");

    static List<Path> main() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String module : MODULES) {
            Path src = root().resolve(module).resolve("src/main/java");
            try (Stream<Path> s = Files.walk(src)) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** The repository's top directory: this module's parent. */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("parkpulse-infra")) ? here : here.getParent();
    }

    /** Comments blanked out, keeping line breaks so that positions still give line numbers. */
    static String withoutComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                end = end < 0 ? code.length() : end + 3;
                out.append(code, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < code.length() && code.charAt(j) != c && code.charAt(j) != '\n') {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, code.length());
                // A char literal such as '"' would open a string for whoever scans the result.
                out.append(c == '"' ? code.substring(i, j) : "' '");
                i = j;
            } else if (code.startsWith("//", i)) {
                while (i < code.length() && code.charAt(i) != '\n') {
                    i++;
                }
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? code.length() : end + 2;
                code.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private Sources() {}
}
