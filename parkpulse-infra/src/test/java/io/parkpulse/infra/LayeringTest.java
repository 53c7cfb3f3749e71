package io.parkpulse.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The data-access rule of docs/architecture.md, read from the sources of every service and of parkpulse-common:
 * SQL, JPQL and Panache query strings, the entity manager, JDBC and positional {@code Object[]} rows live only in
 * repository classes (a {@code repository} package, or a class named {@code *Repository} or {@code *Queries}), and
 * resources and event handlers reach data only through services.
 */
class LayeringTest {

    /** Code that may appear only in repository classes. */
    static final List<Rule> DATA_ACCESS = List.of(
            new Rule("a JPA or native query", Pattern.compile("\\bcreate(Native)?Query\\s*\\(")),
            new Rule("the entity manager", Pattern.compile("\\bEntityManager\\b")),
            new Rule("a Hibernate session", Pattern.compile("\\bdoWork\\s*\\(|org\\.hibernate\\.Session\\b")),
            new Rule("JDBC", Pattern.compile("\\bjava\\.sql\\.|\\bprepareStatement\\s*\\(|\\bResultSet\\b")),
            new Rule("a positional row", Pattern.compile("Object\\s*\\[\\s*\\]")),
            // An entity's static finder with a query ("Park.find(\"code\", c)"); a query handed to a repository
            // object is caught by its text below.
            new Rule(
                    "a Panache query string",
                    Pattern.compile("\\b[A-Z]\\w*\\.(find|list|stream|count|delete|update|exists)\\s*\\(\\s*\"")));

    /** A string literal that is a statement. */
    static final Pattern SQL = Pattern.compile(
            "(?is)^\\s*(select\\b.*\\bfrom\\b|insert\\s+into\\b|update\\s+\\w+\\s+set\\b|delete\\s+from\\b|with\\s+\\w+\\s+as\\s*\\()|"
                    + "\\bon\\s+conflict\\b|\\border\\s+by\\s+\\w+|\\bwhere\\s+\\w+(\\.\\w+)?\\s*(=|<|>|in\\b|like\\b|is\\b)|"
                    // A JPQL condition with a positional or named parameter: "park = ?1", "id.year <= :year".
                    + "^\\s*\\w+(\\.\\w+)*\\s*(=|<>|<=|>=|<|>|in|like)\\s*(\\?\\d|:\\w)");

    // Unrolled ("normal* (escape normal*)*", possessive) so that a long literal costs no regex stack.
    static final Pattern STRING =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"([^\"\\\\\n]*+(?:\\\\.[^\"\\\\\n]*+)*+)\"", Pattern.DOTALL);

    static final Pattern REPOSITORY_IMPORT = Pattern.compile("import\\s+io\\.parkpulse\\.\\w+\\.repository\\.");

    record Rule(String what, Pattern pattern) {}

    @Test
    void onlyRepositoriesTouchTheDatabase() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (Path file : Sources.main()) {
            files++;
            if (isRepository(file)) {
                continue;
            }
            List<String> found = new ArrayList<>();
            String code = Sources.withoutComments(Files.readString(file));
            for (Rule rule : DATA_ACCESS) {
                Matcher m = rule.pattern().matcher(code);
                while (m.find()) {
                    found.add(where(file, code, m.start()) + " uses " + rule.what());
                }
            }
            Matcher s = STRING.matcher(code);
            while (s.find()) {
                String literal = s.group(1) != null ? s.group(1) : s.group(2);
                if (SQL.matcher(literal).find()) {
                    found.add(where(file, code, s.start()) + " holds SQL: " + abbreviate(literal));
                }
            }
            violations.addAll(found);
        }
        assertTrue(
                files > 100, "the sources were not found from " + Sources.root().toAbsolutePath());
        assertEquals(List.of(), violations, "outside repository classes");
    }

    @Test
    void resourcesAndHandlersGoThroughServices() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : Sources.main()) {
            String dir = file.getParent().getFileName().toString();
            if (!dir.equals("rest") && !dir.equals("messaging")) {
                continue;
            }
            String code = Sources.withoutComments(Files.readString(file));
            Matcher m = REPOSITORY_IMPORT.matcher(code);
            if (m.find()) {
                violations.add(where(file, code, m.start()) + " imports a repository");
            }
        }
        assertEquals(List.of(), violations, "resources and event handlers call services");
    }

    @Test
    void theScanSeesWhatItForbids() {
        String code = Sources.withoutComments("""
                class X {
                    // em.createNativeQuery("select 1 from t") in a comment is allowed
                    void f() { em.createNativeQuery("select a from t where a = ?1"); List<Object[]> rows; }
                    void g() { Park.find("code = ?1", c); String s = "ordinary text, not a query"; char q = '"'; }
                    void h() { leads.find("park = ?1 and stage in ?2", p, s); repository.count("processed_event"); }
                }
                """);
        long hits = DATA_ACCESS.stream()
                .filter(r -> r.pattern().matcher(code).find())
                .count();
        assertEquals(3, hits, "query, positional row and Panache string are each found once");
        List<String> sql = new ArrayList<>();
        Matcher s = STRING.matcher(code);
        while (s.find()) {
            String literal = s.group(1) != null ? s.group(1) : s.group(2);
            if (SQL.matcher(literal).find()) {
                sql.add(literal);
            }
        }
        assertEquals(
                List.of("select a from t where a = ?1", "code = ?1", "park = ?1 and stage in ?2"),
                sql,
                "statements and JPQL conditions are SQL; a table name handed to a method is not");
    }

    static boolean isRepository(Path file) {
        String name = file.getFileName().toString();
        String dir = file.getParent().getFileName().toString();
        return dir.equals("repository")
                || dir.equals("sql")
                || name.endsWith("Repository.java")
                || name.endsWith("Queries.java");
    }

    static String where(Path file, String code, int offset) {
        long line = code.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        return Sources.root().relativize(file) + ":" + line;
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 80 ? one.substring(0, 80) + "…" : one;
    }
}
