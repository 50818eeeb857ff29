package org.serialgen.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens for tests, signed with the key {@link JwtKeysResource} made for this run. */
public final class TestTokens {

    public static final String ISSUER = "serialgen-test";
    /** The audience every service expects (mp.jwt.verify.audiences' default). */
    public static final String AUDIENCE = "serialgen";
    static final String PRIVATE_KEY_PROPERTY = "serialgen.test.jwt.private-key";
    static final String PUBLIC_KEY_PROPERTY = "serialgen.test.jwt.public-key";

    private TestTokens() {
    }

    /** {@code Bearer …} for {@code subject} with {@code roles} in the groups claim. */
    public static String bearer(String subject, String... roles) {
        return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(Set.of(roles))
            .expiresIn(3600).sign(privateKey());
    }

    /** A token signed with the trusted key but meant for another audience ({@code null}: naming none). */
    public static String bearerFor(String audience, String subject, String... roles) {
        var claims = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(roles)).expiresIn(3600);
        return "Bearer " + (audience == null ? claims : claims.audience(audience)).sign(privateKey());
    }

    /** A token that ran out a minute ago, signed with the trusted key. */
    public static String expiredBearer(String subject, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(Set.of(roles))
            .issuedAt(now - 3600).expiresAt(now - 60).sign(privateKey());
    }

    /** An unsigned token ({@code "alg": "none"}) claiming the roles. */
    public static String unsignedBearer(String subject, String... roles) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String payload = b64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\""
            + subject + "\",\"upn\":\"" + subject + "\",\"groups\":[\"" + String.join("\",\"", roles) + "\"],\"exp\":"
            + (System.currentTimeMillis() / 1000 + 3600) + "}").getBytes());
        return "Bearer " + header + "." + payload + ".";
    }

    /** A trusted token for {@code subject} with its payload changed afterwards to claim {@code roles}. */
    public static String tamperedBearer(String subject, String... roles) {
        String[] parts = bearer(subject, "viewer").substring(7).split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replaceFirst(
            "\"groups\":\\[[^\\]]*\\]", "\"groups\":[\"" + String.join("\",\"", roles) + "\"]");
        return "Bearer " + parts[0] + "." + b64.encodeToString(payload.getBytes()) + "." + parts[2];
    }

    /** A well-formed token signed by a key nobody trusts. */
    public static String forgedBearer(String subject, String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject)
                .groups(Set.of(roles)).expiresIn(3600).sign(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file holding this run's public key, for services the tests start as processes. */
    public static String publicKeyLocation() {
        return System.getProperty(PUBLIC_KEY_PROPERTY);
    }

    /** The file holding this run's private key, for a gateway the tests start as a process. */
    public static String privateKeyLocation() {
        return System.getProperty(PRIVATE_KEY_PROPERTY);
    }

    private static PrivateKey privateKey() {
        String location = System.getProperty(PRIVATE_KEY_PROPERTY);
        if (location == null) {
            throw new IllegalStateException("JwtKeysResource has not started: annotate a test class with it");
        }
        try {
            String pem = Files.readString(Path.of(location));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
