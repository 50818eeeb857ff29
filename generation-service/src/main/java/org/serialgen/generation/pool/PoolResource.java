package org.serialgen.generation.pool;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.security.Roles;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@Path("/serial-generation/pools/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class PoolResource {

    public record PoolView(
        @JsonProperty("id") long id,
        @JsonProperty("kind") Kind kind,
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

        static PoolView of(SerialPool pool, BigDecimal warningPercent) {
            BigDecimal usage = pool.usagePercent();
            return new PoolView(pool.id, pool.kind, pool.gtin, pool.companyPrefix, pool.extensionDigit,
                pool.alphabet.id(), pool.serialLength, pool.mode.id(), pool.capacity, pool.issued, pool.remaining(),
                usage, warningPercent != null && usage.compareTo(warningPercent) >= 0, pool.createdAt);
        }
    }

    private final PoolRepository pools;
    private final ConfigReplica replica;

    PoolResource(PoolRepository pools, ConfigReplica replica) {
        this.pools = pools;
        this.replica = replica;
    }

    @GET
    @Operation(summary = "Every pool with its capacity (randomised: 1/10 000 of the format's space, EU FMD), "
        + "issued and remaining counters, and whether it passed the configured exhaustion warning")
    public Uni<List<PoolView>> list() {
        return replica.current().flatMap(config -> pools.all().map(all -> all.stream()
            .map(pool -> PoolView.of(pool, config == null ? null : config.config().poolExhaustionWarningPercent()))
            .toList()));
    }
}
