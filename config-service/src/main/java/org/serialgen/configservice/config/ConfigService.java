package org.serialgen.configservice.config;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.ConfigDocument;
import org.serialgen.events.ConfigDocument.AggregationRule;
import org.serialgen.events.ConfigDocument.SerialFormat;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.gs1.SerialAlphabet;
import org.serialgen.gs1.SerialMode;
import org.serialgen.kit.audit.AuditTrail;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.outbox.Outbox;
import org.serialgen.kit.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The configuration's versions. Every save — update, patch, import, restore, reset — validates the whole document,
 * stores it as a new immutable version that becomes the active one, writes its audit entry with the field-level
 * changes, and announces it on {@link Topics#CONFIG} through the outbox, all in one transaction.
 */
@ApplicationScoped
public class ConfigService {

    private static final Logger LOG = Logger.getLogger(ConfigService.class);
    static final String SYSTEM_USER = "system";

    /** A save and what it is based on: the version the client edited (null: the active one, unconditionally). */
    record Save(ConfigDocument document, Long basedOn, String action, Long restoredFrom, String user) {
    }

    private final ConfigRepository versions;
    private final Outbox outbox;
    private final Optional<String> seedCompanyPrefix;
    private final AuditTrail trail;

    ConfigService(ConfigRepository versions, Outbox outbox,
                  @ConfigProperty(name = "serialgen.config.seed-company-prefix") Optional<String> seedCompanyPrefix,
                  AuditTrail trail) {
        this.trail = trail;
        this.versions = versions;
        this.outbox = outbox;
        this.seedCompanyPrefix = seedCompanyPrefix.filter(prefix -> !prefix.isBlank());
    }

    /**
     * The first version of a new site: the defaults, with the company prefixes the deployment names, comma-separated
     * (the local run names GS1's demonstration and example prefixes, so that the demo's serials and SSCCs can be
     * issued at once). SSCCs come from the first; serials only for GTINs under one of them.
     */
    ConfigDocument seed() {
        ConfigDocument defaults = defaults();
        return seedCompanyPrefix.map(prefixes -> new ConfigDocument(defaults.serialSources(), defaults.ssccSources(),
            defaults.builtinSerialGenerator(), defaults.manufacturingPercentage(), defaults.discrepancyTolerance(),
            defaults.aggregationRules(), java.util.Arrays.stream(prefixes.split(",")).map(String::strip)
                .filter(prefix -> !prefix.isEmpty()).map(prefix -> new ConfigDocument.CompanyPrefix(prefix, 0))
                .toList(),
            defaults.serialFormat(), defaults.poolExhaustionWarningPercent())).orElse(defaults);
    }

    /** The documented defaults: the spec's percentages and aggregation, a 12-digit randomised numeric serial. */
    static ConfigDocument defaults() {
        Map<String, AggregationRule> rules = new LinkedHashMap<>();
        rules.put("l1", new AggregationRule(true, 1L));
        rules.put("l2", new AggregationRule(true, 10L));
        rules.put("l3", new AggregationRule(true, 100L));
        rules.put("l4", new AggregationRule(false, 1000L));
        return new ConfigDocument(List.of(), List.of(), true, new BigDecimal("100.00"), new BigDecimal("5.00"), rules,
            List.of(), new SerialFormat(12, SerialAlphabet.NUMERIC.id(), SerialMode.RANDOMISED.id(), 1_000_000L), new BigDecimal("80.00"));
    }

    /**
     * A new site starts with the defaults as version 1, published like any other version. On every later start the
     * active version is announced again, so a service that joins after the topic's retention lost the original
     * event still learns it (consumers ignore a version they already hold).
     */
    void announceOnStart(@Observes StartupEvent startup) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> versions.active()
                .flatMap(active -> active == null
                    ? activate(new Save(seed(), null, "seed", null, SYSTEM_USER)).replaceWithVoid()
                    : announce(active)))
            .onFailure().invoke(e -> LOG.infof("configuration not announced by this replica (another one did?): %s",
                e.getMessage()))
            .onFailure().recoverWithNull());
    }

    public Uni<ConfigVersion> active() {
        return versions.active().onItem().ifNull().failWith(() -> new ApiException.NotFound("CONFIG_NOT_FOUND", "No configuration yet"));
    }

    public Uni<ConfigVersion> version(long number) {
        return versions.byNumber(number).onItem().ifNull().failWith(() -> new ApiException.NotFound("CONFIG_VERSION_NOT_FOUND",
                "Configuration version " + number + " does not exist"));
    }

    public Uni<ConfigVersion> save(Save save) {
        ConfigRules.check(save.document());
        return Panache.withTransaction(() -> activate(save));
    }

    /** The first configuration, from a whole document; once one exists, it changes by PUT or PATCH (409). */
    public Uni<ConfigVersion> create(ConfigDocument document, String user) {
        ConfigRules.check(document);
        return Panache.withTransaction(() -> lockActive().flatMap(current -> {
            if (current != null) {
                throw new ApiException.Conflict("CONFIG_EXISTS", "The configuration exists (version "
                    + current.version + "): change it with PUT or PATCH", ConfigResponse.of(current));
            }
            return insert(null, new Save(document, null, "update", null, user));
        }));
    }

    /** Applies an RFC 7396 merge patch to the version the client edited, then saves the result like a PUT. */
    public Uni<ConfigVersion> patch(com.fasterxml.jackson.databind.JsonNode patch, long basedOn, String user) {
        return Panache.withTransaction(() -> lockActive().flatMap(current -> {
            requireCurrent(current, basedOn);
            ConfigDocument patched = ConfigJson.document(ConfigJson.mergePatch(ConfigJson.tree(current.document()),
                patch));
            ConfigRules.check(patched);
            return insert(current, new Save(patched, basedOn, "patch", null, user));
        }));
    }

    public Uni<ConfigVersion> restore(long number, Long basedOn, String user) {
        return Panache.withTransaction(() -> version(number).flatMap(old ->
            activate(new Save(old.document(), basedOn, "restore", number, user))));
    }

    public Uni<ConfigVersion> reset(Long basedOn, String user) {
        return save(new Save(defaults(), basedOn, "reset", null, user));
    }

    /** The changes an import would make to the active version, without saving anything. */
    public Uni<ConfigTransfer.ImportResult> dryRun(ConfigDocument document) {
        ConfigRules.check(document);
        return active().map(current -> new ConfigTransfer.ImportResult(true, null, current.version,
            ConfigChange.between(current.document(), document)));
    }

    public Uni<ConfigTransfer.ImportResult> importDocument(ConfigDocument document, Long basedOn, String user) {
        ConfigRules.check(document);
        return Panache.withTransaction(() -> lockActive().flatMap(current -> {
            requireCurrent(current, basedOn);
            return insert(current, new Save(document, basedOn, "import", null, user))
                .map(saved -> new ConfigTransfer.ImportResult(false, saved.version, current.version,
                    ConfigChange.between(current.document(), document)));
        }));
    }

    public Uni<List<ConfigAudit>> history(PageRequest page) {
        return versions.history(page);
    }

    public Uni<Long> historyCount() {
        return versions.historyCount();
    }

    /**
     * The active row is locked first, so concurrent saves queue up; a save based on a version that is no longer
     * active fails with 409 and changes nothing.
     */
    private Uni<ConfigVersion> activate(Save save) {
        return lockActive().flatMap(current -> {
            requireCurrent(current, save.basedOn());
            return insert(current, save);
        });
    }

    private Uni<ConfigVersion> lockActive() {
        return versions.lockedActive();
    }

    private static void requireCurrent(ConfigVersion current, Long basedOn) {
        if (basedOn != null && (current == null || current.version != basedOn)) {
            throw new ApiException.Conflict("CONFIG_VERSION_CONFLICT", "The configuration was changed by someone "
                + "else: you edited version " + basedOn + ", the active version is "
                + (current == null ? "none" : current.version), current == null ? null : ConfigResponse.of(current));
        }
    }

    private Uni<ConfigVersion> insert(ConfigVersion current, Save save) {
        if (current != null && ConfigChange.between(current.document(), save.document()).isEmpty()) {
            // a save that changes nothing makes no version and no event: the active one is the answer
            return Uni.createFrom().item(current);
        }
        Instant now = Instant.now();
        ConfigVersion row = new ConfigVersion();
        row.version = current == null ? 1 : current.version + 1;
        row.setDocument(save.document());
        row.active = true;
        row.changeAction = save.action();
        row.restoredFrom = save.restoredFrom();
        // created_* describe the configuration (its first version), updated_* this version
        row.createdAt = current == null ? now : current.createdAt;
        row.updatedAt = now;
        row.createdBy = current == null ? save.user() : current.createdBy;
        row.updatedBy = save.user();

        ConfigAudit audit = new ConfigAudit();
        audit.action = save.action();
        audit.version = row.version;
        audit.previousVersion = current == null ? null : current.version;
        audit.restoredFrom = save.restoredFrom();
        audit.changes = ConfigChange.between(current == null ? null : current.document(), row.document());
        audit.createdBy = save.user();
        audit.createdAt = now;

        Uni<Integer> deactivate = current == null ? Uni.createFrom().item(0) : versions.deactivate();
        return deactivate
            .flatMap(ignored -> versions.persist(row))
            .call(saved -> audit.persist())
            .call(saved -> {
                java.util.Map<String, Object> change = new java.util.LinkedHashMap<>();
                change.put("previous_version", audit.previousVersion);
                change.put("restored_from", audit.restoredFrom);
                change.put("changes", audit.changes);
                return trail.record("config." + save.action(), "config", String.valueOf(row.version), change);
            })
            .call(this::announce);
    }

    private Uni<Void> announce(ConfigVersion version) {
        ConfigActivated event = new ConfigActivated(version.version, version.document(), version.updatedBy,
            version.updatedAt);
        return outbox.publish(Topics.CONFIG, "config", EventTypes.CONFIG_ACTIVATED, event).replaceWithVoid();
    }
}
