package org.serialgen.events;

/** The {@code event_type} of each envelope, with the schema version its payload follows. */
public final class EventTypes {

    public static final String WORKORDER_SYNCED = "workorder.synced";
    public static final String AGGREGATION_COMPUTED = "aggregation.computed";
    public static final String CONFIG_ACTIVATED = "config.activated";

    /** Raised when a payload changes incompatibly; consumers reject versions they do not know. */
    public static final int SCHEMA_VERSION = 1;

    private EventTypes() {
    }
}
