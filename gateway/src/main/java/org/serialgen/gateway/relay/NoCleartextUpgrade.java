package org.serialgen.gateway.relay;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The gateway answers plain-HTTP requests as HTTP/1.1 and ignores an {@code Upgrade: h2c}: on an upgraded request the
 * relay saw no body (a client that offers the upgrade by default, as Java's does, had its streamed packing arrive
 * empty). HTTP/2 stays available where it is negotiated over TLS.
 */
@ApplicationScoped
public class NoCleartextUpgrade implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
