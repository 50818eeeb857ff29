package org.serialgen.gateway.relay;

/** The services behind the gateway, each at the base URL its {@link GatewaySettings} entry names. */
public enum Upstream {

    CONFIG("config-service"),
    GENERATION("generation-service"),
    ERP_SYNC("erp-sync-service"),
    AGGREGATION("aggregation-service");

    private final String service;

    Upstream(String service) {
        this.service = service;
    }

    /** The service's name, as in its module, its logs and {@code serialgen.gateway.upstreams.*}. */
    public String service() {
        return service;
    }
}
