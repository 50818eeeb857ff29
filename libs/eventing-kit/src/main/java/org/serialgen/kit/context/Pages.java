package org.serialgen.kit.context;

import java.util.List;
import java.util.function.Supplier;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * Pages read one after another on one Vert.x context, for responses streamed from the database. Hibernate Reactive's
 * {@code Panache.withSession} binds its session to the context current when it is called, and the next page is asked
 * for from whichever thread wrote the last one (a worker, the connection's event loop): so each page's Uni is both
 * put together and subscribed to on the given context.
 */
public final class Pages {

    private Pages() {
    }

    /** Calls {@code page} until it answers an empty list; {@code page} keeps its own position (keyset). */
    public static <T> Multi<List<T>> onContext(Context context, Supplier<Uni<List<T>>> page) {
        return Multi.createBy().repeating().uni(() -> on(context, page)).until(List::isEmpty);
    }

    /**
     * {@code work} put together and subscribed to on {@code context} (as is, where it is null): for a step that
     * follows one completed on another thread, such as a Kafka producer's acknowledgement.
     */
    public static <T> Uni<T> on(Context context, Supplier<Uni<T>> work) {
        Uni<T> deferred = Uni.createFrom().deferred(() -> work.get());
        return context == null ? deferred
            : deferred.runSubscriptionOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
