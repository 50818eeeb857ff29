package org.serialgen.generation.packing;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the packaging line packed: a container and what went into it. */
public record PackRequest(
    @Schema(description = "The container: an SSCC ((00)… or its EPC URN) or a bundle's SGTIN ((01)…(21)… or URN)")
    @JsonProperty("parent") String parent,
    @Schema(description = "1 to 100 000 numbers the work order holds, all of the level right below the container's: "
        + "element strings ((01)…(21)…, also the pack code with (17) and (10), or (00)…) or EPC URNs")
    @JsonProperty("children") List<String> children) {

    public static final int MAX_CHILDREN = 100_000;
}
