package org.serialgen.kit.paging;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where clients reach the suite: scheme, host and port only ({@code serialgen.public-origin}, by default the local
 * run's gateway), read once and checked: http or https, a host, no path, query or credentials.
 */
final class PublicOrigin {

    private static volatile String value;

    private PublicOrigin() {
    }

    static String value() {
        String origin = value;
        if (origin == null) {
            origin = checked(ConfigProvider.getConfig().getOptionalValue("serialgen.public-origin", String.class)
                .orElse("http://127.0.0.1:8080"));
            value = origin;
        }
        return origin;
    }

    static String checked(String configured) {
        URI uri = URI.create(configured.strip());
        boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
            && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!web || uri.getHost() == null || !bare) {
            throw new IllegalStateException("serialgen.public-origin must be http(s)://host[:port], not " + configured);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
