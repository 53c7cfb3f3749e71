package io.parkpulse.infra;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), run from the
 * {@code kafka_2.13} jars on Maven Central in a JVM of its own, exactly as {@code kafka-storage.sh
 * format} and {@code kafka-server-start.sh} would. It can be stopped and started again on the same
 * port and log directory, which the broker-outage test relies on.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Formats a fresh log directory under {@code dir} (whatever an earlier run left there is removed)
     * and starts the broker on free ports.
     */
    public static KafkaBroker start(Path dir) throws IOException, InterruptedException {
        InfraDaemon.deleteTree(dir);
        KafkaBroker b = new KafkaBroker(dir, Ports.free(), Ports.free());
        b.format();
        b.start();
        return b;
    }

    public String bootstrap() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    private Path config() {
        return dir.resolve("server.properties");
    }

    private void format() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.putAll(Map.of(
                "process.roles", "broker,controller",
                "node.id", "1",
                "controller.quorum.voters", "1@localhost:" + controllerPort,
                "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners", "PLAINTEXT://localhost:" + port,
                "controller.listener.names", "CONTROLLER",
                "listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name", "PLAINTEXT",
                "log.dirs", dir.resolve("data").toString()));
        p.putAll(Map.of(
                "num.partitions", "3",
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "3",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "log.retention.hours", "-1",
                "auto.create.topics.enable", "false"));
        try (Writer w = Files.newBufferedWriter(config(), StandardCharsets.UTF_8)) {
            p.store(w, "ParkPulse local broker");
        }
        Process f = new ProcessBuilder(ChildProcesses.javaCommand(
                        List.of("-Xmx256m"),
                        "kafka.tools.StorageTool",
                        List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config().toString())))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("format.log").toFile())
                .start();
        if (!f.waitFor(120, TimeUnit.SECONDS) || f.exitValue() != 0) {
            f.destroyForcibly();
            throw new IOException(
                    "formatting the Kafka log directory failed: " + Files.readString(dir.resolve("format.log")));
        }
    }

    /** Starts (or restarts) the broker and waits until it answers. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(ChildProcesses.javaCommand(
                        List.of("-Xms128m", "-Xmx768m", "-XX:+UseSerialGC", "-Dlog4j2.level=WARN"),
                        "kafka.Kafka",
                        List.of(config().toString())))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("broker.log").toFile()))
                .start();
        awaitReady(Duration.ofSeconds(120));
    }

    /** Stops the broker (as an operator's SIGTERM would) and waits for it to be gone. */
    public synchronized void stop() {
        ChildProcesses.stop(process, 30_000);
        process = null;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited: see " + dir.resolve("broker.log"));
            }
            if (Ports.isOpen(port) && answers()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IOException("Kafka broker did not start within " + timeout + ": see " + dir.resolve("broker.log"));
    }

    private boolean answers() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops the broker and removes its log directory. */
    @Override
    public void close() {
        stop();
        InfraDaemon.deleteTree(dir);
    }
}
