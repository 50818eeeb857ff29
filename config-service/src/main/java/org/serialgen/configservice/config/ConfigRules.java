package org.serialgen.configservice.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.serialgen.events.ConfigDocument;
import org.serialgen.events.ConfigDocument.AggregationRule;
import org.serialgen.events.ConfigDocument.CompanyPrefix;
import org.serialgen.events.ConfigDocument.SerialFormat;
import org.serialgen.events.ConfigDocument.Source;
import org.serialgen.gs1.SerialAlphabet;
import org.serialgen.gs1.SerialMode;
import org.serialgen.kit.errors.ApiException;

/**
 * What a configuration must satisfy before it may become active. All problems are collected, each under the JSON path
 * of its field, so one answer tells the user everything to fix.
 */
final class ConfigRules {

    static final List<String> LEVELS = List.of("l1", "l2", "l3", "l4");
    /** EU FMD (Delegated Regulation 2016/161, art. 4): guessing a valid serial must be less likely than 1 in 10 000. */
    static final long MAX_EXPECTED_VOLUME = 1_000_000_000_000L;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<String, List<String>> problems = new LinkedHashMap<>();

    private ConfigRules() {
    }

    /** @throws ApiException.Validation listing every broken rule */
    static void check(ConfigDocument document) {
        ConfigRules rules = new ConfigRules();
        rules.percentage("manufacturing_percentage", document.manufacturingPercentage());
        rules.percentage("discrepancy_tolerance", document.discrepancyTolerance());
        rules.percentage("pool_exhaustion_warning_percent", document.poolExhaustionWarningPercent());
        rules.sources("serial_sources", document.serialSources());
        rules.sources("sscc_sources", document.ssccSources());
        rules.serialSupply(document);
        rules.aggregation(document.aggregationRules());
        rules.companyPrefixes(document.gs1CompanyPrefixes());
        rules.serialFormat(document.serialFormat());
        if (!rules.problems.isEmpty()) {
            throw new ApiException.Validation(rules.problems);
        }
    }

