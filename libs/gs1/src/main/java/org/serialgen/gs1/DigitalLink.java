package org.serialgen.gs1;

import java.net.URI;

/**
 * GS1 Digital Link URIs (GS1 Digital Link standard 1.1, §4): {@code https://<resolver>/01/<GTIN-14>/21/<serial>},
 * a pack's with its lot and expiry, and {@code https://<resolver>/00/<SSCC>}. The serial is percent-encoded except for
 * RFC 3986's unreserved characters.
 * The resolver host is the site's choice; {@value #DEFAULT_RESOLVER} is GS1's own.
 */
public final class DigitalLink {

    public static final String DEFAULT_RESOLVER = "https://id.gs1.org";

    private final String resolver;

    /** @param resolver scheme and host, such as {@code https://id.example.com}; a trailing slash is ignored */
    public DigitalLink(String resolver) {
        URI uri = URI.create(resolver);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("the resolver must be an absolute URI: " + resolver);
        }
        this.resolver = resolver.endsWith("/") ? resolver.substring(0, resolver.length() - 1) : resolver;
    }

    public static DigitalLink gs1() {
        return new DigitalLink(DEFAULT_RESOLVER);
    }

    public String of(Sgtin sgtin) {
        return resolver + "/01/" + sgtin.gtin().value() + "/21/"
            + PercentEncoding.encodeAllButUnreserved(sgtin.serial().value());
    }

    /**
     * A pack's link: {@code /01/<GTIN>/10/<lot>/21/<serial>?17=<YYMMDD>} — the lot a key qualifier in the path
     * between GTIN and serial (Digital Link 1.1 §4.5), the expiry a data attribute in the query.
     */
    public String of(PackCode pack) {
        return resolver + "/01/" + pack.gtin().value() + "/10/" + PercentEncoding.encodeAllButUnreserved(pack.lot())
            + "/21/" + PercentEncoding.encodeAllButUnreserved(pack.serial().value()) + "?17="
            + Gs1Date.format(pack.expiry());
    }

    public String of(Sscc sscc) {
        return resolver + "/00/" + sscc.value();
    }

    /** Any resolver's SGTIN link, with or without a lot qualifier; a GTIN-8/12/13 in the path is padded to GTIN-14. */
    public static Sgtin parseSgtin(String link) {
        String path = path(link);
        int at = path.indexOf("/01/");
        int gtinEnd = at < 0 ? -1 : path.indexOf('/', at + 4);
        int serialAt = gtinEnd < 0 ? -1 : path.indexOf("/21/", gtinEnd);
        if (serialAt < 0) {
            throw new IllegalArgumentException("not a Digital Link with /01/<GTIN>/…/21/<serial>: " + link);
        }
        String serial = path.substring(serialAt + 4);
        int end = serial.indexOf('/');
        return new Sgtin(Gtin.parse(path.substring(at + 4, gtinEnd)),
            new SerialNumber(PercentEncoding.decode(end < 0 ? serial : serial.substring(0, end))));
    }

    public static Sscc parseSscc(String link) {
        String path = path(link);
        int at = path.indexOf("/00/");
        if (at < 0 || path.length() < at + 4 + 18) {
            throw new IllegalArgumentException("not a Digital Link with /00/<SSCC>: " + link);
        }
        return new Sscc(path.substring(at + 4, at + 22));
    }

    private static String path(String link) {
        URI uri = URI.create(link);
        if (uri.getRawPath() == null) {
            throw new IllegalArgumentException("not a URI with a path: " + link);
        }
        return uri.getRawPath();
    }
}
