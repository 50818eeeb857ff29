package org.serialgen.localsetup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.serialgen.security.PasswordHash;
import org.serialgen.security.Roles;
import org.serialgen.security.UsersFile;

/**
 * Creates, once, what the embedded default needs and the repository must never hold: the JWT signing key pair and
 * demo users with random passwords. Existing files are kept, so restarts keep tokens and logins valid.
 *
 * <pre>java -cp … org.serialgen.localsetup.LocalSetup deploy/.local</pre>
 * writes {@code jwt/private.pem}, {@code jwt/public.pem}, {@code master.key} (generation-service's master key),
 * {@code users.txt} (hashes only) and
 * {@code demo-credentials.txt} (the plain demo passwords, readable by the owner only), then prints the logins.
 */
public final class LocalSetup {

    /** One demo user per role. */
    static final Map<String, String> DEMO_USERS = new LinkedHashMap<>();

    static {
        DEMO_USERS.put("admin", Roles.ADMIN);
        DEMO_USERS.put("manager", Roles.MANAGER);
        DEMO_USERS.put("supervisor", Roles.SUPERVISOR);
        DEMO_USERS.put("erp", Roles.ERP_OPERATOR);
        DEMO_USERS.put("viewer", Roles.VIEWER);
    }

    private LocalSetup() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "deploy/.local");
        Files.createDirectories(dir.resolve("jwt"));
        writeKeysIfMissing(dir.resolve("jwt"));
        writeMasterKeyIfMissing(dir.resolve("master.key"));
        Path credentials = dir.resolve("demo-credentials.txt");
        if (!Files.exists(dir.resolve("users.txt")) || !Files.exists(credentials)) {
            writeUsers(dir.resolve("users.txt"), credentials);
        }
        System.out.print(Files.readString(credentials));
    }

    private static void writeKeysIfMissing(Path jwtDir) throws IOException, NoSuchAlgorithmException {
        Path privateKey = jwtDir.resolve("private.pem");
        Path publicKey = jwtDir.resolve("public.pem");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        writeOwnerOnly(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    /** generation-service seals pool keys under it: losing it makes issued randomised serials unreproducible. */
    private static void writeMasterKeyIfMissing(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        writeOwnerOnly(file, Base64.getEncoder().encodeToString(key) + "\n");
    }

    private static void writeUsers(Path usersFile, Path credentials) throws IOException {
        SecureRandom random = new SecureRandom();
        List<String> users = new ArrayList<>();
        users.add("# serialgen demo users: username:pbkdf2-hash:roles (created by LocalSetup; plain passwords are not kept here)");
        StringBuilder logins = new StringBuilder("Demo logins (POST /api/v1/auth/token with {\"username\",\"password\"}):\n");
        for (Map.Entry<String, String> user : DEMO_USERS.entrySet()) {
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            users.add(UsersFile.line(user.getKey(), PasswordHash.hash(password.toCharArray()), Set.of(user.getValue())));
            logins.append(String.format("  %-11s %-17s role %s%n", user.getKey(), password, user.getValue()));
        }
        Files.write(usersFile, users);
        writeOwnerOnly(credentials, logins.toString());
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
            + "\n-----END " + type + "-----\n";
    }
}
