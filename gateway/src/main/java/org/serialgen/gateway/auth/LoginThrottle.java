package org.serialgen.gateway.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failed sign-ins, counted per user name (known or not, so that a lock tells nothing about who exists) and per client
 * address: after too many within the window, sign-ins from there are refused for the lockout without a password
 * being checked, so guessing stops paying. A success clears the user's count. Kept in memory, per gateway replica.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Beyond this many tracked names or addresses, the stalest are forgotten (a flood must not fill the heap). */
    static final int MAX_TRACKED = 100_000;

    private static final class Failures {
        final Deque<Instant> times = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
        Instant last = Instant.MIN;
    }

    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    @ConfigProperty(name = "serialgen.auth.throttle.user-failures", defaultValue = "5")
    int userFailures;

    @ConfigProperty(name = "serialgen.auth.throttle.address-failures", defaultValue = "20")
    int addressFailures;

    @ConfigProperty(name = "serialgen.auth.throttle.window", defaultValue = "PT15M")
    Duration window;

    @ConfigProperty(name = "serialgen.auth.throttle.lockout", defaultValue = "PT5M")
    Duration lockout;

    /** How long sign-ins of this user or from this address stay refused, if they are. */
    Optional<Duration> lockedFor(String user, String address, Instant now) {
        Instant until = max(lockOf(users, key(user)), lockOf(addresses, address));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    void failed(String user, String address, Instant now) {
        count(users, key(user), userFailures, now);
        count(addresses, address, addressFailures, now);
    }

    void succeeded(String user) {
        users.remove(key(user));
    }

    private void count(Map<String, Failures> all, String key, int limit, Instant now) {
        if (all.size() >= MAX_TRACKED) {
            forgetStalest(all);
        }
        Failures failures = all.computeIfAbsent(key, k -> new Failures());
        synchronized (failures) {
            failures.times.addLast(now);
            failures.last = now;
            while (!failures.times.isEmpty() && failures.times.peekFirst().isBefore(now.minus(window))) {
                failures.times.removeFirst();
            }
            if (failures.times.size() >= limit) {
                failures.lockedUntil = now.plus(lockout);
            }
        }
    }

    private static Instant lockOf(Map<String, Failures> all, String key) {
        Failures failures = all.get(key);
        if (failures == null) {
            return Instant.MIN;
        }
        synchronized (failures) {
            return failures.lockedUntil;
        }
    }

    private void forgetStalest(Map<String, Failures> all) {
        Instant cut = Instant.now().minus(window);
        all.entrySet().removeIf(entry -> entry.getValue().last.isBefore(cut));
        if (all.size() >= MAX_TRACKED) {
            all.clear();
        }
    }

    private static String key(String user) {
        return user.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
