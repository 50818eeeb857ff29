package org.serialgen.kit.nativeimage;

import org.serialgen.events.AggregationComputed;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.ConfigDocument;
import org.serialgen.events.ErpConfirmed;
import org.serialgen.events.ErpWorkOrder;
import org.serialgen.events.EventEnvelope;
import org.serialgen.events.GenerationTaskEvent;
import org.serialgen.events.PoolExhaustionWarning;
import org.serialgen.events.SignIn;
import org.serialgen.events.WorkOrderGeneration;
import org.serialgen.events.WorkOrderSynced;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The events' records, and the records nested in them, kept for reflection in a native image: {@code EventCodec}
 * reads and writes them with Jackson outside any REST endpoint, where Quarkus would not see them used. On the JVM
 * this changes nothing. Every service depends on this kit, so each image registers all of them.
 */
@RegisterForReflection(targets = {AggregationComputed.class, ConfigActivated.class, ConfigDocument.class,
    ErpConfirmed.class, ErpWorkOrder.class, EventEnvelope.class, GenerationTaskEvent.class,
    PoolExhaustionWarning.class, SignIn.class, WorkOrderGeneration.class, WorkOrderSynced.class})
final class EventReflection {

    private EventReflection() {
    }
}
