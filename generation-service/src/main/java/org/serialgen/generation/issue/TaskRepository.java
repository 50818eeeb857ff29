package org.serialgen.generation.issue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.serialgen.generation.pool.Kind;
import org.serialgen.kit.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Every query of generation tasks and of the history rows they write. */
@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<GenerationTask, UUID> {

    /** A page of a work order's history, and how many rows it has in all. */
    public record HistoryPage(long count, List<HistoryEntry> rows) {
    }

    /** The task an earlier request with this key created, or null. */
    Uni<GenerationTask> byIdempotencyKey(int workOrderId, Kind kind, String key) {
        return find("workorderId = ?1 and kind = ?2 and idempotencyKey = ?3", workOrderId, kind, key).firstResult();
    }

    Uni<Long> countOpen(int workOrderId, Kind kind) {
        return count("workorderId = ?1 and kind = ?2 and status in ?3", workOrderId, kind, TaskStatus.OPEN);
    }

    Uni<GenerationTask> locked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Open tasks created before {@code before}. */
    Uni<List<GenerationTask>> openSince(Instant before) {
        return list("status in ?1 and createdAt < ?2", TaskStatus.OPEN, before);
    }

    Uni<HistoryPage> history(int workOrderId, PageRequest page) {
        var query = HistoryEntry.<HistoryEntry>find("workorderId", Sort.descending("id"), workOrderId);
        return query.count().flatMap(count -> query.page(page.index(), page.size()).list()
            .map(rows -> new HistoryPage(count, rows)));
    }
}
