package org.serialgen.generation.packing;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What was taken out of a container: some of its children, or (without children) everything. */
public record UnpackRequest(
    @Schema(description = "The container, as for packing") @JsonProperty("parent") String parent,
    @Schema(description = "The children taken out (1 to 100 000); leave out to empty the container")
    @JsonProperty("children") List<String> children) {
}
