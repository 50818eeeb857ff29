package org.serialgen.configservice.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where an external serial source may be: generation-service calls every configured URL with the work order's data,
 * so a URL is refused that carries credentials or points at this host, the link-local range (cloud metadata), a
 * private network or a multicast group — unless the environment's allow-list names its host
 * ({@code SERIALGEN_SOURCE_ALLOWED_HOSTS}: host or host:port, comma-separated), as a site does for a provider on its
 * own network. IP literals are judged by their address; a name by itself (it is resolved where the call is made).
 */
final class SourceUrls {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
        + "(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Numbers a resolver reads as an IPv4 address although they are not four decimals: 2130706433, 0x7f.1, 0177.0.0.1. */
    private static final Pattern OBSCURE_IPV4 = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}");

    private SourceUrls() {
    }

    /** Why the URL (absolute http or https) may not be a source, or empty. */
    static Optional<String> problem(String url) {
        return problem(url, allowed());
    }

    /** As above, with the hosts (host or host:port, lower case) the site allows. */
    static Optional<String> problem(String url, Set<String> allowed) {
        URI uri = URI.create(url.strip());
        if (uri.getRawUserInfo() != null) {
            return Optional.of("Must not carry credentials: give the source its credentials another way");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowed.contains(host) || allowed.contains(host + ":" + port(uri))) {
            return Optional.empty();
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return Optional.of(refusal());
        }
        boolean literal = host.contains(":") || DOTTED_QUAD.matcher(host).matches();
        if (!literal) {
            return OBSCURE_IPV4.matcher(host).matches() ? Optional.of("Write an IPv4 address as four decimal numbers")
                : Optional.empty();
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            boolean local = address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()
                || (address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc);
            return local ? Optional.of(refusal()) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("Not a valid address");
        }
    }

    private static String refusal() {
        return "Must not point at this host, a link-local or private address (SERIALGEN_SOURCE_ALLOWED_HOSTS can "
            + "allow a host on the site's own network)";
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Set<String> allowed() {
        return ConfigProvider.getConfig().getOptionalValue("serialgen.sources.allowed-hosts", String.class)
            .map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()))
            .orElse(Set.of());
    }
}
