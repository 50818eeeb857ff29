package org.serialgen.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A TLS listener beside the plain one, for tests of the services' TLS settings: a self-signed key pair for
 * 127.0.0.1 and localhost made once with the JDK's {@code keytool} (the broker's key store), and a trust store holding
 * its certificate for clients. Development only: the stores' password is fixed and printed in this source.
 */
public final class BrokerTls {

    /** The password of both stores: they guard a throw-away test certificate, nothing else. */
    public static final String PASSWORD = "serialgen-dev-broker";
    static final String KEY_STORE = "broker.p12";
    public static final String TRUST_STORE = "truststore.p12";

    private BrokerTls() {
    }

    /** Makes the stores in {@code dir} unless they are there already; answers {@code dir}. */
    public static Path ensure(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path keyStore = dir.resolve(KEY_STORE);
        Path trustStore = dir.resolve(TRUST_STORE);
        if (Files.exists(keyStore) && Files.exists(trustStore)) {
            return dir;
        }
        Files.deleteIfExists(keyStore);
        Files.deleteIfExists(trustStore);
        Path certificate = dir.resolve("broker.crt");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "825",
            "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keyStore.toString(),
            "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
            "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-keystore",
            trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        return dir;
    }

    /** Adds {@code SSL://127.0.0.1:port}, served with the key store in {@code dir}. */
    static void addListener(Properties props, int port, Path dir) {
        props.setProperty("listeners", props.getProperty("listeners") + ",SSL://127.0.0.1:" + port);
        props.setProperty("advertised.listeners", props.getProperty("advertised.listeners") + ",SSL://127.0.0.1:"
            + port);
        props.setProperty("listener.security.protocol.map", props.getProperty("listener.security.protocol.map")
            + ",SSL:SSL");
        props.setProperty("ssl.keystore.location", dir.resolve(KEY_STORE).toString());
        props.setProperty("ssl.keystore.password", PASSWORD);
        props.setProperty("ssl.key.password", PASSWORD);
        props.setProperty("ssl.keystore.type", "PKCS12");
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
