package org.serialgen.generation.source;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.serialgen.events.ConfigDocument;
import org.serialgen.events.ConfigDocument.Source;
import org.serialgen.generation.config.GenerationSettings;
import org.serialgen.generation.pool.Kind;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;

/**
 * Fetches numbers from external serial sources, one source at a time. Each source URL gets its own client and its own
 * guard: a timeout per attempt, retries of what may pass on a second try (no answer, 5xx, 429), and a circuit
 * breaker, so that a provider that is down costs one fast refusal per request instead of a timeout each time.
 */
@ApplicationScoped
public class ExternalSources {

    private final GenerationSettings.Sources settings;
    private final MeterRegistry registry;
    private final Map<String, SourceClient> clients = new ConcurrentHashMap<>();
    private final Map<String, TypedGuard<Uni<SourceResponse>>> guards = new ConcurrentHashMap<>();

    ExternalSources(GenerationSettings settings, MeterRegistry registry) {
        this.settings = settings.sources();
        this.registry = registry;
    }

    /** The enabled sources of the kind (serial sources, SSCC sources), in their configured order. */
    public static List<Source> enabled(ConfigDocument config, Kind kind) {
        List<Source> sources = kind == Kind.SERIAL ? config.serialSources() : config.ssccSources();
        return sources == null ? List.of() : sources.stream().filter(s -> Boolean.TRUE.equals(s.enabled())).toList();
    }

    /**
     * The source's answer to a request for {@code wanted}, checked value by value on a worker thread (a million values,
     * each deciphered, are no work for the event loop) and handed back on {@code context}; a failure of the source or
     * of its answer is a {@link SourceRejected} saying why.
     */
    public Uni<ReceivedSerials> fetch(Source source, Wanted wanted, Context context) {
        return call(source, wanted.request())
            .onFailure().transform(failure -> failure instanceof SourceRejected ? failure
                : new SourceRejected(describe(failure)))
            .emitOn(Infrastructure.getDefaultWorkerPool())
            .map(response -> ReceivedSerials.check(source.name(), response, wanted))
            .emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private Uni<SourceResponse> call(Source source, SourceRequest request) {
        SourceClient client = clients.computeIfAbsent(source.url(), this::client);
        TypedGuard<Uni<SourceResponse>> guard = guards.computeIfAbsent(source.url(), this::guard);
        return guard.get(() -> client.issue(request))
            .onItemOrFailure().invoke((item, failure) -> registry.counter("serialgen.sources.calls",
                "source", source.name(), "outcome", failure == null ? "answered" : "failed").increment());
    }

    private SourceClient client(String url) {
        return QuarkusRestClientBuilder.newBuilder()
            .baseUri(URI.create(url))
            .connectTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .build(SourceClient.class);
    }

    private TypedGuard<Uni<SourceResponse>> guard(String url) {
        return TypedGuard.create(new TypeLiteral<Uni<SourceResponse>>() { })
            .withDescription("external source " + url)
            .withTimeout().duration(settings.timeout().toMillis(), ChronoUnit.MILLIS).done()
            .withRetry().maxRetries(settings.retries()).delay(settings.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .whenException(ExternalSources::worthRetrying).done()
            .withCircuitBreaker().requestVolumeThreshold(4).failureRatio(0.5)
                .delay(settings.breakerDelay().toMillis(), ChronoUnit.MILLIS).done()
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

    /** Why a call failed, in words for the task's history. */
    static String describe(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            return "answered HTTP " + web.getResponse().getStatus();
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return "circuit breaker open after repeated failures";
        }
        if (failure instanceof TimeoutException) {
            return "no answer in time";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
