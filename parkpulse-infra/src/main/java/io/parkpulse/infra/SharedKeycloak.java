package io.parkpulse.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak for the build, started at most once per build (unlike {@link SharedInfra}'s daemon, it holds no
 * module's data, so it is watched by the Maven JVM and serves every module): the distribution
 * from Maven Central (system property {@code keycloak.dist}) with deploy/keycloak's realm imported, watched
 * by the Maven JVM so it ends with the build. Tests obtain tokens from it exactly as production clients do:
 * the password grant for users created on demand through Keycloak's admin API (their park in the user
 * attribute the realm maps into the {@code park} claim), the client-credentials grant for the service account.
 *
 * <p>With the system property {@code parkpulse.tokens=keycloak}, {@link Tokens#token} asks this server instead of
 * signing locally and {@link InfraTestResource} points the service under test at this issuer, so a test class
 * runs unchanged against Keycloak-issued tokens.
 */
public final class SharedKeycloak {

    public static final String REALM = "parkpulse";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();
    private static Server cached;

    /**
     * Where the server answers, and how to administer it; {@code userPassword} is the password of every user
     * created for tests (random per build: the server lives only as long as the build).
     */
    public record Server(String baseUrl, String adminPassword, String userPassword, Path realmFile) {
        public String issuer() {
            return baseUrl + "/realms/" + REALM;
        }
    }

    private record Cached(String token, Instant expires) {}

    public static boolean tokensFromKeycloak() {
        return "keycloak".equals(System.getProperty("parkpulse.tokens"));
    }

    public static synchronized Server server() {
        if (cached == null) {
            cached = locateOrStart();
        }
        return cached;
    }

    /**
     * An access token for a user with this realm role (and park, for park staff); for {@code service}, the
     * reporting-service client's own token. Users are created the first time they are asked for.
     */
    public static String token(String role, String park) {
        String key = role + "|" + park;
        Cached c = TOKENS.get(key);
        if (c == null || c.expires().isBefore(Instant.now().plusSeconds(60))) {
            c = "service".equals(role) ? serviceToken() : fresh(role, park);
            TOKENS.put(key, c);
        }
        return c.token();
    }

    /** A token for one of the realm's own users (the demo users of deploy/keycloak). */
    public static String userToken(String username, String password) {
        return grant(
                        server().issuer(),
                        "grant_type=password&client_id=parkpulse-cli&username=" + enc(username) + "&password="
                                + enc(password))
                .token();
    }

    private static Cached fresh(String role, String park) {
        String username = ("kc-" + role + (park == null ? "" : "-" + park)).toLowerCase();
        ensureUser(username, role, park);
        return grant(
                server().issuer(),
                "grant_type=password&client_id=parkpulse-cli&username=" + enc(username) + "&password="
                        + enc(server().userPassword()));
    }

    private static Cached serviceToken() {
        try {
            String secret = null;
            for (JsonNode client : JSON.readTree(server().realmFile().toFile()).get("clients")) {
                if ("reporting-service".equals(client.path("clientId").asText())) {
                    secret = client.path("secret").asText();
                }
            }
            return grant(
                    server().issuer(),
                    "grant_type=client_credentials&client_id=reporting-service&client_secret=" + enc(secret));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Cached grant(String issuer, String form) {
        JsonNode body = call(
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                200,
                "token grant");
        return new Cached(
                body.get("access_token").asText(),
                Instant.now().plusSeconds(body.get("expires_in").asLong()));
    }

    /** Creates the user if missing and grants the role; both steps are harmless when already done. */
    /**
     * Test JVMs of modules built in parallel ask for the same users at the same moment, and Keycloak refuses a
     * role mapping that another request is adding ("Could not add user role mappings!"): one JVM at a time.
     */
    private static void ensureUser(String username, String role, String park) {
        Path dir = Path.of(
                System.getProperty("java.io.tmpdir"),
                "parkpulse-infra",
                "owner-" + SharedInfra.buildOwner().pid());
        try (FileChannel ch = FileChannel.open(
                        dir.resolve(".keycloak-users-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = ch.lock()) {
            createUser(username, role, park);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createUser(String username, String role, String park) {
        String admin = grant(
                        server().baseUrl() + "/realms/master",
                        "grant_type=password&client_id=admin-cli&username=admin&password="
                                + enc(server().adminPassword()))
                .token();
        String api = server().baseUrl() + "/admin/realms/" + REALM;
        Map<String, Object> user = new LinkedHashMap<>(Map.of(
                "username",
                username,
                "enabled",
                true,
                "emailVerified",
                true,
                "firstName",
                "测试",
                "lastName",
                role,
                "credentials",
                List.of(Map.of("type", "password", "value", server().userPassword(), "temporary", false))));
        if (park != null) {
            user.put("attributes", Map.of("park", List.of(park)));
        }
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(api + "/users"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(user))));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException(
                    "creating " + username + " → " + created.statusCode() + ": " + created.body());
        }
        String id = call(
                        HttpRequest.newBuilder(URI.create(api + "/users?exact=true&username=" + enc(username)))
                                .header("Authorization", "Bearer " + admin)
                                .GET(),
                        200,
                        "finding " + username)
                .get(0)
                .get("id")
                .asText();
        JsonNode roleRep = call(
                HttpRequest.newBuilder(URI.create(api + "/roles/" + enc(role)))
                        .header("Authorization", "Bearer " + admin)
                        .GET(),
                200,
                "role " + role);
        HttpResponse<String> mapped =
                send(HttpRequest.newBuilder(URI.create(api + "/users/" + id + "/role-mappings/realm"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + roleRep + "]")));
        if (mapped.statusCode() != 204) {
            throw new IllegalStateException(
                    "granting " + role + " to " + username + " → " + mapped.statusCode() + ": " + mapped.body());
        }
    }

    /**
     * Lets a client redirect back to one more address: a test's service listens on a free port, and the realm
     * registers only the console's fixed local address.
     */
    public static synchronized void allowRedirect(String clientId, String redirectUri) {
        String admin = grant(
                        server().baseUrl() + "/realms/master",
                        "grant_type=password&client_id=admin-cli&username=admin&password="
                                + enc(server().adminPassword()))
                .token();
        String api = server().baseUrl() + "/admin/realms/" + REALM + "/clients";
        JsonNode client = call(
                        HttpRequest.newBuilder(URI.create(api + "?clientId=" + enc(clientId)))
                                .header("Authorization", "Bearer " + admin)
                                .GET(),
                        200,
                        "finding client " + clientId)
                .get(0);
        com.fasterxml.jackson.databind.node.ObjectNode changed = client.deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode uris = changed.withArray("redirectUris");
        for (JsonNode u : uris) {
            if (u.asText().equals(redirectUri)) {
                return;
            }
        }
        uris.add(redirectUri);
        HttpResponse<String> put = send(
                HttpRequest.newBuilder(URI.create(api + "/" + client.get("id").asText()))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(write(changed))));
        if (put.statusCode() != 204) {
            throw new IllegalStateException(
                    "allowing " + redirectUri + " for " + clientId + " → " + put.statusCode() + ": " + put.body());
        }
    }

    private static JsonNode call(HttpRequest.Builder request, int expected, String what) {
        HttpResponse<String> r = send(request);
        if (r.statusCode() != expected) {
            throw new IllegalStateException(what + " → " + r.statusCode() + ": " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Server locateOrStart() {
        long owner = SharedInfra.buildOwner().pid();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "parkpulse-infra", "owner-" + owner);
        Path realm = realmFile();
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(
                            dir.resolve(".keycloak-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                Path state = dir.resolve("keycloak.properties");
                if (Files.exists(state)) {
                    Properties p = Endpoints.read(state);
                    long pid = Long.parseLong(p.getProperty("pid", "-1"));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        return new Server(
                                p.getProperty("url"),
                                p.getProperty("adminPassword"),
                                p.getProperty("userPassword"),
                                realm);
                    }
                    Files.delete(state);
                }
                Path work = dir.resolve("keycloak");
                InfraDaemon.deleteTree(work);
                Files.createDirectories(work);
                Path home = unzip(dist(), work);
                Files.createDirectories(home.resolve("data/import"));
                Files.copy(
                        realm,
                        home.resolve("data/import/" + REALM + "-realm.json"),
                        StandardCopyOption.REPLACE_EXISTING);
                int port = Ports.free();
                String adminPassword = UUID.randomUUID().toString();
                Path log = work.resolve("keycloak.log");
                Process p = start(home, port, adminPassword, owner, log);
                Server server = new Server(
                        "http://localhost:" + port,
                        adminPassword,
                        UUID.randomUUID().toString(),
                        realm);
                Properties props = new Properties();
                props.setProperty("pid", Long.toString(p.pid()));
                props.setProperty("url", server.baseUrl());
                props.setProperty("adminPassword", adminPassword);
                props.setProperty("userPassword", server.userPassword());
                try (var out = Files.newOutputStream(state)) {
                    props.store(out, "the build's Keycloak");
                }
                return server;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keycloak's own launcher as a child watched by the build: in dev mode it may first re-build itself and
     * exit with 10, after which it is started again as already built (what kc.sh does).
     */
    private static Process start(Path home, int port, String adminPassword, long owner, Path log)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        boolean built = false;
        Process p = launch(home, port, adminPassword, owner, log, false);
        String ready = "http://localhost:" + port + "/realms/" + REALM + "/.well-known/openid-configuration";
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                if (p.exitValue() == 10 && !built) {
                    built = true;
                    p = launch(home, port, adminPassword, owner, log, true);
                    continue;
                }
                throw new IllegalStateException("Keycloak exited with " + p.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(
                                        HttpRequest.newBuilder(URI.create(ready))
                                                .timeout(Duration.ofSeconds(5))
                                                .GET()
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        ChildProcesses.stop(p, 10_000);
        throw new IllegalStateException("Keycloak did not come up within 4 minutes; see " + log);
    }

    private static Process launch(Path home, int port, String adminPassword, long owner, Path log, boolean built)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                ChildProcesses.javaExecutable(),
                "-Xms64m",
                "-Xmx512m",
                // It re-builds itself and boots for a few hundred token requests: C2 would not pay off.
                "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.security=ALL-UNNAMED",
                "-Dfile.encoding=UTF-8",
                "-Djava.util.concurrent.ForkJoinPool.common.threadFactory=io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory",
                "-Dkc.home.dir=" + home));
        if (built) {
            cmd.add("-Dkc.config.built=true");
        }
        cmd.addAll(List.of(
                "-cp",
                ChildProcesses.selfLocation() + java.io.File.pathSeparator + home.resolve("lib/quarkus-run.jar"),
                WatchedMain.class.getName(),
                Long.toString(owner),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint",
                "start-dev",
                "--http-port=" + port,
                "--import-realm"));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        return pb.start();
    }

    /** deploy/keycloak's realm export: from {@code parkpulse.root}, or the nearest folder above that has it. */
    static Path realmFile() {
        String root = System.getProperty("parkpulse.root");
        if (root != null) {
            return Path.of(root, "deploy/keycloak/" + REALM + "-realm.json");
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve("deploy/keycloak/" + REALM + "-realm.json");
            if (Files.exists(f)) {
                return f;
            }
        }
        throw new IllegalStateException("deploy/keycloak/" + REALM + "-realm.json not found above "
                + Path.of("").toAbsolutePath());
    }

    private static Path dist() {
        String dist = System.getProperty("keycloak.dist");
        if (dist == null || !Files.exists(Path.of(dist))) {
            throw new IllegalStateException(
                    "the system property keycloak.dist must name keycloak-quarkus-dist's zip: " + dist);
        }
        return Path.of(dist);
    }

    static Path unzip(Path zip, Path into) throws IOException {
        Path top = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (top == null) {
                    top = into.resolve(into.relativize(target).getName(0));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return top;
    }

    private SharedKeycloak() {}
}
