package org.serialgen.generation.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.serialgen.events.ConfigActivated;
import org.serialgen.events.ConfigDocument;
import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.pool.SerialPool;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.gs1.Ai;
import org.serialgen.gs1.DigitalLink;
import org.serialgen.gs1.ElementString.Element;
import org.serialgen.gs1.PackCode;
import org.serialgen.gs1.ElementString;
import org.serialgen.gs1.EpcUrn;
import org.serialgen.gs1.Gtin;
import org.serialgen.gs1.SerialNumber;
import org.serialgen.gs1.Sgtin;
import org.serialgen.gs1.Sscc;
import org.serialgen.kit.errors.Refused;

/**
 * Writes the identifier of each number of a report in one rendering: a serial as the SGTIN of its pool's GTIN — the
 * work order's for its items, a bundle's own for bundle serials — (or, as a pack code, with the work order's lot and
 * expiry), an SSCC as itself.
 */
final class Identifiers {

    /** A trade item's GTIN and the length of its company prefix, which only an SGTIN URN needs (else 0). */
    record TradeItem(Gtin gtin, int prefixLength) {
    }

    private final Rendering rendering;
    private final DigitalLink link;
    private final Map<Long, TradeItem> tradeItems;
    private final String lot;
    private final LocalDate expiry;

    /** {@code tradeItems}: by serial pool id; {@code lot} and {@code expiry}: the work order's, which pack codes carry. */
    Identifiers(Rendering rendering, DigitalLink link, Map<Long, TradeItem> tradeItems, String lot, LocalDate expiry) {
        this.rendering = rendering;
        this.link = link;
        this.tradeItems = tradeItems;
        this.lot = lot;
        this.expiry = expiry;
    }

    /**
     * For SGTINs of these pools' GTINs; an URN needs each GTIN's company prefix length, so a GTIN no configured prefix
     * covers is refused (409) here, before the first byte.
     */
    static Identifiers ofTradeItems(Rendering rendering, DigitalLink link, WorkOrder wo, ConfigActivated config,
                                    Collection<SerialPool> pools) {
        Map<Long, TradeItem> items = new HashMap<>();
        for (SerialPool pool : pools) {
            if (pool.kind == Kind.SERIAL) {
                String gtin = pool.gtin.strip();
                items.put(pool.id, new TradeItem(new Gtin(gtin),
                    rendering == Rendering.URN ? companyPrefixLength(config, gtin) : 0));
            }
        }
        return new Identifiers(rendering, link, items, wo.lot, wo.expiry);
    }

    static Identifiers ofTradeItems(Rendering rendering, DigitalLink link, IssuedNumbers issued) {
        return ofTradeItems(rendering, link, issued.workOrder(), issued.config(), issued.pools().values().stream()
            .map(IssuedNumbers.PoolCodec::pool).toList());
    }

    static Identifiers ofSscc(Rendering rendering, DigitalLink link) {
        return new Identifiers(rendering, link, Map.of(), null, null);
    }

    /** The length of the company prefix GTIN {@code gtin} is under, which an EPC URN needs. */
    private static int companyPrefixLength(ConfigActivated config, String gtin) {
        return (config == null ? Optional.<ConfigDocument.CompanyPrefix>empty() : config.config().prefixOf(gtin))
            .map(prefix -> prefix.prefix().length())
            .orElseThrow(() -> new Refused("COMPANY_PREFIX_UNKNOWN", "The EPC URN needs the company prefix of GTIN "
                + gtin + ": add it to gs1_company_prefixes in the configuration"));
    }

    /** The GTIN of a serial pool's numbers. */
    Gtin gtin(SerialPool pool) {
        return tradeItem(pool).gtin();
    }

    private TradeItem tradeItem(SerialPool pool) {
        TradeItem item = tradeItems.get(pool.id);
        if (item == null) {
            throw new IllegalStateException("serials of a pool the report did not read: " + pool.id);
        }
        return item;
    }

    String sgtin(SerialPool pool, String serial) {
        TradeItem item = tradeItem(pool);
        SerialNumber number = new SerialNumber(serial);
        return switch (rendering) {
            case URN -> EpcUrn.of(new Sgtin(item.gtin(), number), item.prefixLength());
            case ELEMENT -> ElementString.of(new Sgtin(item.gtin(), number));
            case DL -> link.of(pack(item.gtin(), number));
            case PACK -> pack(item.gtin(), number).bracketed();
            case SCAN -> pack(item.gtin(), number).scanData();
            case HRI -> pack(item.gtin(), number).humanReadable();
        };
    }

    private PackCode pack(Gtin gtin, SerialNumber serial) {
        return new PackCode(gtin, expiry, lot, serial);
    }

    /** {@code prefixLength}: the length of the company prefix of the SSCC's pool. */
    String sscc(String value, int prefixLength) {
        Sscc sscc = new Sscc(value);
        List<Element> element = List.of(new Element(Ai.SSCC, value));
        return switch (rendering) {
            case URN -> EpcUrn.of(sscc, prefixLength);
            case DL -> link.of(sscc);
            case ELEMENT, PACK -> ElementString.of(sscc);
            case SCAN -> ElementString.scanData(element);
            case HRI -> ElementString.humanReadable(element);
        };
    }
}
