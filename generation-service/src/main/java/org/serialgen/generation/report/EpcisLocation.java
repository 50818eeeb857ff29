package org.serialgen.generation.report;

import java.util.Optional;
import java.util.regex.Pattern;

import org.serialgen.generation.config.GenerationSettings;

/**
 * The site's read point and business location for EPCIS events, as SGLN EPC URIs (EPC Tag Data Standard §6.3.3):
 * company prefix and location reference together 12 digits, then an extension of set 82 characters (0 for none).
 */
record EpcisLocation(String readPoint, String bizLocation) {

    private static final Pattern SGLN = Pattern.compile("urn:epc:id:sgln:(\\d{6,12})\\.(\\d{0,6})\\.([!-~]{1,20})");

    EpcisLocation {
        check("epcis-read-point", readPoint);
        check("epcis-biz-location", bizLocation);
    }

    /** The configured location; null where neither is set. A malformed one stops the service from starting. */
    static EpcisLocation of(GenerationSettings settings) {
        Optional<String> readPoint = settings.epcisReadPoint().filter(s -> !s.isBlank());
        Optional<String> bizLocation = settings.epcisBizLocation().filter(s -> !s.isBlank());
        return readPoint.isEmpty() && bizLocation.isEmpty() ? null
            : new EpcisLocation(readPoint.orElse(null), bizLocation.orElse(null));
    }

    private static void check(String setting, String sgln) {
        if (sgln == null) {
            return;
        }
        var parts = SGLN.matcher(sgln);
        if (!parts.matches() || parts.group(1).length() + parts.group(2).length() != 12) {
            throw new IllegalArgumentException("serialgen.generation." + setting + " must be an SGLN EPC URI such as "
                + "urn:epc:id:sgln:9506000.13435.0, not " + sgln);
        }
    }
}
