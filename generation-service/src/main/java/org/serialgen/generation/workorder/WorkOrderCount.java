package org.serialgen.generation.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * Work orders of one origin and pair of statuses, as appended by the work-order table's triggers (V16) and folded by
 * {@link WorkOrderCounts}: read only, never written from here.
 */
@Entity
@Immutable
@Table(name = "workorder_count")
public class WorkOrderCount extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "wo_source")
    public Origin origin;

    @Column(name = "sscc_generation_status")
    public GenerationStatus ssccStatus;

    @Column(name = "serial_generation_status")
    public GenerationStatus serialsStatus;

    /** Signed: a row appended for deleted work orders, or for those that left this status, is negative. */
    @Column(name = "work_orders")
    public long workOrders;
}
