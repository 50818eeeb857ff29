package org.serialgen.configservice.config;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.serialgen.events.ConfigDocument;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The spec's configuration shape: the document's fields, plus the version and who saved it when. */
public record ConfigResponse(
    @JsonProperty("id") Integer id,
    @Schema(description = "Version number; send it back (or its ETag in If-Match) with an edit")
    @JsonProperty("version") long version,
    @JsonUnwrapped ConfigDocument config,
    @JsonProperty("is_active") boolean active,
    @Schema(description = "seed, update, patch, import, restore or reset")
    @JsonProperty("change_action") String changeAction,
    @JsonProperty("restored_from") Long restoredFrom,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @JsonProperty("created_by") String createdBy,
    @JsonProperty("updated_by") String updatedBy) {

    static ConfigResponse of(ConfigVersion v) {
        return new ConfigResponse(v.id, v.version, v.document(), v.active, v.changeAction, v.restoredFrom,
            v.createdAt, v.updatedAt, v.createdBy, v.updatedBy);
    }
}
