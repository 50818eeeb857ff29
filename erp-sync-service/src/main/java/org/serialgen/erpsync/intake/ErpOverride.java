package org.serialgen.erpsync.intake;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An ERP operator's override of an ERP work order (table {@code erp_override}): the fields it sets win over the
 * ERP's until it is lifted, or a sync forces the ERP's values.
 */
@Entity
@Table(name = "erp_override")
public class ErpOverride extends PanacheEntityBase {

    @Id
    @Column(name = "wo_id")
    public String woId;

    @Column(name = "wo_name")
    public String woName;

    public Long quantity;

    @Column(name = "serial_quantity")
    public Long serialQuantity;

    @Column(nullable = false)
    public String reason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
