package org.serialgen.erpsync.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How erp-sync-service reaches the ERP ({@code serialgen.erp.*}; the environment's names are
 * {@code ERP_API_BASE_URL}, {@code ERP_API_TOKEN}, {@code ERP_SYNC_INTERVAL}, mapped in application.properties).
 * Without a base URL the pull is off: the ERP pushes over Kafka alone.
 */
@ConfigMapping(prefix = "serialgen.erp")
public interface ErpSettings {

    /** The ERP API's base URL; empty: no pull, no confirmations. */
    Optional<String> baseUrl();

    /** The bearer token every call to the ERP carries. */
    Optional<String> token();

    /** Seconds between scheduled pulls; 0: no schedule (a sync is then only asked for). */
    @WithDefault("3600")
    long syncIntervalSeconds();

    /** Work orders per page asked of the ERP (1 to 1 000). */
    @WithDefault("500")
    int pageSize();

    /** Per call to the ERP. */
    @WithDefault("10s")
    Duration timeout();

    /** Retries of a call that may pass on a second try (no answer, a timeout, 5xx, 429), with growing waits. */
    @WithDefault("3")
    int retries();

    @WithDefault("500ms")
    Duration retryDelay();

    /** How long the circuit breaker refuses calls at once after repeated failures, before it lets one through. */
    @WithDefault("30s")
    Duration breakerDelay();

    /** How long a run's lease holds without being renewed: another replica takes over a run left by a crash. */
    @WithDefault("60s")
    Duration lease();

    /** How far in the past an expiry may lie and still be accepted (rework of a just-expired batch). */
    @WithDefault("P0D")
    java.time.Period expiryGrace();

    /** How often the schedule, the ERP's health and pending confirmations are looked at. */
    @WithDefault("5s")
    String tick();

    /** How often the ERP's health endpoint is asked. */
    @WithDefault("60s")
    Duration healthEvery();

    default boolean pullConfigured() {
        return baseUrl().filter(url -> !url.isBlank()).isPresent();
    }

    default Optional<Duration> syncInterval() {
        return syncIntervalSeconds() <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(syncIntervalSeconds()));
    }
}
