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
import org.serialgen.events.ConfigDocument;
import org.serialgen.events.ConfigDocument.AggregationRule;
import org.serialgen.events.ConfigDocument.CompanyPrefix;
import org.serialgen.events.ConfigDocument.SerialFormat;
import org.serialgen.events.ConfigDocument.Source;

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
    @ColumnTransformer(read = "CAST(serial_sources AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    @Column(name = "serial_sources", nullable = false)
    public List<Source> serialSources;

    @Convert(converter = JsonColumns.Sources.class)
    @ColumnTransformer(read = "CAST(sscc_sources AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    @Column(name = "sscc_sources", nullable = false)
    public List<Source> ssccSources;

    @Column(name = "builtin_serial_generator", nullable = false)
    public boolean builtinSerialGenerator;

    @Column(name = "manufacturing_percentage", nullable = false, precision = 5, scale = 2)
    public BigDecimal manufacturingPercentage;

    @Column(name = "discrepancy_tolerance", nullable = false, precision = 5, scale = 2)
    public BigDecimal discrepancyTolerance;

    @Convert(converter = JsonColumns.Rules.class)
    @ColumnTransformer(read = "CAST(aggregation_rules AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    @Column(name = "aggregation_rules", nullable = false)
    public Map<String, AggregationRule> aggregationRules;

    @Convert(converter = JsonColumns.Prefixes.class)
    @ColumnTransformer(read = "CAST(gs1_company_prefixes AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    @Column(name = "gs1_company_prefixes", nullable = false)
    public List<CompanyPrefix> gs1CompanyPrefixes;

    @Convert(converter = JsonColumns.Format.class)
    @ColumnTransformer(read = "CAST(serial_format AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    @Column(name = "serial_format", nullable = false)
    public SerialFormat serialFormat;

    @Column(name = "pool_exhaustion_warning_percent", nullable = false, precision = 5, scale = 2)
    public BigDecimal poolExhaustionWarningPercent;

    @Column(name = "is_active", nullable = false)
    public boolean active;

    /** How this version came about: seed, update, patch, import, restore or reset. */
    @Column(name = "change_action", nullable = false)
    public String changeAction;

    @Column(name = "restored_from")
    public Long restoredFrom;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public ConfigDocument document() {
        return new ConfigDocument(serialSources, ssccSources, builtinSerialGenerator, manufacturingPercentage,
            discrepancyTolerance, aggregationRules, gs1CompanyPrefixes, serialFormat, poolExhaustionWarningPercent);
    }

    /** Sets every configured field from {@code document}, which has passed {@link ConfigRules}. */
    void setDocument(ConfigDocument document) {
        serialSources = document.serialSources() == null ? List.of() : document.serialSources();
        ssccSources = document.ssccSources() == null ? List.of() : document.ssccSources();
        builtinSerialGenerator = Boolean.TRUE.equals(document.builtinSerialGenerator());
        manufacturingPercentage = document.manufacturingPercentage().setScale(2);
        discrepancyTolerance = document.discrepancyTolerance().setScale(2);
        aggregationRules = document.aggregationRules();
        gs1CompanyPrefixes = document.gs1CompanyPrefixes() == null ? List.of() : document.gs1CompanyPrefixes();
        serialFormat = document.serialFormat();
        poolExhaustionWarningPercent = document.poolExhaustionWarningPercent().setScale(2);
    }
}
