package org.serialgen.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A generation task's progress ({@link Topics#GENERATION}: {@link EventTypes#TASK_STARTED},
 * {@link EventTypes#TASK_PROGRESS}, {@link EventTypes#TASK_COMPLETED}, {@link EventTypes#TASK_FAILED}), for the gateway's real-time view.
 * {@code kind} is {@code serial}, {@code sscc} or {@code bundle} (serials of the work order's bundle GTINs).
 */
public record GenerationTaskEvent(
    @JsonProperty("task_id") UUID taskId,
    @JsonProperty("wo_id") String woId,
    @JsonProperty("kind") String kind,
    @JsonProperty("status") String status,
    @JsonProperty("requested") long requested,
    @JsonProperty("generated") long generated,
    @JsonProperty("error") String error,
    @JsonProperty("user") String user,
    @JsonProperty("at") Instant at) {
}
