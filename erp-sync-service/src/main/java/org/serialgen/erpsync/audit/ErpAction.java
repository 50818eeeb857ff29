package org.serialgen.erpsync.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An action someone took on the ERP integration (table {@code erp_action}), written with the change it made. */
@Entity
@Table(name = "erp_action")
public class ErpAction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String action;

    @Column(name = "wo_id")
    public String woId;

    /** What else it concerns: a run's or a failed record's id. */
    public String target;

    @Column(nullable = false)
    public String actor;

    public String reason;

    @ColumnTransformer(read = "CAST(details AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    public String details;

    @Column(nullable = false)
    public Instant at;
}
