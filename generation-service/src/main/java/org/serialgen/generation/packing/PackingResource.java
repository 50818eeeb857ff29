package org.serialgen.generation.packing;


import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestResponse;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.paging.PageResponse;
import org.serialgen.security.Roles;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/** The packing hierarchy of a work order: recorded by the packaging line, read by anyone. */
@Path("/serial-generation/workorders/{id}/packing/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class PackingResource {

    /** A page of a container's contents, with the container. */
    public record ContentsView(
        @JsonProperty("wo_id") String woId,
        @JsonProperty("container") String container,
        @JsonProperty("level") String level,
        @JsonProperty("page") PageResponse<String> children) {
    }

    private final Packing packing;
    private final PackingBody bodies;
    private final PackingQueries queries;
    private final SecurityIdentity identity;

    PackingResource(Packing packing, PackingBody bodies, PackingQueries queries, SecurityIdentity identity) {
        this.packing = packing;
        this.bodies = bodies;
        this.queries = queries;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
    @Operation(summary = "Record that children were packed into a container",
        description = "The body is read as it arrives (it may be sent chunked). All or nothing: each number held by "
            + "the work order, all children of the level right below the container's, the container's capacity kept, "
            + "no number in two containers. A repeat changes nothing.")
    @Blocking
    @RequestBody(content = @Content(schema = @Schema(implementation = PackRequest.class)))
    public Uni<RestResponse<Packing.Packed>> pack(@PathParam("id") String id, InputStream body) {
        PackRequest request = bodies.read(body);
        return onRequestContext(() -> packing.pack(id, request, identity.getPrincipal().getName())).map(packed ->
            RestResponse.status(packed.moved() > 0 ? RestResponse.Status.CREATED : RestResponse.Status.OK, packed));
    }

    @POST
    @Path("unpack")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
    @Operation(summary = "Record that children were taken out of a container (some, or all)")
    @Blocking
    @RequestBody(content = @Content(schema = @Schema(implementation = UnpackRequest.class)))
    public Uni<Packing.Packed> unpack(@PathParam("id") String id, InputStream body) {
        PackRequest read = bodies.read(body);
        UnpackRequest request = new UnpackRequest(read.parent(), read.children());
        return onRequestContext(() -> packing.unpack(id, request, identity.getPrincipal().getName()));
    }

    /**
     * The body was read here, on a worker thread, as it arrived; the recording runs on the request's own context,
     * where its database session lives.
     */
    private static <T> Uni<T> onRequestContext(java.util.function.Supplier<Uni<? extends T>> work) {
        io.vertx.core.Context context = Vertx.currentContext();
        return Uni.createFrom().deferred(work).runSubscriptionOn(command -> context.runOnContext(x -> command.run()));
    }

    @GET
    @WithSession
    @Operation(summary = "The work order's packing: per level of its breakdown, containers and children packed")
    public Uni<PackingQueries.Tree> tree(@PathParam("id") String id) {
        return queries.tree(id);
    }

    @GET
    @WithSession
    @Path("contents")
    @Operation(summary = "What a container holds now, in the order packed (paged)")
    public Uni<ContentsView> contents(@PathParam("id") String id,
                                      @Parameter(description = "The container, as an element string or EPC URN")
                                      @QueryParam("container") String container,
                                      @QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize,
                                      @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        return queries.contents(id, container, request).map(found -> new ContentsView(found.workOrder().woId,
            found.container(), found.level(), PageResponse.of(uri, request, found.count(), found.children())));
    }

    @GET
    @WithSession
    @Path("containers")
    @Operation(summary = "The containers a number is in, innermost first")
    public Uni<PackingQueries.Containers> containers(@PathParam("id") String id,
                                                     @QueryParam("number") String number) {
        return queries.containersOf(id, number);
    }

}
