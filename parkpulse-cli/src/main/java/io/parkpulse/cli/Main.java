package io.parkpulse.cli;

import io.parkpulse.infra.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The {@code ./parkpulse} command. */
public final class Main {

    static final String USAGE = """
            usage: ./parkpulse <command>

              demo [--seed N] [--no-wait]   start PostgreSQL, Kafka and the four services, load a demo city
                                            through the APIs, print the ranking, run until Ctrl-C
                                            (--no-wait: stop right after printing)
              bench import [--values N]    100,000 values through the batch API beside a plain JDBC insert;
                                            writes docs/benchmarks.md (a benchmark, not a test)
              bench national [--rate N]    2,700 parks × 25 indicators × 24 months: the quarterly run and
                                            ranking p50/p99 at N requests/s beside hand-written SQL;
                                            writes docs/benchmarks.md
              bench freshness [--rate N] [--seconds N] [--read-rate N]
                                            national city: N month reports/s to indicators-service for N s
                                            (default 100, 60), rankings at N/s (default 200); how soon a
                                            report shows in the ranking, and ranking p50/p99 meanwhile
              bench console                the console's first screen (the city's ranking of 2,700 parks)
                                            in headless Chromium; writes docs/benchmarks.md
              token --role ROLE [--park CODE] [--user NAME] [--hours H]
                                            print a bearer token signed with the local-only key
                                            ROLE: bureau-admin, bureau-analyst, park-staff, service
            """;

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        if (a.isEmpty() || a.contains("--help") || a.contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        Path root = Path.of(System.getProperty("parkpulse.root", "."))
                .toAbsolutePath()
                .normalize();
        switch (a.get(0)) {
            case "demo" -> Demo.run(root, Long.parseLong(option(a, "--seed", "20261122")), !a.contains("--no-wait"));
            case "bench" -> {
                if (a.size() < 2
                        || !List.of("import", "national", "console", "freshness")
                                .contains(a.get(1))) {
                    fail("usage: ./parkpulse bench import [--values N] | ./parkpulse bench national [--rate N]"
                            + " [--seconds N] | ./parkpulse bench console"
                            + " | ./parkpulse bench freshness [--rate N] [--seconds N] [--read-rate N]");
                }
                if (a.get(1).equals("freshness")) {
                    FreshnessBenchmark.run(
                            root,
                            Integer.parseInt(option(a, "--rate", "100")),
                            Integer.parseInt(option(a, "--seconds", "60")),
                            Integer.parseInt(option(a, "--read-rate", "200")),
                            option(a, "--label", "Freshness under write load"));
                } else if (a.get(1).equals("console")) {
                    ConsoleBenchmark.run(root);
                } else if (a.get(1).equals("import")) {
                    ImportBenchmark.run(root, Integer.parseInt(option(a, "--values", "100000")));
                } else {
                    NationalBenchmark.run(
                            root,
                            Integer.parseInt(option(a, "--rate", "200")),
                            Integer.parseInt(option(a, "--seconds", "30")));
                }
            }
            case "token" -> {
                String role = option(a, "--role", null);
                if (role == null
                        || !List.of("bureau-admin", "bureau-analyst", "park-staff", "service")
                                .contains(role)) {
                    fail("--role must be one of bureau-admin, bureau-analyst, park-staff, service");
                }
                String park = option(a, "--park", null);
                if ("park-staff".equals(role) && park == null) {
                    fail("a park-staff token needs --park CODE");
                }
                System.out.println(Tokens.builder()
                        .role(role)
                        .park(park)
                        .user(option(a, "--user", role))
                        .expiresIn(Duration.ofHours(Long.parseLong(option(a, "--hours", "1"))))
                        .sign());
            }
            default -> fail("unknown command '" + a.get(0) + "'\n" + USAGE);
        }
    }

    static String option(List<String> a, String name, String fallback) {
        int i = a.indexOf(name);
        return i >= 0 && i + 1 < a.size() ? a.get(i + 1) : fallback;
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }

    private Main() {}
}
