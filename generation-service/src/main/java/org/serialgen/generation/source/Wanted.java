package org.serialgen.generation.source;

import java.util.UUID;

import org.serialgen.gs1.CompanyPrefix;
import org.serialgen.permutation.SerialCodec;

/**
 * What a task asks external sources for, and what their answer is checked against: serials of a GTIN ({@code prefix}
 * null; {@code codec} and {@code capacity} those of the GTIN's pool) or SSCCs of a company prefix and extension digit.
 * {@code requestId} is the task's id: the same for every retry and after a restart, so a provider can answer a
 * repeated request with the same numbers.
 */
public record Wanted(String gtin, CompanyPrefix prefix, int extension, long quantity, UUID requestId,
                     SerialCodec codec, long capacity) {

    SourceRequest request() {
        return prefix == null
            ? new SourceRequest(gtin, null, null, quantity, requestId.toString())
            : new SourceRequest(null, prefix.value(), extension, quantity, requestId.toString());
    }
}
