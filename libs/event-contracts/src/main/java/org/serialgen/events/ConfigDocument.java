package org.serialgen.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Serial Generation Configuration (FR-001): everything a manager sets, as saved, exported, imported and
 * announced. Fields are boxed so that a missing one can be told from a zero; config-service validates them all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigDocument(
    @Schema(description = "External serial number providers, tried in order while enabled; then the built-in generator")
    @JsonProperty("serial_sources") List<Source> serialSources,

    @Schema(description = "External SSCC providers, tried in order while enabled; then the built-in SSCC allocator")
    @JsonProperty("sscc_sources") List<Source> ssccSources,

    @Schema(description = "Whether the built-in generator may issue serials (needed when no external source is enabled)")
    @JsonProperty("builtin_serial_generator") Boolean builtinSerialGenerator,

    @Schema(description = "Percent of the work-order quantity to serialise: 0 to 100, at most two decimals. "
        + "Serials for a work order = ceil(quantity × manufacturing_percentage / 100 × (1 + discrepancy_tolerance / 100))",
        minimum = "0", maximum = "100", examples = "100.00")
    @JsonProperty("manufacturing_percentage") BigDecimal manufacturingPercentage,

    @Schema(description = "Percent of extra serials on top, for rejects and rework: 0 to 100, at most two decimals",
        minimum = "0", maximum = "100", examples = "5.00")
    @JsonProperty("discrepancy_tolerance") BigDecimal discrepancyTolerance,

    @Schema(description = "Packaging levels l1 (item) … l4 (pallet). multiplier = L1 units one container of the level "
        + "holds (l1 = 1); each enabled level a whole multiple of the enabled level below")
    @JsonProperty("aggregation_rules") Map<String, AggregationRule> aggregationRules,

    @Schema(description = "GS1 company prefixes SSCCs are issued under, each with its SSCC extension digit")
    @JsonProperty("gs1_company_prefixes") List<CompanyPrefix> gs1CompanyPrefixes,

    @Schema(description = "Format of the serial numbers the built-in generator issues")
    @JsonProperty("serial_format") SerialFormat serialFormat,

    @Schema(description = "Percent of a pool's capacity issued at which an exhaustion warning is raised: 0 to 100",
        minimum = "0", maximum = "100", examples = "80")
    @JsonProperty("pool_exhaustion_warning_percent") BigDecimal poolExhaustionWarningPercent) {

    /** The configured company prefix a GTIN is under (its digits after the indicator), if any. */
    public Optional<CompanyPrefix> prefixOf(String gtin) {
        return gs1CompanyPrefixes == null ? Optional.empty()
            : gs1CompanyPrefixes.stream().filter(p -> p.prefix() != null && gtin.startsWith(p.prefix(), 1)).findFirst();
    }

    public record Source(
        @Schema(description = "Unique name of the source", maxLength = 100)
        @JsonProperty("name") String name,
        @Schema(description = "Absolute http or https URL of the provider's endpoint", format = "uri")
        @JsonProperty("url") String url,
        @Schema(description = "Whether the source is used")
        @JsonProperty("enabled") Boolean enabled) {
    }

    public record AggregationRule(
        @Schema(description = "Whether the level exists in the packaging")
        @JsonProperty("enabled") Boolean enabled,
        @Schema(description = "L1 units per container of this level (a positive whole number; l1 = 1)", minimum = "1")
        @JsonProperty("multiplier") Long multiplier) {
    }

    public record CompanyPrefix(
        @Schema(description = "GS1 company prefix, 6 to 12 digits", pattern = "^[0-9]{6,12}$")
        @JsonProperty("prefix") String prefix,
        @Schema(description = "SSCC extension digit (0–9) used with this prefix", minimum = "0", maximum = "9")
        @JsonProperty("sscc_extension_digit") Integer ssccExtensionDigit) {
    }

    public record SerialFormat(
        @Schema(description = "Characters per serial number, 1 to 20 (AI 21 allows up to 20)", minimum = "1",
            maximum = "20")
        @JsonProperty("length") Integer length,
        @Schema(description = "numeric (10 characters), alphanumeric_upper (36), alphanumeric_safe (31, no look-alikes)"
            + " or cs82 (all 82 characters of GS1 character set 82)",
            enumeration = {"numeric", "alphanumeric_upper", "alphanumeric_safe", "cs82"})
        @JsonProperty("alphabet") String alphabet,
        @Schema(description = "randomised (a keyed permutation of a counter; what EU FMD asks for) or sequential",
            enumeration = {"randomised", "sequential"})
        @JsonProperty("mode") String mode,
        @Schema(description = "Serials expected per GTIN over the format's life. Randomised formats must keep the "
            + "chance of guessing a valid serial below 1 in 10 000: alphabet size^length ≥ 10 000 × this", minimum = "1")
        @JsonProperty("expected_volume_per_gtin") Long expectedVolumePerGtin) {
    }
}
