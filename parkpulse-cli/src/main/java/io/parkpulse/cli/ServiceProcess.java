package io.parkpulse.cli;

import io.parkpulse.infra.ChildProcesses;
import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.Infra;
import io.parkpulse.infra.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One packaged service ({@code <module>/target/quarkus-app}) running as a JVM of its own, pointed at
 * the given PostgreSQL database and Kafka broker, and stopped with this process however it ends.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static ServiceProcess start(
            Path root, String module, int port, String database, Endpoints infra, Path logDir) throws IOException {
        return start(root, module, port, database, infra, logDir, true);
    }

    /** @param localKeys whether the service may trust the local-only key pair (a local run) */
    public static ServiceProcess start(
            Path root, String module, int port, String database, Endpoints infra, Path logDir, boolean localKeys)
            throws IOException {
        return start(root, module, port, database, infra, logDir, localKeys, java.util.Map.of());
    }

    /**
     * Small and quick to start: four services and the infrastructure share two cores in a demo or a test.
     * A benchmark measures throughput instead and asks for {@link #THROUGHPUT}.
     */
    public static final List<String> SMALL =
            List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** The JVM's own defaults (full JIT, its default collector) with room for a national read model. */
    public static final List<String> THROUGHPUT = List.of("-Xms512m", "-Xmx1g");

    /** @param env further environment, e.g. the identity provider a production-like run verifies tokens with */
    public static ServiceProcess start(
            Path root,
            String module,
            int port,
            String database,
            Endpoints infra,
            Path logDir,
            boolean localKeys,
            java.util.Map<String, String> env)
            throws IOException {
        return start(root, module, port, database, infra, logDir, localKeys, env, SMALL);
    }

    /**
     * A benchmark's service: its own free port, local keys, a database the benchmark recreated, and the JVM tuned for
     * {@link #THROUGHPUT}, so every benchmark measures the same kind of server.
     */
    public static ServiceProcess forBenchmark(Path root, String module, String database, Endpoints infra, Path logDir)
            throws IOException {
        return start(root, module, Ports.free(), database, infra, logDir, true, java.util.Map.of(), THROUGHPUT);
    }

    public static ServiceProcess start(
            Path root,
            String module,
            int port,
            String database,
            Endpoints infra,
            Path logDir,
            boolean localKeys,
            java.util.Map<String, String> env,
            List<String> jvm)
            throws IOException {
        Path runner = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(runner)) {
            throw new IOException(runner + " is missing: build the services first (./mvnw -DskipTests package)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(module + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(ChildProcesses.javaExecutable());
        cmd.addAll(jvm);
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dparkpulse.database=" + database);
        // WatchedMain is the only class used from the first entry; the service runs from its own jar.
        cmd.add("-cp");
        cmd.add(ChildProcesses.selfLocation() + java.io.File.pathSeparator + runner);
        cmd.add("io.parkpulse.infra.WatchedMain");
        cmd.add(Long.toString(ProcessHandle.current().pid()));
        cmd.add("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put(Infra.ENV_POSTGRES_URL, infra.jdbcBase());
        pb.environment().put(Infra.ENV_POSTGRES_USER, infra.user());
        pb.environment().put(Infra.ENV_POSTGRES_PASSWORD, infra.password());
        pb.environment().put(Infra.ENV_KAFKA_BOOTSTRAP, infra.kafkaBootstrap());
        // A local run: the services may trust the local-only key pair the demo signs its tokens with.
        pb.environment().put("PARKPULSE_SECURITY_ACCEPT_LOCAL_KEYS", Boolean.toString(localKeys));
        pb.environment().putAll(env);
        return new ServiceProcess(module, port, pb.start(), log);
    }

    /** The CPU time the service's process has used so far, all its threads (empty where the platform does not say). */
    public java.util.Optional<Duration> cpuTime() {
        return process.toHandle().info().totalCpuDuration();
    }

    /** Waits for the process to end by itself; its exit code, or null if it is still running after the timeout. */
    public Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                ? process.exitValue()
                : null;
    }

    /** Waits until the service answers its liveness check (its database migrated and its threads up). */
    public void awaitUp(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited during startup; see " + log);
            }
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/live"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IOException(name + " did not start within " + timeout + "; see " + log);
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /**
     * Kills the service's JVM with SIGKILL, as the kernel's OOM killer or a node failure would: no shutdown hook
     * runs, nothing is flushed, open transactions are cut. The process started here is the JVM itself (WatchedMain
     * runs the service in-process), so this kills the service, not a wrapper. Returns once the process is gone.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, 20_000);
    }
}
