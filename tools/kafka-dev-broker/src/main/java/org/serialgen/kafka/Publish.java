package org.serialgen.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes one record read from standard input: how the local run and the CI smoke test play the ERP.
 * {@code java -cp … org.serialgen.kafka.Publish --bootstrap 127.0.0.1:9092 --topic erp.workorders.v1 --key WO-1 < wo.json}
 */
public final class Publish {

    private Publish() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String value = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).trim();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.getOrDefault("--bootstrap", "127.0.0.1:9092"));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(options.get("--topic"), options.get("--key"), value)).get();
        }
        System.out.println("published to " + options.get("--topic"));
    }
}
