package org.serialgen.gateway.relay;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The gateway's OpenAPI document shows the whole public API: the relayed operations come from {@link PublicApi}
 * (what each does, who may call it, the service that answers), beside the gateway's own endpoints. Each service's
 * own document ({@code /q/openapi} on its port) describes the bodies in full.
 */
public class PublicApiDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, PathItem> items = new TreeMap<>();
        for (Route route : PublicApi.ROUTES) {
            PathItem item = items.computeIfAbsent(PublicApi.PREFIX + route.template(), path -> OASFactory.createPathItem());
            item.setOperation(PathItem.HttpMethod.valueOf(route.method().name()), operation(route));
        }
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        items.forEach(openAPI.getPaths()::addPathItem);
    }

    private static Operation operation(Route route) {
        Operation operation = OASFactory.createOperation()
            .summary(route.summary())
            .description("Relayed to " + route.upstream().service() + ". Roles: "
                + String.join(", ", new java.util.TreeSet<>(route.roles())) + ".")
            .addTag(route.upstream().service())
            // machine-readable too: the role matrix test walks every operation by them
            .addExtension("x-serialgen-roles", List.copyOf(new java.util.TreeSet<>(route.roles())))
            .addExtension("x-serialgen-service", route.upstream().service())
            .responses(responses());
        for (String name : route.parameters()) {
            operation.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true)
                .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)));
        }
        return operation;
    }

    private static APIResponses responses() {
        APIResponses responses = OASFactory.createAPIResponses();
        for (var entry : List.of(
            Map.entry("200", "The service's answer (its own document describes the body)"),
            Map.entry("401", "No valid bearer token (the spec's error body)"),
            Map.entry("403", "The role does not allow the operation"),
            Map.entry("503", "The service cannot be reached right now"))) {
            responses.addAPIResponse(entry.getKey(), OASFactory.createAPIResponse().description(entry.getValue()));
        }
        return responses;
    }
}
