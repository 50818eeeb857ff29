package org.serialgen.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft broker for development, tests and the embedded local run. There is no Docker and no Kafka
 * tarball on these machines, so the broker is started from the {@code kafka_2.13} jars on Maven Central.
 *
 * <pre>
 *   java -cp "$(cat tools/kafka-dev-broker/target/broker.classpath):tools/kafka-dev-broker/target/classes" \
 *        org.serialgen.kafka.DevBroker --port 9092 --controller-port 9093 --dir /var/tmp/serialgen-kafka \
 *        --topics erp.workorders.v1,serialgen.workorders.v1
 * </pre>
 *
 * Prints {@value #READY_PREFIX}host:port once clients can connect. With {@code --exit-on-stdin-eof} it stops when its
 * standard input closes, so a forked broker never outlives the JVM that started it, even one that was killed.
 * Without {@code --dir} the data lives in a temporary directory that is deleted on exit.
 */
public final class DevBroker {

    public static final String READY_PREFIX = "KAFKA-DEV-BROKER READY ";
    static final int PARTITIONS = 3;

    private DevBroker() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int port = resolvePort(options.getOrDefault("--port", "0"));
        int controllerPort = resolvePort(options.getOrDefault("--controller-port", "0"));
        boolean temporary = !options.containsKey("--dir");
        Path dir = temporary ? Files.createTempDirectory("serialgen-kafka-") : Path.of(options.get("--dir"));
        Files.createDirectories(dir);
        Path logDir = dir.resolve("data");

        Properties props = serverProperties(port, controllerPort, logDir);
        if (options.containsKey("--ssl-port")) {
            int sslPort = resolvePort(options.get("--ssl-port"));
            BrokerTls.addListener(props, sslPort, BrokerTls.ensure(dir.resolve("tls")));
        }
        Path propsFile = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(propsFile)) {
            props.store(out, "serialgen dev broker");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                propsFile.toString(), "--ignore-formatted"}, new PrintStream(OutputStream.nullOutputStream()));
            if (rc != 0) {
                throw new IllegalStateException("kafka storage format failed with exit code " + rc);
            }
        }

        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
            if (temporary) {
                deleteRecursively(dir);
            }
        }, "dev-broker-shutdown"));
        server.startup();
        createTopics("127.0.0.1:" + port, options.getOrDefault("--topics", ""));
        System.out.println(READY_PREFIX + "127.0.0.1:" + port);
        System.out.flush();

        if (options.containsKey("--exit-on-stdin-eof")) {
            watchStandardInput();
        }
        server.awaitShutdown();
    }

    /**
     * Creates the named topics before anyone uses them: a consumer that subscribes to a topic that another client's
     * first write auto-creates may wait for a metadata refresh before it gets all partitions.
     */
    static void createTopics(String bootstrap, String topics) throws Exception {
        List<NewTopic> wanted = Arrays.stream(topics.split(",")).map(String::strip).filter(t -> !t.isEmpty())
            .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList();
        if (wanted.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            admin.createTopics(missing).all().get();
        }
    }

    static Properties serverProperties(int port, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", Integer.toString(PARTITIONS));
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static void watchStandardInput() {
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // the parent writes nothing; end of stream means it is gone
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end of stream
            }
            System.exit(0);
        }, "dev-broker-stdin-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    static int resolvePort(String value) {
        int port = Integer.parseInt(value);
        return port == 0 ? freePort() : port;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the directory is in the system temp area
        }
    }
}
