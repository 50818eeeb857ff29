package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.extension.ExtendWith;
import io.restassured.http.ContentType;

/** The live view: a work order's generation events reach a viewer connected to the gateway as they happen. */
@ExtendWith(RunningSuite.class)
class LiveIT {

    static final String API = "/api/v1/serial-generation/";
    static final ObjectMapper JSON = new ObjectMapper();

    final URI events = URI.create(RunningSuite.direct(RunningSuite.GATEWAY) + "/api/v1/serial-generation/events/");

    final HttpClient http = HttpClient.newHttpClient();
    final List<Stream<String>> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(Stream::close);
    }

    /** Connects and collects the events' envelopes as they arrive, on a thread of its own. */
    Queue<JsonNode> connect(String token, String query) throws Exception {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(events + query))
            .header("Authorization", token).header("Accept", "text/event-stream").build(),
            HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        open.add(response.body());
        Queue<JsonNode> received = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().filter(line -> line.startsWith("data:")).forEach(line -> {
                    try {
                        received.add(JSON.readTree(line.substring(5)));
                    } catch (Exception e) {
                        throw new IllegalStateException("not a JSON envelope: " + line, e);
                    }
                });
            } catch (RuntimeException closed) {
                // the test is over and closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return received;
    }

    static List<JsonNode> ofTask(Queue<JsonNode> received, String taskId) {
        return received.stream().filter(e -> taskId.equals(e.path("payload").path("task_id").asText())).toList();
    }

    @Test
    void streamsAWorkOrdersGenerationEventsToItsViewersAsTheyHappen() throws Exception {
        String supervisor = FlowIT.login("supervisor");
        String manager = FlowIT.login("manager");
        FlowIT.patchConfig(manager, "{\"serial_sources\": [], \"builtin_serial_generator\": true}");
        String woId = "WO-LIVE-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", supervisor).contentType(ContentType.JSON).body("""
                {"wo_id": "%s", "wo_name": "Live", "gtin": "09506000134352", "lot": "L-LIVE", "expiry": "2029-01-31",
                 "quantity": 100}""".formatted(woId))
            .post(API + "workorders/").then().statusCode(201);

        Queue<JsonNode> mine = connect(FlowIT.login("viewer"), "?wo_id=" + woId);
        Queue<JsonNode> others = connect(supervisor, "?wo_id=WO-SOMEONE-ELSE");
        // the gateway follows the topic from the newest event once its consumer is assigned: until an issue shows up,
        // issue one serial more
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            given().header("Authorization", supervisor).contentType(ContentType.JSON)
                .body("{\"quantity\": 1, \"override_config\": true}")
                .post(API + "workorders/" + woId + "/generate-serials/").then().statusCode(202);
            return mine.stream().anyMatch(e -> e.path("event_type").asText().equals("generation.task.completed"));
        });

        String taskId = given().header("Authorization", supervisor).contentType(ContentType.JSON)
            .body("{\"quantity\": 2, \"override_config\": true}")
            .post(API + "workorders/" + woId + "/generate-serials/").then().statusCode(202)
            .extract().jsonPath().getString("task_id");
        await().atMost(Duration.ofSeconds(30)).until(() -> ofTask(mine, taskId).size() == 2);
        List<JsonNode> lifecycle = ofTask(mine, taskId);
        assertEquals(List.of("generation.task.started", "generation.task.completed"),
            lifecycle.stream().map(e -> e.path("event_type").asText()).toList());
        JsonNode completed = lifecycle.get(1).path("payload");
        assertEquals(woId, completed.path("wo_id").asText());
        assertEquals("serial", completed.path("kind").asText());
        assertEquals(2, completed.path("generated").asLong());
        assertEquals("completed", completed.path("status").asText());
        assertTrue(mine.stream().filter(e -> !e.path("event_type").asText().equals("stream.heartbeat"))
            .allMatch(e -> woId.equals(e.path("payload").path("wo_id").asText())), "only this work order's events");
        assertTrue(others.stream().noneMatch(e -> woId.equals(e.path("payload").path("wo_id").asText())),
            "a viewer of another work order sees none of these");

        given().get(API + "events/").then().statusCode(401);
    }
}
