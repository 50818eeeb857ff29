package org.serialgen.generation;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A random master key per test run, so none is ever committed. */
public class MasterKeyResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Map.of("serialgen.generation.master-key", Base64.getEncoder().encodeToString(key));
    }

    @Override
    public void stop() {
        // nothing to release
    }
}
