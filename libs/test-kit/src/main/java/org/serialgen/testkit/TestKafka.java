package org.serialgen.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.serialgen.events.Topics;
import org.serialgen.kafka.DevBrokerProcess;

/** Plain Kafka clients against the test broker: tests publish as the ERP or a peer service and read what came out. */
public final class TestKafka {

    static final String BOOTSTRAP_PROPERTY = "serialgen.test.kafka.bootstrap";
    /** {@code true}: the broker this JVM forks has a TLS listener too ({@link #ownBroker()}). */
    static final String TLS_PROPERTY = "serialgen.test.kafka.tls";
    private static final java.util.concurrent.atomic.AtomicLong VERSIONS =
        new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis());

    /** The broker this JVM forked, if it did. */
    private static DevBrokerProcess ours;

    private TestKafka() {
    }

    /**
     * A configuration version newer than any other this test run published: tests share one service, and its copy
     * of the configuration only ever moves to newer versions.
     */
    public static long nextConfigVersion() {
        return VERSIONS.incrementAndGet();
    }

    /**
     * Makes the test broker available and answers its address: the broker {@code KAFKA_BOOTSTRAP_SERVERS} names,
     * else a KRaft broker forked on free ports for this run, which ends with the test JVM however that ends. Once per
     * JVM; later calls answer the same address.
     */
    public static synchronized String startBroker() {
        String started = System.getProperty(BOOTSTRAP_PROPERTY);
        if (started != null) {
            return started;
        }
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            System.setProperty(BOOTSTRAP_PROPERTY, external);
            return external;
        }
        ours = DevBrokerProcess.start(Duration.ofSeconds(90), Topics.ALL, Boolean.getBoolean(TLS_PROPERTY));
        System.setProperty(BOOTSTRAP_PROPERTY, ours.bootstrapServers());
        return ours.bootstrapServers();
    }

    /** Whether this JVM started the test broker, and so may stop it: never a broker {@code KAFKA_BOOTSTRAP_SERVERS} names. */
    public static synchronized boolean brokerIsOurs() {
        return ours != null;
    }

    /** Stops the broker this JVM started (an outage); its topics, records and offsets stay for {@link #restartBroker}. */
    public static synchronized void stopBroker() {
        ownBroker().stop();
    }

    /** Starts the stopped broker again at its address. */
    public static synchronized void restartBroker() {
        ownBroker().startAgain(Duration.ofSeconds(90));
    }

    /** The broker this JVM forked: its TLS listener and trust store, for tests of the services' TLS settings. */
    public static synchronized DevBrokerProcess ownBroker() {
        if (ours == null) {
            throw new IllegalStateException("the test broker was not started by this JVM: it is not ours to stop");
        }
        return ours;
    }

    public static String bootstrapServers() {
        String bootstrap = System.getProperty(BOOTSTRAP_PROPERTY);
        if (bootstrap == null) {
            throw new IllegalStateException("no test broker: start one with TestKafka.startBroker() (KafkaBrokerResource does)");
        }
        return bootstrap;
    }

    public static void publish(String topic, String key, String value) {
        publishAll(topic, key, List.of(value));
    }

    /** The values under one key, sent together (one producer batch): a consumer is likely to poll them at once. */
    public static void publishAll(String topic, String key, List<String> values) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<?>> sent = new ArrayList<>();
            for (String value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            for (Future<?> each : sent) {
                each.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publish to " + topic + " failed", e.getCause());
        }
    }

    /**
     * Every record on {@code topic} (from the beginning) whose value matches, read until {@code settle} has passed
     * without a new match after at least {@code expected} matches, or until {@code timeout}.
     */
    public static List<ConsumerRecord<String, String>> records(String topic, Predicate<String> match, int expected,
                                                               Duration timeout, Duration settle) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            Instant lastMatch = Instant.now();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record.value())) {
                        found.add(record);
                        lastMatch = Instant.now();
                    }
                }
                if (found.size() >= expected && Instant.now().isAfter(lastMatch.plus(settle))) {
                    break;
                }
            }
        }
        return found;
    }
}
