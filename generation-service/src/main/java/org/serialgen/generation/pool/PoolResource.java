package org.serialgen.generation.pool;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.security.Roles;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@Path("/serial-generation/pools/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class PoolResource {

    public record PoolView(
        @JsonProperty("id") long id,
        @JsonProperty("kind") String kind,
        @JsonProperty("gtin") String gtin,
        @JsonProperty("company_prefix") String companyPrefix,
        @JsonProperty("extension_digit") Short extensionDigit,
        @JsonProperty("alphabet") String alphabet,
        @JsonProperty("serial_length") int serialLength,
        @JsonProperty("mode") String mode,
        @JsonProperty("capacity") long capacity,
        @JsonProperty("issued") long issued,
        @JsonProperty("remaining") long remaining,
        @JsonProperty("usage_percent") BigDecimal usagePercent,
        @JsonProperty("exhaustion_warning") boolean exhaustionWarning,
        @JsonProperty("created_at") Instant createdAt) {
    }

    @Inject
    ConfigReplica replica;

    @GET
    @Operation(summary = "Every pool with its capacity (randomised: 1/10 000 of the format's space, EU FMD), "
        + "issued and remaining counters, and whether it passed the configured exhaustion warning")
    public Uni<List<PoolView>> list() {
        return replica.current().flatMap(config -> SerialPool.<SerialPool>listAll(Sort.ascending("id")).map(pools ->
            pools.stream().map(pool -> view(pool, config == null ? null
                : config.config().poolExhaustionWarningPercent())).toList()));
    }

    static PoolView view(SerialPool pool, BigDecimal warningPercent) {
        BigDecimal usage = BigDecimal.valueOf(pool.issued).multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(pool.capacity), 4, RoundingMode.HALF_UP);
        boolean warning = warningPercent != null && usage.compareTo(warningPercent) >= 0;
        return new PoolView(pool.id, pool.kind, pool.gtin, pool.companyPrefix, pool.extensionDigit, pool.alphabet,
            pool.serialLength, pool.mode, pool.capacity, pool.issued, pool.remaining(), usage, warning,
            pool.createdAt);
    }
}
