package org.serialgen.configservice.config;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The export file and the answers of import and history. */
public final class ConfigTransfer {

    static final String FORMAT = "serialgen-config";
    static final int FORMAT_VERSION = 1;

    private ConfigTransfer() {
    }

    /** What {@code GET …/export/} downloads and {@code POST …/import/} takes. */
    @Schema(name = "ConfigExport")
    public record Export(
        @Schema(description = "Always serialgen-config") @JsonProperty("format") String format,
        @Schema(description = "Version of this file format (1)") @JsonProperty("format_version") Integer formatVersion,
        @JsonProperty("exported_at") Instant exportedAt,
        @JsonProperty("exported_by") String exportedBy,
        @Schema(description = "The configuration version exported") @JsonProperty("source_version") Long sourceVersion,
        @JsonProperty("config") com.fasterxml.jackson.databind.JsonNode config) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ConfigImportResult")
    public record ImportResult(
        @JsonProperty("dry_run") boolean dryRun,
        @Schema(description = "The version the import created; absent on a dry run") @JsonProperty("version") Long version,
        @Schema(description = "The version active before the import") @JsonProperty("based_on_version") long basedOn,
        @Schema(description = "Field-level changes the import makes (or would make) to the active version")
        @JsonProperty("changes") List<ConfigChange> changes) {
    }

    @Schema(name = "ConfigHistoryEntry")
    public record HistoryEntry(
        @JsonProperty("version") long version,
        @Schema(description = "seed, update, patch, import, restore or reset") @JsonProperty("action") String action,
        @JsonProperty("action_type") String actionType,
        @JsonProperty("previous_version") Long previousVersion,
        @JsonProperty("restored_from") Long restoredFrom,
        @JsonProperty("user") String user,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("changes") List<ConfigChange> changes) {

        static HistoryEntry of(ConfigAudit audit) {
            return new HistoryEntry(audit.version, audit.action, audit.actionType, audit.previousVersion,
                audit.restoredFrom, audit.createdBy, audit.createdAt, audit.changes);
        }
    }
}