    private void percentage(String field, BigDecimal value) {
        if (value == null) {
            add(field, "This field is required");
        } else if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            add(field, "Value must be between 0 and 100");
        } else if (value.stripTrailingZeros().scale() > 2) {
            add(field, "At most two decimal places are allowed");
        }
    }

    /** Sources per kind at most: each is called in turn for every task, so a long list is a misconfiguration. */
    static final int MAX_SOURCES = 20;

    private void sources(String field, List<Source> sources) {
        if (sources == null) {
            return;
        }
        if (sources.size() > MAX_SOURCES) {
            add(field, "At most " + MAX_SOURCES + " sources");
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            String at = field + "[" + i + "]";
            Source source = sources.get(i);
            if (source == null) {
                add(at, "A source must be an object with name, url and enabled");
                continue;
            }
            if (source.name() == null || source.name().isBlank()) {
                add(at + ".name", "A source needs a name");
            } else if (source.name().length() > 100) {
                add(at + ".name", "At most 100 characters");
            } else if (!names.add(source.name().strip().toLowerCase(java.util.Locale.ROOT))) {
                add(at + ".name", "Source names must be unique");
            }
            if (!isHttpUrl(source.url())) {
                add(at + ".url", "Must be an absolute http or https URL");
            } else {
                SourceUrls.problem(source.url()).ifPresent(problem -> add(at + ".url", problem));
            }
            if (source.enabled() == null) {
                add(at + ".enabled", "Must be true or false");
            }
        }
    }

    private void serialSupply(ConfigDocument document) {
        boolean anySource = document.serialSources() != null && document.serialSources().stream()
            .anyMatch(s -> s != null && Boolean.TRUE.equals(s.enabled()));
        if (document.builtinSerialGenerator() == null) {
            add("builtin_serial_generator", "Must be true or false");
        } else if (!anySource && !document.builtinSerialGenerator()) {
            add("serial_sources", "Enable at least one serial source or the built-in generator");
        }
    }

    private void aggregation(Map<String, AggregationRule> rules) {
        String field = "aggregation_rules";
        if (rules == null || rules.isEmpty()) {
            add(field, "This field is required");
            return;
        }
        for (String key : rules.keySet()) {
            if (!LEVELS.contains(key)) {
                add(field + "." + key, "Unknown level; levels are l1, l2, l3 and l4");
            }
        }
        AggregationRule l1 = rules.get("l1");
        if (l1 == null || !Boolean.TRUE.equals(l1.enabled()) || l1.multiplier() == null || l1.multiplier() != 1) {
            add(field + ".l1", "Level l1 (the item) must be enabled with multiplier 1");
        }
        long below = 1;
        String belowLevel = "l1";
        for (String level : LEVELS) {
            AggregationRule rule = rules.get(level);
            if (rule == null || level.equals("l1")) {
                continue;
            }
            if (rule.enabled() == null) {
                add(field + "." + level + ".enabled", "Must be true or false");
            }
            if (rule.multiplier() == null || rule.multiplier() <= 0) {
                add(field + "." + level + ".multiplier", "Must be a positive whole number");
            } else if (Boolean.TRUE.equals(rule.enabled())) {
                if (rule.multiplier() <= below || rule.multiplier() % below != 0) {
                    add(field + "." + level + ".multiplier", "Must be a whole multiple, greater than 1, of the "
                        + "enabled level below (" + belowLevel + " = " + below + ")");
                } else {
                    below = rule.multiplier();
                    belowLevel = level;
                }
            }
        }
    }

    private void companyPrefixes(List<CompanyPrefix> prefixes) {
        if (prefixes == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < prefixes.size(); i++) {
            String at = "gs1_company_prefixes[" + i + "]";
            CompanyPrefix prefix = prefixes.get(i);
            if (prefix == null) {
                add(at, "A company prefix must be an object with prefix and sscc_extension_digit");
                continue;
            }
            if (prefix.prefix() == null || !prefix.prefix().matches("[0-9]{6,12}")) {
                add(at + ".prefix", "Must be 6 to 12 digits");
            } else if (!seen.add(prefix.prefix())) {
                add(at + ".prefix", "Company prefixes must be unique");
            }
            if (prefix.ssccExtensionDigit() == null || prefix.ssccExtensionDigit() < 0
                || prefix.ssccExtensionDigit() > 9) {
                add(at + ".sscc_extension_digit", "Must be a digit from 0 to 9");
            }
        }
    }

    private void serialFormat(SerialFormat format) {
        String field = "serial_format";
        if (format == null) {
            add(field, "This field is required");
            return;
        }
        boolean lengthOk = format.length() != null && format.length() >= 1 && format.length() <= 20;
        if (!lengthOk) {
            add(field + ".length", "Must be between 1 and 20 characters (AI 21)");
        }
        Optional<SerialAlphabet> alphabet = SerialAlphabet.byId(format.alphabet());
        if (alphabet.isEmpty()) {
            add(field + ".alphabet", "Must be numeric, alphanumeric_upper, alphanumeric_safe or cs82 "
                + "(subsets of GS1 character set 82)");
        }
        if (SerialMode.byId(format.mode()).isEmpty()) {
            add(field + ".mode", "Must be randomised or sequential");
        }
        boolean volumeOk = format.expectedVolumePerGtin() != null && format.expectedVolumePerGtin() >= 1
            && format.expectedVolumePerGtin() <= MAX_EXPECTED_VOLUME;
        if (!volumeOk) {
            add(field + ".expected_volume_per_gtin", "Must be between 1 and " + MAX_EXPECTED_VOLUME);
        }
        if (lengthOk && alphabet.isPresent() && volumeOk && SerialMode.byId(format.mode()).orElse(null) == SerialMode.RANDOMISED) {
            BigInteger space = alphabet.get().space(format.length());
            BigInteger needed = BigInteger.valueOf(format.expectedVolumePerGtin()).multiply(SerialMode.FMD_GUESS_ODDS);
            if (space.compareTo(needed) < 0) {
                add(field, "EU FMD: " + format.expectedVolumePerGtin() + " serials in a space of " + space + " ("
                    + format.alphabet() + ", " + format.length() + " characters) can be guessed more often than 1 in "
                    + "10 000; lengthen the serials, widen the alphabet or lower expected_volume_per_gtin");
            }
        }
    }

    private static boolean isHttpUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && uri.getHost() != null
                && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void add(String field, String problem) {
        problems.computeIfAbsent(field, k -> new ArrayList<>()).add(problem);
    }
}
