package org.serialgen.kit.configreplica;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.serialgen.events.ConfigActivated;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.inbox.ProcessingLocks;

import io.smallrye.mutiny.Uni;

/**
 * A service's copy of the active configuration. Versions only move forward: an older or equal version that arrives
 * late (redelivery, reordering) is ignored. Call inside the consuming transaction.
 *
 * <p>Handlers that compute from the configuration read it with {@link #currentForUpdate()}, which holds a shared
 * processing lock that {@link #apply} takes exclusively: a configuration being applied either sees what such a
 * handler wrote, or the handler sees the new configuration — never neither (see {@link ProcessingLocks}).
 */
@ApplicationScoped
public class ConfigReplica {

    static final String LOCK = "config";

    private final ProcessingLocks locks;

    ConfigReplica(ProcessingLocks locks) {
        this.locks = locks;
    }

    /** {@link #current()}, holding the shared configuration lock until the transaction ends. */
    public Uni<ConfigActivated> currentForUpdate() {
        return locks.shared(LOCK).flatMap(locked -> current());
    }

    /** The newest configuration this service has seen, or null before the first one arrives. */
    public Uni<ConfigActivated> current() {
        return ReplicatedConfig.<ReplicatedConfig>findById(ReplicatedConfig.ROW)
            .map(row -> row == null ? null : EventCodec.read(row.document, ConfigActivated.class));
    }

    /**
     * Stores {@code config} if it is newer than the copy, holding the configuration lock exclusively until the
     * transaction ends (so recompute what depends on it in the same transaction); true when it was applied.
     */
    public Uni<Boolean> apply(ConfigActivated config) {
        return locks.exclusive(LOCK)
            .flatMap(locked -> ReplicatedConfig.<ReplicatedConfig>findById(ReplicatedConfig.ROW,
                LockModeType.PESSIMISTIC_WRITE))
            .flatMap(row -> {
                if (row != null && row.version >= config.version()) {
                    return Uni.createFrom().item(false);
                }
                ReplicatedConfig target = row != null ? row : new ReplicatedConfig();
                target.id = ReplicatedConfig.ROW;
                target.version = config.version();
                target.document = EventCodec.write(config);
                target.appliedAt = Instant.now();
                return target.persist().replaceWith(true);
            });
    }
}
