package org.serialgen.configservice.config;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.serialgen.events.ConfigActivated.AggregationRule;
import org.serialgen.events.ConfigActivated.Source;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One saved version of the configuration (table {@code serial_generation_config}); never changed once written. */
@Entity
@Table(name = "serial_generation_config")
public class ConfigVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @Column(nullable = false, unique = true)
    public long version;

    @Convert(converter = JsonColumns.Sources.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "serial_sources", nullable = false)
    public List<Source> serialSources;

    @Convert(converter = JsonColumns.Sources.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "sscc_sources", nullable = false)
    public List<Source> ssccSources;

    @Column(name = "manufacturing_percentage", nullable = false, precision = 5, scale = 2)
    public BigDecimal manufacturingPercentage;

    @Column(name = "discrepancy_tolerance", nullable = false, precision = 5, scale = 2)
    public BigDecimal discrepancyTolerance;

    @Convert(converter = JsonColumns.Rules.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "aggregation_rules", nullable = false)
    public Map<String, AggregationRule> aggregationRules;

    @Column(name = "is_active", nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
