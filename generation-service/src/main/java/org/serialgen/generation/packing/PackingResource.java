package org.serialgen.generation.packing;


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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.paging.PageResponse;
import org.serialgen.security.Roles;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The packing hierarchy of a work order: recorded by the packaging line, read by anyone. */
@Path("/serial-generation/workorders/{id}/packing/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
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
    private final PackingQueries queries;
    private final SecurityIdentity identity;

    PackingResource(Packing packing, PackingQueries queries, SecurityIdentity identity) {
        this.packing = packing;
        this.queries = queries;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
    @Operation(summary = "Record that children were packed into a container",
        description = "All or nothing: each number held by the work order, all children of the level right below the "
            + "container's, the container's capacity kept, no number in two containers. A repeat changes nothing.")
    public Uni<RestResponse<Packing.Packed>> pack(@PathParam("id") String id, PackRequest request) {
        return packing.pack(id, request, identity.getPrincipal().getName()).map(packed ->
            RestResponse.status(packed.moved() > 0 ? RestResponse.Status.CREATED : RestResponse.Status.OK, packed));
    }

    @POST
    @Path("unpack")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
    @Operation(summary = "Record that children were taken out of a container (some, or all)")
    public Uni<Packing.Packed> unpack(@PathParam("id") String id, UnpackRequest request) {
        return packing.unpack(id, request, identity.getPrincipal().getName());
    }

    @GET
    @Operation(summary = "The work order's packing: per level of its breakdown, containers and children packed")
    public Uni<PackingQueries.Tree> tree(@PathParam("id") String id) {
        return queries.tree(id);
    }

    @GET
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
    @Path("containers")
    @Operation(summary = "The containers a number is in, innermost first")
    public Uni<PackingQueries.Containers> containers(@PathParam("id") String id,
                                                     @QueryParam("number") String number) {
        return queries.containersOf(id, number);
    }

}
