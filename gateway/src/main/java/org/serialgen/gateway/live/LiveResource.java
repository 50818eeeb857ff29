package org.serialgen.gateway.live;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.serialgen.events.EventEnvelope;
import org.serialgen.security.Roles;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.smallrye.mutiny.Multi;

/** The real-time view: generation events as Server-Sent Events, for every role. */
@Path("/v1/serial-generation/")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class LiveResource {

    /** Sent when nothing else is: proxies close a connection that stays silent (nginx after 60 s by default). */
    static final String HEARTBEAT = "stream.heartbeat";
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(20);

    private final LiveUpdates updates;

    LiveResource(LiveUpdates updates) {
        this.updates = updates;
    }

    @GET
    @Path("events/")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generation events as they happen (task started / progress / completed / failed, pool "
        + "exhaustion warnings), one JSON envelope per Server-Sent Event, and a stream.heartbeat every 20 s; state "
        + "from before the connection is read over the API")
    public Multi<EventEnvelope> events(@Parameter(description = "Only the events of this work order")
                                       @QueryParam("wo_id") String woId) {
        Multi<EventEnvelope> events = updates.events()
            .filter(event -> woId == null || woId.equals(event.payload().path("wo_id").asText(null)));
        // a viewer that stalls misses heartbeats, not events
        Multi<EventEnvelope> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT_EVERY).onOverflow().drop()
            .map(tick -> new EventEnvelope(UUID.randomUUID(), HEARTBEAT, Instant.now(), 1,
                JsonNodeFactory.instance.objectNode()));
        return Multi.createBy().merging().streams(events, heartbeats);
    }
}
