package org.serialgen.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh RSA key pair per test run, so no key is ever committed: services verify with the public half and
 * {@link TestTokens} (and the gateway under test) sign with the private half.
 */
public class JwtKeysResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path dir = Files.createTempDirectory("serialgen-test-jwt-");
            dir.toFile().deleteOnExit();
            Path publicKey = write(dir.resolve("public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
            Path privateKey = write(dir.resolve("private.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
            System.setProperty(TestTokens.PRIVATE_KEY_PROPERTY, privateKey.toString());
            System.setProperty(TestTokens.PUBLIC_KEY_PROPERTY, publicKey.toString());
            return Map.of(
                "mp.jwt.verify.publickey.location", publicKey.toUri().toString(),
                "smallrye.jwt.sign.key.location", privateKey.toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "serialgen.auth.issuer", TestTokens.ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int order() {
        return -100;
    }

    @Override
    public void stop() {
        // the files are deleted on exit
    }

    static Path write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
            + "\n-----END " + type + "-----\n";
        Files.writeString(file, pem);
        file.toFile().deleteOnExit();
        return file;
    }
}
