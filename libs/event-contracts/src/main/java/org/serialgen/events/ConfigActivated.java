package org.serialgen.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The configuration that became active ({@link Topics#CONFIG}, {@link EventTypes#CONFIG_ACTIVATED}). Versions only
 * grow; a consumer applies a version only when it is newer than the one it holds.
 */
public record ConfigActivated(
    @JsonProperty("version") long version,
    @JsonProperty("config") ConfigDocument config,
    @JsonProperty("updated_by") String updatedBy,
    @JsonProperty("activated_at") Instant activatedAt) {
}
