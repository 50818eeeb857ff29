package org.serialgen.kit.context;

import java.util.function.Supplier;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A Vert.x context of its own for work that outlives a request or runs on a worker thread: Hibernate Reactive keeps
 * its session on a duplicated context flagged safe, which nothing else shares.
 */
public final class IsolatedContext {

    private final Context context;

    private IsolatedContext(Context context) {
        this.context = context;
    }

    public static IsolatedContext create(Vertx vertx) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return new IsolatedContext(context);
    }

    public Context context() {
        return context;
    }

    /** Runs {@code task} on this context. */
    public void run(Runnable task) {
        context.runOnContext(ignored -> task.run());
    }

    /** Subscribes to the Uni on this context and waits for its item: for worker threads only. */
    public <T> T await(Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().<T>deferred(work).runSubscriptionOn(command -> run(command)).await().indefinitely();
    }
}
