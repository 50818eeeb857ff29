package org.serialgen.generation.packing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.events.ConfigDocument;
import org.serialgen.generation.pool.Kind;
import org.serialgen.kit.errors.Refused;

import io.smallrye.mutiny.Uni;

/** A work order's recorded packing as events, for its EPCIS document: who held what, and when it changed. */
@ApplicationScoped
public class PackingLog {

    private final PackingRepository packing;

    PackingLog(PackingRepository packing) {
        this.packing = packing;
    }

    /**
     * Refuses (409 PACKED) to void numbers of the work order that are packed, or containers that hold something: a
     * label on a packed case or pack must not be made invalid under the line's feet. {@code numbers} are
     * identifiers as issued (serials of {@code gtin}, or SSCCs when {@code gtin} is null); null means all of the kind.
     */
    public Uni<Void> refuseIfPacked(int workOrderId, Kind kind, String itemGtin, String gtin, List<String> numbers) {
        if (numbers == null) {
            return packing.anyPacked(workOrderId, kind.code(), itemGtin).invoke(packed -> {
                if (packed) {
                    throw new Refused("PACKED", "Some of the work order's " + kind.plural() + " are packed: unpack "
                        + "them before voiding them");
                }
            }).replaceWithVoid();
        }
        List<String> keys = numbers.stream().map(number -> gtin == null ? "00" + number
            : "01" + gtin + "21" + number).toList();
        return packing.packedAmong(workOrderId, keys).invoke(packed -> {
            if (!packed.isEmpty()) {
                throw new Refused("PACKED", packed.size() + " of them are packed: unpack them first ("
                    + String.join(", ", packed.stream().limit(20).map(key -> Gs1Key.ofKey(key).text()).toList())
                    + ")");
            }
        }).replaceWithVoid();
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
