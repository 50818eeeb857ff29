package org.serialgen.generation.pool;

import java.math.BigInteger;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.serialgen.events.ConfigDocument.SerialFormat;
import org.serialgen.gs1.CompanyPrefix;
import org.serialgen.gs1.SerialAlphabet;
import org.serialgen.gs1.Sscc;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.permutation.SerialCodec;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Finds or creates pools, locked for the caller's transaction, and turns a pool's counters into serials. A pool takes
 * the serial format of the configuration active when it is created and keeps it: a later format would map the same
 * counters to other strings, and could then repeat a serial already issued.
 */
@ApplicationScoped
public class Pools {

    /** EU FMD: no more than 1 serial in 10 000 of a randomised format's space may be valid. */
    static final BigInteger FMD_FACTOR = BigInteger.valueOf(10_000);

    @Inject
    MasterKey masterKey;

    /**
     * The GTIN's serial pool, locked FOR UPDATE until the caller's transaction ends. Callers read no pool before
     * this in their session: a pool already managed there would keep the high-water mark read before the lock.
     */
    public Uni<SerialPool> serialPool(String gtin, SerialFormat format) {
        return lockedSerialPool(gtin).flatMap(existing -> existing != null ? Uni.createFrom().item(existing)
            : createSerialPool(gtin, format).flatMap(created -> lockedSerialPool(gtin)));
    }

    /** The SSCC pool of a company prefix and extension digit, locked FOR UPDATE. */
    public Uni<SerialPool> ssccPool(CompanyPrefix prefix, int extensionDigit) {
        return lockedSsccPool(prefix.value(), extensionDigit).flatMap(existing -> existing != null
            ? Uni.createFrom().item(existing)
            : insert(SerialPool.SSCC, null, prefix.value(), extensionDigit, "numeric", 16 - prefix.length(),
                "sequential", Sscc.capacity(prefix), null)
                .flatMap(created -> lockedSsccPool(prefix.value(), extensionDigit)));
    }

    private static Uni<SerialPool> lockedSerialPool(String gtin) {
        return SerialPool.<SerialPool>find("kind = ?1 and gtin = ?2", SerialPool.SERIAL, gtin)
            .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private static Uni<SerialPool> lockedSsccPool(String prefix, int extensionDigit) {
        return SerialPool.<SerialPool>find("kind = ?1 and companyPrefix = ?2 and extensionDigit = ?3", SerialPool.SSCC,
            prefix, (short) extensionDigit).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private Uni<Integer> createSerialPool(String gtin, SerialFormat format) {
        SerialAlphabet alphabet = SerialAlphabet.byId(format.alphabet()).orElseThrow(() ->
            new ApiException.Conflict("FORMAT_UNKNOWN", "The configured serial alphabet is unknown"));
        long capacity = capacity(alphabet, format.length(), format.mode());
        if ("sequential".equals(format.mode())) {
            return insert(SerialPool.SERIAL, gtin, null, null, alphabet.id(), format.length(), format.mode(), capacity,
                null);
        }
        PoolKey key = new PoolKey();
        key.encryptedKey = masterKey.seal(masterKey.newPoolKey());
        key.masterKeyId = masterKey.id();
        key.createdAt = Instant.now();
        return key.<PoolKey>persist().flatMap(saved -> insert(SerialPool.SERIAL, gtin, null, null, alphabet.id(),
            format.length(), format.mode(), capacity, saved.id));
    }

    /** Inserts unless a concurrent transaction created the same pool first: the partial unique indexes decide. */
    private Uni<Integer> insert(String kind, String gtin, String prefix, Integer extension, String alphabet,
                                int length, String mode, long capacity, Long keyId) {
        String conflict = SerialPool.SERIAL.equals(kind) ? "(gtin) WHERE kind = 'serial'"
            : "(company_prefix, extension_digit) WHERE kind = 'sscc'";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO serial_pool (kind, gtin, company_prefix, extension_digit, alphabet, serial_length, mode,"
                    + " capacity, issued, key_id, created_at) VALUES (:kind, :gtin, :prefix, :ext, :alphabet, :length,"
                    + " :mode, :capacity, 0, :key, now()) ON CONFLICT " + conflict + " DO NOTHING")
                .setParameter("kind", kind)
                .setParameter("gtin", gtin)
                .setParameter("prefix", prefix)
                .setParameter("ext", extension == null ? null : extension.shortValue())
                .setParameter("alphabet", alphabet)
                .setParameter("length", (short) length)
                .setParameter("mode", mode)
                .setParameter("capacity", capacity)
                .setParameter("key", keyId)
                .executeUpdate());
    }

    /** Randomised: 1/10 000 of the space (EU FMD); sequential: the whole space; both capped to 63 bits. */
    static long capacity(SerialAlphabet alphabet, int length, String mode) {
        BigInteger space = alphabet.space(length);
        BigInteger capacity = "randomised".equals(mode) ? space.divide(FMD_FACTOR) : space;
        if (capacity.signum() == 0) {
            throw new ApiException.Conflict("FORMAT_TOO_SMALL", "The serial format has fewer than 10 000 serials: "
                + "EU FMD allows none of them to be issued randomised");
        }
        return capacity.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    /** A codec for the pool's serials; one per thread (it holds a cipher). */
    public Uni<SerialCodec> codec(SerialPool pool) {
        SerialAlphabet alphabet = SerialAlphabet.byId(pool.alphabet).orElseThrow();
        if (pool.keyId == null) {
            return Uni.createFrom().item(new SerialCodec(null, alphabet.characters(), pool.serialLength));
        }
        return PoolKey.<PoolKey>findById(pool.keyId)
            .map(key -> new SerialCodec(masterKey.open(key), alphabet.characters(), pool.serialLength));
    }
}
