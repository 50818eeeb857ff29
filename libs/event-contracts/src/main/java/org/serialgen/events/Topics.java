package org.serialgen.events;

/** Every Kafka topic of the suite. The ERP topic carries the ERP's own records; the others carry {@link EventEnvelope}s. */
public final class Topics {

    /** Work orders as the ERP publishes them ({@link ErpWorkOrder}, no envelope: it is a third party's format). */
    public static final String ERP_WORKORDERS = "erp.workorders.v1";
    /** Validated work orders from erp-sync-service ({@link WorkOrderSynced}). */
    public static final String WORKORDERS = "serialgen.workorders.v1";
    /** Container counts per packaging level from aggregation-service ({@link AggregationComputed}). */
    public static final String AGGREGATION = "serialgen.aggregation.v1";
    /** Each newly active configuration version from config-service ({@link ConfigActivated}). */
    public static final String CONFIG = "serialgen.config.v1";
    /** Generation task progress and work orders' generation state, from generation-service. */
    public static final String GENERATION = "serialgen.generation.v1";
    /** What the ERP acknowledged, from erp-sync-service ({@link ErpConfirmed}). */
    public static final String ERP = "serialgen.erp.v1";
    /** Sign-ins and refreshes at the gateway, for config-service's audit trail ({@link SignIn}). */
    public static final String AUTH = "serialgen.auth.v1";

    /** Every topic, for creating them up front (dev broker, deployment). */
    public static final java.util.List<String> ALL = java.util.List.of(ERP_WORKORDERS, WORKORDERS, AGGREGATION, CONFIG,
        GENERATION, ERP, AUTH);

    private Topics() {
    }
}
