package org.serialgen.generation.packing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.events.ConfigDocument;
import org.serialgen.kit.errors.Refused;

import io.smallrye.mutiny.Uni;

/** A work order's recorded packing as events, for its EPCIS document: who held what, and when it changed. */
@ApplicationScoped
public class PackingLog {

    private final PackingRepository packing;

    PackingLog(PackingRepository packing) {
        this.packing = packing;
    }

    /** Every packing and unpacking, oldest first. */
    public Uni<List<PackingEvent>> events(int workOrderId) {
        return packing.events(workOrderId);
    }

    /** The EPC URNs of the children the event moved. */
    public Uni<List<String>> childUrns(PackingEvent event, ConfigDocument config) {
        return packing.childrenOf(event).map(children -> children.stream().map(child -> urn(child, config)).toList());
    }

    /** A GS1 key as an EPC URN; one no configured company prefix covers is refused (409). */
    public static String urn(String key, ConfigDocument config) {
        Gs1Key parsed = Gs1Key.ofKey(key);
        return parsed.urn(config).orElseThrow(() -> new Refused("COMPANY_PREFIX_UNKNOWN", "The EPC URN of "
            + parsed.text() + " needs its company prefix: add it to gs1_company_prefixes"));
    }
}
