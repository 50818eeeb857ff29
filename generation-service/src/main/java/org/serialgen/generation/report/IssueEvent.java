package org.serialgen.generation.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.serialgen.generation.pool.AllocationRepository.IssuedRange;
import org.serialgen.generation.pool.AllocationRepository.PooledRange;
import org.serialgen.generation.source.ExternalSerialRepository.Delivery;

/**
 * One EPCIS ObjectEvent's worth of a work order's numbers: what one task issued (commissioning, at the time they were
 * issued), or what of it was voided at one time (decommissioning). The event's identity and time come from the
 * database, so every download of a work order's document tells the same events.
 */
record IssueEvent(UUID task, Instant voidedAt, Instant time, IssuedNumbers numbers) {

    /** Oldest first; a task's commissioning before anything voided at the same moment. */
    static final Comparator<IssueEvent> CHRONOLOGICAL = Comparator.comparing(IssueEvent::time)
        .thenComparing(IssueEvent::decommissioning).thenComparing(IssueEvent::task);

    /** The numbers of one event: {@code ranges} of pool counters, and whether external values of it follow. */
    interface Numbers {
        IssuedNumbers of(IssueEvent event, List<PooledRange> ranges, boolean external);
    }

    boolean decommissioning() {
        return voidedAt != null;
    }

    /** A URI that names this event alone and is the same on every download (name-based UUID). */
    String eventId() {
        String name = "serialgen:" + (decommissioning() ? "decommissioning:" + voidedAt : "commissioning") + ":"
            + numbers.kind().code() + ":" + task;
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The events of one kind's ranges (active and void) and external deliveries, in no particular order. */
    static List<IssueEvent> of(List<IssuedRange> ranges, List<Delivery> deliveries, Numbers numbers) {
        Map<List<Object>, Group> groups = new LinkedHashMap<>();
        for (IssuedRange range : ranges) {
            group(groups, range.task(), null, range.issuedAt()).ranges.add(range.range());
            if (range.voidedAt() != null) {
                group(groups, range.task(), range.voidedAt(), range.voidedAt()).ranges.add(range.range());
            }
        }
        for (Delivery delivery : deliveries) {
            group(groups, delivery.task(), delivery.voidedAt(), delivery.at()).external = true;
        }
        List<IssueEvent> events = new ArrayList<>(groups.size());
        for (Group group : groups.values()) {
            IssueEvent shell = new IssueEvent(group.task, group.voidedAt, group.time, null);
            events.add(new IssueEvent(group.task, group.voidedAt, group.time,
                numbers.of(shell, group.ranges, group.external)));
        }
        return events;
    }

    private static Group group(Map<List<Object>, Group> groups, UUID task, Instant voidedAt, Instant at) {
        Group group = groups.computeIfAbsent(java.util.Arrays.asList(task, voidedAt), key -> new Group(task, voidedAt));
        group.time = group.time == null || at.isBefore(group.time) ? at : group.time;
        return group;
    }

    private static final class Group {
        final UUID task;
        final Instant voidedAt;
        final List<PooledRange> ranges = new ArrayList<>();
        Instant time;
        boolean external;

        Group(UUID task, Instant voidedAt) {
            this.task = task;
            this.voidedAt = voidedAt;
        }
    }
}
