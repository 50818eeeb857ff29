package org.serialgen.generation.report;

import org.serialgen.generation.pool.SerialPool;

/** Consecutive numbers of one pool in a report: {@code values[0, count)}, serials or 18-digit SSCCs. */
record NumberChunk(SerialPool pool, String[] values, int count) {
}
