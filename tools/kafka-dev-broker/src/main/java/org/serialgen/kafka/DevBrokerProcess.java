package org.serialgen.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Forks {@link DevBroker} in its own JVM with the caller's classpath and waits for it to accept clients. The child
 * watches its standard input, so it dies with this JVM even when this JVM is killed without running shutdown hooks.
 */
public final class DevBrokerProcess implements AutoCloseable {

    private final Process process;
    private final String bootstrapServers;

    private DevBrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker with {@code topics} created up front. */
    public static DevBrokerProcess start(Duration timeout, List<String> topics) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp", System.getProperty("java.class.path"), DevBroker.class.getName(), "--exit-on-stdin-eof",
            "--topics", String.join(",", topics)));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> ready = new CompletableFuture<>();
            Thread pump = new Thread(() -> pump(process, ready), "dev-broker-output");
            pump.setDaemon(true);
            pump.start();
            String bootstrap = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            DevBrokerProcess broker = new DevBrokerProcess(process, bootstrap);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "dev-broker-stop"));
            return broker;
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

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
