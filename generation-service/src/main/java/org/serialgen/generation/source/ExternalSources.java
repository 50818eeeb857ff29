package org.serialgen.generation.source;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.serialgen.events.ConfigDocument;
import org.serialgen.events.ConfigDocument.Source;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;

/**
 * Calls external serial sources. Each source URL gets its own client and its own guard: a timeout per attempt,
 * retries of what may pass on a second try (no answer, 5xx, 429), and a circuit breaker, so that a provider that is
 * down costs one fast refusal per request instead of a timeout each time.
 */
@ApplicationScoped
public class ExternalSources {

    /** Serial sources for {@code serial}, SSCC sources for {@code sscc}: the enabled ones, in their configured order. */
    public static List<Source> enabled(ConfigDocument config, boolean serials) {
        List<Source> sources = serials ? config.serialSources() : config.ssccSources();
        return sources == null ? List.of() : sources.stream().filter(s -> Boolean.TRUE.equals(s.enabled())).toList();
    }

    @ConfigProperty(name = "serialgen.generation.sources.timeout", defaultValue = "10s")
    Duration timeout;

    @ConfigProperty(name = "serialgen.generation.sources.retries", defaultValue = "2")
    int retries;

    @ConfigProperty(name = "serialgen.generation.sources.retry-delay", defaultValue = "200ms")
    Duration retryDelay;

    @ConfigProperty(name = "serialgen.generation.sources.breaker-delay", defaultValue = "30s")
    Duration breakerDelay;

    @Inject
    MeterRegistry registry;

    private final Map<String, SourceClient> clients = new ConcurrentHashMap<>();
    private final Map<String, TypedGuard<Uni<SourceResponse>>> guards = new ConcurrentHashMap<>();

    /** The source's answer to the request, or a failure once the guard gives up (or refuses at once, when open). */
    public Uni<SourceResponse> fetch(Source source, SourceRequest request) {
        SourceClient client = clients.computeIfAbsent(source.url(), this::client);
        TypedGuard<Uni<SourceResponse>> guard = guards.computeIfAbsent(source.url(), this::guard);
        return guard.get(() -> client.issue(request))
            .onItemOrFailure().invoke((item, failure) -> registry.counter("serialgen.sources.calls",
                "source", source.name(), "outcome", failure == null ? "answered" : "failed").increment());
    }

    private SourceClient client(String url) {
        return QuarkusRestClientBuilder.newBuilder()
            .baseUri(URI.create(url))
            .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .build(SourceClient.class);
    }

    private TypedGuard<Uni<SourceResponse>> guard(String url) {
        return TypedGuard.create(new TypeLiteral<Uni<SourceResponse>>() { })
            .withDescription("external source " + url)
            .withTimeout().duration(timeout.toMillis(), ChronoUnit.MILLIS).done()
            .withRetry().maxRetries(retries).delay(retryDelay.toMillis(), ChronoUnit.MILLIS)
                .whenException(ExternalSources::worthRetrying).done()
            .withCircuitBreaker().requestVolumeThreshold(4).failureRatio(0.5)
                .delay(breakerDelay.toMillis(), ChronoUnit.MILLIS).done()
            .build();
    }

    /** No answer, a server error or "too many requests" may pass on a second try; a 4xx answer will not. */
    static boolean worthRetrying(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return status >= 500 || status == 429;
        }
        return failure instanceof ProcessingException || failure instanceof TimeoutException
            || failure instanceof java.io.IOException;
    }
}
