package org.serialgen.configservice.config;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.serialgen.kit.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Every query of configuration versions and their audit entries. */
@ApplicationScoped
public class ConfigRepository implements PanacheRepository<ConfigVersion> {

    /** The active version, or null before the first one. */
    Uni<ConfigVersion> active() {
        return find("active", true).firstResult();
    }

    /** The active version locked FOR UPDATE, so concurrent saves queue up behind it. */
    Uni<ConfigVersion> lockedActive() {
        return find("active", true).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    Uni<ConfigVersion> byNumber(long number) {
        return find("version", number).firstResult();
    }

    /** The partial unique index allows one active row: the flag is cleared before a new row is inserted. */
    Uni<Integer> deactivate() {
        return update("active = false where active = true");
    }

    Uni<List<ConfigAudit>> history(PageRequest page) {
        return ConfigAudit.<ConfigAudit>findAll(Sort.descending("version")).page(page.index(), page.size()).list();
    }

    Uni<Long> historyCount() {
        return ConfigAudit.count();
    }
}
