package org.serialgen.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Forks {@link DevBroker} in its own JVM with the caller's classpath and waits for it to accept clients. The child
 * watches its standard input, so it dies with this JVM even when this JVM is killed without running shutdown hooks.
 * Its ports and data directory are chosen here, once, so that a broker {@link #stop stopped} for an outage test
 * {@link #startAgain starts again} where clients knew it, with its topics, records and committed offsets.
 */
public final class DevBrokerProcess implements AutoCloseable {

    private final List<String> command;
    private final Path dir;
    private final String bootstrapServers;
    private final String tlsBootstrapServers;
    private volatile Process process;

    private DevBrokerProcess(List<String> command, Path dir, String bootstrapServers, String tlsBootstrapServers) {
        this.command = command;
        this.dir = dir;
        this.bootstrapServers = bootstrapServers;
        this.tlsBootstrapServers = tlsBootstrapServers;
    }

    /** Starts a broker with {@code topics} created up front, its data in a directory removed when this JVM ends. */
    public static DevBrokerProcess start(Duration timeout, List<String> topics) {
        return start(timeout, topics, false);
    }

    /** {@link #start(Duration, List)}, with a TLS listener ({@link BrokerTls}) beside the plain one if asked. */
    public static DevBrokerProcess start(Duration timeout, List<String> topics, boolean withTls) {
        int port = DevBroker.freePort();
        int controllerPort = DevBroker.freePort();
        int tlsPort = withTls ? DevBroker.freePort() : 0;
        Path dir;
        try {
            dir = Files.createTempDirectory("serialgen-kafka-");
        } catch (IOException e) {
            throw new IllegalStateException("no directory for the Kafka dev broker: " + e.getMessage(), e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp", System.getProperty("java.class.path"), DevBroker.class.getName(), "--exit-on-stdin-eof",
            "--port", Integer.toString(port), "--controller-port", Integer.toString(controllerPort),
            "--dir", dir.toString(), "--topics", String.join(",", topics)));
        if (withTls) {
            command.addAll(List.of("--ssl-port", Integer.toString(tlsPort)));
        }
        DevBrokerProcess broker = new DevBrokerProcess(List.copyOf(command), dir, "127.0.0.1:" + port,
            withTls ? "127.0.0.1:" + tlsPort : null);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            DevBroker.deleteRecursively(dir);
        }, "dev-broker-stop"));
        broker.launch(timeout);
        return broker;
    }

    private void launch(Duration timeout) {
        try {
            Process started = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            process = started;
            CompletableFuture<String> ready = new CompletableFuture<>();
            Thread pump = new Thread(() -> pump(started, ready), "dev-broker-output");
            pump.setDaemon(true);
            pump.start();
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the Kafka dev broker did not start: " + e.getMessage(), e);
        }
    }

    private static void pump(Process process, CompletableFuture<String> ready) {
        StringBuilder early = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!ready.isDone()) {
                    if (line.startsWith(DevBroker.READY_PREFIX)) {
                        ready.complete(line.substring(DevBroker.READY_PREFIX.length()).trim());
                    } else if (early.length() < 20_000) {
                        early.append(line).append('\n');
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        ready.completeExceptionally(new IllegalStateException("broker exited before it was ready:\n" + early));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The TLS listener's address, if it has one. */
    public java.util.Optional<String> tlsBootstrapServers() {
        return java.util.Optional.ofNullable(tlsBootstrapServers);
    }

    /** The PKCS12 trust store (password {@link BrokerTls#PASSWORD}) that holds the TLS listener's certificate. */
    public Path trustStore() {
        return dir.resolve("tls").resolve(BrokerTls.TRUST_STORE);
    }

    /** Where its log segments and metadata live: kept across {@link #stop} and {@link #startAgain}. */
    public Path dataDirectory() {
        return dir;
    }

    public boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** Stops the broker (an orderly shutdown, as a broker rolled by its operator); its data stays. */
    public void stop() {
        close();
    }

    /** Starts the stopped broker again on the same ports, over the same data. */
    public void startAgain(Duration timeout) {
        if (isRunning()) {
            throw new IllegalStateException("the broker is running");
        }
        launch(timeout);
    }

    @Override
    public void close() {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        try {
            current.getOutputStream().close();
            if (!current.waitFor(30, TimeUnit.SECONDS)) {
                current.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            current.destroyForcibly();
        }
    }
}
