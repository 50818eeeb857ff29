package org.serialgen.erpsync.sync;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.serialgen.erpsync.intake.Candidate;
import org.serialgen.erpsync.intake.ErpIntake;
import org.serialgen.erpsync.intake.IntakeResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Work orders the ERP pushes on {@code erp.workorders.v1}: each taken in like a pulled one, in the run of the hour's
 * pushes. The ERP's records carry no event id, so a redelivery is recognised by its content (nothing is forwarded
 * twice) and a failed one by its topic offset. A record that cannot be taken in even after retries (the database
 * refuses it) goes to the channel's dead-letter topic, its reason in the record's headers, and the consumer moves on.
 */
@ApplicationScoped
public class ErpPushConsumer {

    private final ErpIntake intake;
    private final SyncRunRepository runs;
    private final ObjectMapper json;

    ErpPushConsumer(ErpIntake intake, SyncRunRepository runs, ObjectMapper json) {
        this.intake = intake;
        this.runs = runs;
        this.json = json;
    }

    @Incoming("erp-workorders")
    public Uni<Void> onRecord(ConsumerRecord<String, String> record) {
        return Panache.withTransaction(() -> runs.pushRunOfThisHour().flatMap(run -> intake.take(List.of(
                    Candidate.pushed(parse(record.value()), record.value() == null ? "" : record.value(), run.id,
                        record.topic(), record.partition(), record.offset())), false)
                .call(results -> runs.recordAll(run.id, results))
                .invoke(results -> count(run, results))))
            .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(4)
            .replaceWithVoid();
    }

    private static void count(SyncRun run, List<IntakeResult> results) {
        run.count(results);
        run.finishedAt = java.time.Instant.now();
    }

    /** The record's JSON; text that is not JSON stands as a string, which the rules refuse as not a record. */
    private JsonNode parse(String value) {
        try {
            JsonNode node = value == null ? null : json.readTree(value);
            return node == null ? JsonNodeFactory.instance.textNode("") : node;
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.textNode(value);
        }
    }
}
