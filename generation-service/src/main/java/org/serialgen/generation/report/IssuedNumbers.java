package org.serialgen.generation.report;

import java.util.List;
import java.util.Map;

import org.serialgen.events.ConfigActivated;
import org.serialgen.generation.pool.AllocationRepository.PooledRange;
import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.pool.SerialPool;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.kit.errors.Refused;
import org.serialgen.permutation.SerialCodec;

import io.vertx.core.Context;

/**
 * What a work order holds of a kind, read before a report streams: its active ranges of pool counters, the pools
 * with their codecs, whether values from external sources follow, and the Vert.x context their pages are read on.
 */
record IssuedNumbers(WorkOrder workOrder, Kind kind, List<PooledRange> ranges, Map<Long, PoolCodec> pools,
                     boolean external, ConfigActivated config, Context context) {

    /** A pool and the codec of its serials. */
    record PoolCodec(SerialPool pool, SerialCodec codec) {
    }

    boolean empty() {
        return ranges.isEmpty() && !external;
    }

    PoolCodec pool(long id) {
        PoolCodec pool = pools.get(id);
        if (pool == null) {
            throw new IllegalStateException("numbers of an unknown pool " + id);
        }
        return pool;
    }

    /** The length of the company prefix the work order's GTIN is under, which an EPC URN needs. */
    int companyPrefixLength() {
        String gtin = workOrder.gtin;
        if (config != null && config.config().gs1CompanyPrefixes() != null) {
            for (var prefix : config.config().gs1CompanyPrefixes()) {
                if (gtin.startsWith(prefix.prefix(), 1)) {
                    return prefix.prefix().length();
                }
            }
        }
        throw new Refused("COMPANY_PREFIX_UNKNOWN", "The EPC URN needs the company prefix of GTIN " + gtin
            + ": add it to gs1_company_prefixes in the configuration");
    }
}
