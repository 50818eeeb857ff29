package org.serialgen.events;

/** The {@code event_type} of each envelope, with the schema version its payload follows. */
public final class EventTypes {

    public static final String WORKORDER_SYNCED = "workorder.synced";
    public static final String AGGREGATION_COMPUTED = "aggregation.computed";
    public static final String CONFIG_ACTIVATED = "config.activated";
    public static final String TASK_STARTED = "generation.task.started";
    /** A task waiting for an external source moved on: a source failed, the next one (or the built-in pool) is asked. */
    public static final String TASK_PROGRESS = "generation.task.progress";
    public static final String TASK_COMPLETED = "generation.task.completed";
    public static final String TASK_FAILED = "generation.task.failed";
    public static final String POOL_EXHAUSTION_WARNING = "generation.pool.exhaustion_warning";
    /** A work order's generation state after a task ended ({@link WorkOrderGeneration}). */
    public static final String WORKORDER_GENERATION = "generation.workorder.updated";
    /** The ERP acknowledged a serialization confirmation ({@link ErpConfirmed}). */
    public static final String ERP_CONFIRMED = "erp.confirmation.acknowledged";
    /** A sign-in or token refresh at the gateway, granted or not ({@link SignIn}). */
    public static final String SIGN_IN = "auth.sign_in";

    /** Raised when a payload changes incompatibly; consumers reject versions they do not know. */
    public static final int SCHEMA_VERSION = 1;

    private EventTypes() {
    }
}
