package org.serialgen.configservice.config;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.serialgen.events.ConfigActivated.AggregationRule;
import org.serialgen.events.ConfigActivated.Source;
import org.serialgen.kit.errors.ApiException;

/**
 * What a configuration must satisfy before it may become active. All problems are collected, each under the JSON path
 * of its field, so one answer tells the user everything to fix.
 */
final class ConfigRules {

    static final List<String> LEVELS = List.of("l1", "l2", "l3", "l4");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<String, List<String>> problems = new LinkedHashMap<>();

    private ConfigRules() {
    }

    /** @throws ApiException.Validation listing every broken rule */
    static void check(ConfigRequest request) {
        if (request == null) {
            throw ApiException.Validation.of("body", "a configuration is required");
        }
        ConfigRules rules = new ConfigRules();
        rules.percentage("manufacturing_percentage", request.manufacturingPercentage());
        rules.percentage("discrepancy_tolerance", request.discrepancyTolerance());
        rules.sources("serial_sources", request.serialSources());
        rules.sources("sscc_sources", request.ssccSources());
        rules.aggregation(request.aggregationRules());
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

    private void sources(String field, List<Source> sources) {
        if (sources == null) {
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
            } else if (!names.add(source.name().strip())) {
                add(at + ".name", "Source names must be unique");
            }
            if (!isHttpUrl(source.url())) {
                add(at + ".url", "Must be an absolute http or https URL");
            }
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
        if (l1 == null || !l1.enabled() || l1.multiplier() != 1) {
            add(field + ".l1", "Level l1 (the item) must be enabled with multiplier 1");
        }
        long below = 1;
        for (String level : LEVELS) {
            AggregationRule rule = rules.get(level);
            if (rule == null) {
                continue;
            }
            if (rule.multiplier() <= 0) {
                add(field + "." + level + ".multiplier", "Must be a positive whole number");
            } else if (rule.enabled() && !level.equals("l1")) {
                if (rule.multiplier() <= below || rule.multiplier() % below != 0) {
                    add(field + "." + level + ".multiplier",
                        "Must be a whole multiple, greater than 1, of the enabled level below (" + below + ")");
                } else {
                    below = rule.multiplier();
                }
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
