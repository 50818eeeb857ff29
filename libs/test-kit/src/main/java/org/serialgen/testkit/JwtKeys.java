package org.serialgen.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A fresh RSA key pair per test run, written as PEM files that are deleted on exit, so no key is ever committed:
 * services verify with the public half and {@link TestTokens} (and a gateway under test) sign with the private half.
 */
public record JwtKeys(Path publicKey, Path privateKey) {

    /** Creates the pair and makes it the one {@link TestTokens} signs with. */
    public static JwtKeys create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path dir = Files.createTempDirectory("serialgen-test-jwt-");
            dir.toFile().deleteOnExit();
            JwtKeys keys = new JwtKeys(write(dir.resolve("public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded()),
                write(dir.resolve("private.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded()));
            System.setProperty(TestTokens.PRIVATE_KEY_PROPERTY, keys.privateKey().toString());
            System.setProperty(TestTokens.PUBLIC_KEY_PROPERTY, keys.publicKey().toString());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
            + "\n-----END " + type + "-----\n";
        Files.writeString(file, pem);
        file.toFile().deleteOnExit();
        return file;
    }
}
