package org.serialgen.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The running suite as the benchmarks call it: a demo user's token, and JSON over HTTP. */
final class SuiteClient {

    static final ObjectMapper JSON = new ObjectMapper();

    final String gateway = env("GATEWAY_URL", "http://127.0.0.1:8080") + "/api/v1";
    private final Path home = Path.of(env("SERIALGEN_HOME", "deploy/.local"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private volatile String token;
    private volatile String refreshToken;
    /** When the access token is renewed: well before its (15-minute) end, as the web UI does. */
    private volatile long renewAt;

    /** Logs in as the demo user {@code user} (its password from the local run's credentials file). */
    SuiteClient as(String user) throws IOException, InterruptedException {
        String password = Files.readAllLines(home.resolve("demo-credentials.txt")).stream()
            .map(l -> l.trim().split("\\s+")).filter(f -> f.length >= 2 && f[0].equals(user)).map(f -> f[1])
            .findFirst().orElseThrow(() -> new IllegalStateException("no demo password for " + user));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/auth/token"))
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", user,
                "password", password))))
            .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        take(response);
        return this;
    }

    private void take(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the token endpoint answered " + response.statusCode() + ": "
                + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        token = answer.get("access_token").asText();
        refreshToken = answer.get("refresh_token").asText();
        renewAt = System.currentTimeMillis() + answer.get("expires_in").asLong() * 1000 / 2;
    }

    private synchronized void renewIfDue() {
        if (System.currentTimeMillis() < renewAt) {
            return;
        }
        try {
            take(http.send(HttpRequest.newBuilder(URI.create(gateway + "/auth/refresh"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("refresh_token",
                    refreshToken))))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    HttpRequest.Builder authorized(HttpRequest.Builder request) {
        renewIfDue();
        return request.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(authorized(request).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The generation service's database, signed in as its role (DB_URL or DB_NAME, DB_USER, DB_PASSWORD). */
    static Connection generationDatabase() throws SQLException {
        return DriverManager.getConnection(env("DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + env("DB_NAME",
            "serialgen")), env("DB_USER", "generation"), env("DB_PASSWORD", "generation"));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
