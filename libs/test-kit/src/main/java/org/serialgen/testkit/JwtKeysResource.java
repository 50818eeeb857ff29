package org.serialgen.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The run's {@link JwtKeys} for a service under {@code @QuarkusTest}: it verifies and signs with them. */
public class JwtKeysResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        JwtKeys keys = JwtKeys.create();
        return Map.of(
            "mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString(),
            "smallrye.jwt.sign.key.location", keys.privateKey().toUri().toString(),
            "mp.jwt.verify.issuer", TestTokens.ISSUER,
            "serialgen.auth.issuer", TestTokens.ISSUER);
    }

    @Override
    public int order() {
        return -100;
    }

    @Override
    public void stop() {
        // the files are deleted on exit
    }
}
