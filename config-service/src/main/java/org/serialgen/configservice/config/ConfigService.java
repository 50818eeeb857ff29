package org.serialgen.configservice.config;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.ConfigActivated.AggregationRule;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.outbox.Outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Reads the active configuration and saves new versions, each announced on {@link Topics#CONFIG} through the outbox. */
@ApplicationScoped
public class ConfigService {

    private static final Logger LOG = Logger.getLogger(ConfigService.class);
    static final String SYSTEM_USER = "system";

    @Inject
    Outbox outbox;

    /** The documented defaults (the spec's): 100 % of the quantity, 5 % tolerance, L1 1 · L2 10 · L3 100, L4 off. */
    static ConfigRequest defaults() {
        Map<String, AggregationRule> rules = new LinkedHashMap<>();
        rules.put("l1", new AggregationRule(true, 1));
        rules.put("l2", new AggregationRule(true, 10));
        rules.put("l3", new AggregationRule(true, 100));
        rules.put("l4", new AggregationRule(false, 1000));
        return new ConfigRequest(List.of(), List.of(), new BigDecimal("100.00"), new BigDecimal("5.00"), rules, null);
    }

    /**
     * A new site starts with the defaults as version 1, published like any other version. On every later start the
     * active version is announced again, so a service that joins after the topic's retention lost the original
     * event still learns it (consumers ignore a version they already hold).
     */
    void announceOnStart(@Observes StartupEvent startup) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> ConfigVersion.<ConfigVersion>find(
                    "active", true).firstResult()
                .flatMap(active -> active == null
                    ? activate(defaults(), null, SYSTEM_USER).replaceWithVoid()
                    : announce(active)))
            .onFailure().invoke(e -> LOG.infof("configuration not announced by this replica (another one did?): %s",
                e.getMessage()))
            .onFailure().recoverWithNull());
    }

    public Uni<ConfigVersion> active() {
        return ConfigVersion.<ConfigVersion>find("active", true).firstResult()
            .onItem().ifNull().failWith(() -> new ApiException.NotFound("CONFIG_NOT_FOUND", "No configuration yet"));
    }

    /**
     * Validates and stores {@code request} as the new active version. The active row is locked first, so concurrent
     * saves queue up; a save based on a version that is no longer active fails with 409 and changes nothing.
     */
    public Uni<ConfigVersion> save(ConfigRequest request, Long basedOn, String user) {
        ConfigRules.check(request);
        return Panache.withTransaction(() -> activate(request, basedOn, user));
    }

    private Uni<ConfigVersion> activate(ConfigRequest request, Long basedOn, String user) {
        return ConfigVersion.<ConfigVersion>find("active", true).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
            .flatMap(current -> {
                if (basedOn != null && (current == null || current.version != basedOn)) {
                    throw new ApiException.Conflict("CONFIG_VERSION_CONFLICT", "The configuration was changed by "
                        + "someone else: you edited version " + basedOn + ", the active version is "
                        + (current == null ? "none" : current.version));
                }
                long next = current == null ? 1 : current.version + 1;
                // The partial unique index allows one active row: clear the flag before the new row is inserted.
                Uni<Integer> deactivate = current == null ? Uni.createFrom().item(0)
                    : ConfigVersion.update("active = false where active = true");
                return deactivate.flatMap(ignored -> insert(request, next, user));
            });
    }

    private Uni<ConfigVersion> insert(ConfigRequest request, long version, String user) {
        Instant now = Instant.now();
        ConfigVersion row = new ConfigVersion();
        row.version = version;
        row.serialSources = request.serialSources() == null ? List.of() : request.serialSources();
        row.ssccSources = request.ssccSources() == null ? List.of() : request.ssccSources();
        row.manufacturingPercentage = request.manufacturingPercentage().setScale(2);
        row.discrepancyTolerance = request.discrepancyTolerance().setScale(2);
        row.aggregationRules = new LinkedHashMap<>(request.aggregationRules());
        row.active = true;
        row.createdAt = now;
        row.updatedAt = now;
        row.createdBy = user;
        row.updatedBy = user;
        return row.<ConfigVersion>persist().call(this::announce);
    }

    private Uni<Void> announce(ConfigVersion version) {
        ConfigActivated event = new ConfigActivated(version.version, version.serialSources, version.ssccSources,
            version.manufacturingPercentage, version.discrepancyTolerance, version.aggregationRules, version.updatedBy,
            version.updatedAt);
        return outbox.publish(Topics.CONFIG, "config", EventTypes.CONFIG_ACTIVATED, event).replaceWithVoid();
    }
}
