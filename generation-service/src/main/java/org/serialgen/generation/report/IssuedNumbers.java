package org.serialgen.generation.report;

import java.util.List;
import java.util.Map;

import org.serialgen.events.ConfigActivated;
import org.serialgen.generation.pool.AllocationRepository.PooledRange;
import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.pool.SerialPool;
import org.serialgen.generation.source.ExternalSerialRepository.Selection;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.permutation.SerialCodec;

import io.vertx.core.Context;

/**
 * Numbers of a work order of one kind, read before a report streams them: ranges of pool counters, the pools with
 * their codecs, which external values follow (none when {@code external} is null), and the Vert.x context their pages
 * are read on. What it holds now, for a CSV; what one issue or one voiding covered, for an EPCIS event.
 */
record IssuedNumbers(WorkOrder workOrder, Kind kind, List<PooledRange> ranges, Map<Long, PoolCodec> pools,
                     Selection external, ConfigActivated config, Context context) {

    /** A pool and the codec of its serials. */
    record PoolCodec(SerialPool pool, SerialCodec codec) {
    }

    boolean empty() {
        return ranges.isEmpty() && external == null;
    }

    PoolCodec pool(long id) {
        PoolCodec pool = pools.get(id);
        if (pool == null) {
            throw new IllegalStateException("numbers of an unknown pool " + id);
        }
        return pool;
    }
}
