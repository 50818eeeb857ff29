package org.serialgen.generation.pool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.generation.config.GenerationSettings;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens pool keys with AES-GCM under the master key, which comes from the environment
 * ({@code SERIALGEN_MASTER_KEY}, 32 bytes in Base64; a Kubernetes Secret in production) and never touches the
 * database or a log. The master key's id is bound into each sealed key, so a key sealed under another master key
 * fails to open instead of decrypting to garbage.
 */
@ApplicationScoped
public class MasterKey {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, byte[]> opened = new ConcurrentHashMap<>();
    private final SecretKeySpec master;
    private final String id;

    MasterKey(GenerationSettings settings) {
        byte[] key = Base64.getDecoder().decode(settings.masterKey().strip());
        if (key.length != 32) {
            throw new IllegalArgumentException("SERIALGEN_MASTER_KEY must be 32 bytes in Base64");
        }
        this.master = new SecretKeySpec(key, "AES");
        this.id = settings.masterKeyId();
    }

    public String id() {
        return id;
    }

    /** A new random 128-bit pool key. */
    public byte[] newPoolKey() {
        byte[] key = new byte[16];
        random.nextBytes(key);
        return key;
    }

    public byte[] seal(byte[] poolKey) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, master, new GCMParameterSpec(TAG_BITS, iv));
            gcm.updateAAD(id.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = gcm.doFinal(poolKey);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The pool key of a stored {@link PoolKey}; kept in memory once opened. */
    public byte[] open(PoolKey stored) {
        return opened.computeIfAbsent(stored.id, ignored -> {
            if (!id.equals(stored.masterKeyId)) {
                throw new IllegalStateException("pool key " + stored.id + " is sealed under master key "
                    + stored.masterKeyId + ", this service holds " + id);
            }
            try {
                Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
                gcm.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(TAG_BITS, stored.encryptedKey, 0, IV_BYTES));
                gcm.updateAAD(id.getBytes(StandardCharsets.UTF_8));
                return gcm.doFinal(stored.encryptedKey, IV_BYTES, stored.encryptedKey.length - IV_BYTES);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("pool key " + stored.id + " does not open with the master key", e);
            }
        });
    }
}
