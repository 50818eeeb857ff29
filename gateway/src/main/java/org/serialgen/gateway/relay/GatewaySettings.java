package org.serialgen.gateway.relay;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the gateway reaches the services ({@code serialgen.gateway.*}). */
@ConfigMapping(prefix = "serialgen.gateway")
public interface GatewaySettings {

    /** Base URL of each service by its name (config-service, generation-service, …). */
    Map<String, String> upstreams();

    /** How long a connection to a service may take. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long a service may stay silent while it answers, unless the route allows longer. */
    @WithDefault("15s")
    Duration idleTimeout();

    /** Connections kept open to each service. */
    @WithDefault("64")
    int poolSize();
}
