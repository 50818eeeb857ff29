package org.serialgen.generation.pool;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.serialgen.gs1.SerialAlphabet;
import org.serialgen.gs1.SerialMode;
import org.serialgen.kit.persistence.NativeSql;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Every query of pools and their keys. */
@ApplicationScoped
public class PoolRepository implements PanacheRepository<SerialPool> {

    /** The GTIN's serial pool, locked FOR UPDATE until the transaction ends; null if it has none yet. */
    Uni<SerialPool> lockedSerialPool(String gtin) {
        return find("kind = ?1 and gtin = ?2", Kind.SERIAL, gtin).withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResult();
    }

    /** The GTIN's serial pool, unlocked; null if it has none yet. */
    public Uni<SerialPool> serialPool(String gtin) {
        return find("kind = ?1 and gtin = ?2", Kind.SERIAL, gtin).firstResult();
    }

    /** The SSCC pool of a company prefix and extension digit, locked FOR UPDATE; null if there is none yet. */
    Uni<SerialPool> lockedSsccPool(String prefix, int extensionDigit) {
        return find("kind = ?1 and companyPrefix = ?2 and extensionDigit = ?3", Kind.SSCC, prefix,
            (short) extensionDigit).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Inserts the pool unless a concurrent transaction created it first (the partial unique indexes decide); the
     * caller then reads it locked.
     */
    Uni<Integer> insertIfAbsent(Kind kind, String gtin, String prefix, Integer extension, SerialAlphabet alphabet,
                                int length, SerialMode mode, long capacity, Long keyId) {
        String conflict = kind == Kind.SERIAL ? "(gtin) WHERE kind = 'serial'"
            : "(company_prefix, extension_digit) WHERE kind = 'sscc'";
        return NativeSql.of("INSERT INTO serial_pool (kind, gtin, company_prefix, extension_digit, alphabet,"
                + " serial_length, mode, capacity, issued, key_id, created_at) VALUES (:kind, :gtin, :prefix, :ext,"
                + " :alphabet, :length, :mode, :capacity, 0, :key, now()) ON CONFLICT " + conflict + " DO NOTHING")
            .with("kind", kind.code()).with("gtin", gtin).with("prefix", prefix)
            .with("ext", extension == null ? null : extension.shortValue()).with("alphabet", alphabet.id())
            .with("length", (short) length).with("mode", mode.id()).with("capacity", capacity).with("key", keyId)
            .update();
    }

    public Uni<List<SerialPool>> all() {
        return listAll(Sort.ascending("id"));
    }

    public Uni<List<SerialPool>> serialPools() {
        return list("kind", Kind.SERIAL);
    }

    public Uni<List<SerialPool>> byIds(List<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    Uni<PoolKey> key(long keyId) {
        return PoolKey.findById(keyId);
    }
}
