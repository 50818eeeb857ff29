package org.serialgen.gateway.relay;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.serialgen.gateway.relay.Upstream.AGGREGATION;
import static org.serialgen.gateway.relay.Upstream.CONFIG;
import static org.serialgen.gateway.relay.Upstream.ERP_SYNC;
import static org.serialgen.gateway.relay.Upstream.GENERATION;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.serialgen.security.Roles;

import io.vertx.core.http.HttpMethod;

/**
 * The public API under {@value #PREFIX}: every operation, the service that owns it and the roles that may call it.
 * The gateway relays by this table alone (the services check the token and the role again); its OpenAPI document is
 * made from it too.
 */
public final class PublicApi {

    public static final String PREFIX = "/api/v1/serial-generation/";

    /** Reading: every role. */
    static final Set<String> READ = Roles.ALL;
    /** Changing the configuration and the recipes. */
    static final Set<String> CONFIGURE = Set.of(Roles.ADMIN, Roles.MANAGER);
    /** Issuing numbers, and auditing them. */
    static final Set<String> GENERATE = Set.of(Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR);
    /** The work-order form. */
    static final Set<String> ENTER_WORK_ORDERS = Set.of(Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR,
        Roles.ERP_OPERATOR);

    /** Asking the ERP: syncs, retries and dismissals of failed records. */
    static final Set<String> SYNC_ERP = Set.of(Roles.ADMIN, Roles.MANAGER, Roles.ERP_OPERATOR);
    /** Overriding an ERP work order (FR-003's manual override). */
    static final Set<String> OVERRIDE_ERP = Set.of(Roles.ADMIN, Roles.ERP_OPERATOR);
    /** The ERP integration's audit. */
    static final Set<String> AUDIT_ERP = Set.of(Roles.ADMIN, Roles.MANAGER, Roles.ERP_OPERATOR);

    static final Duration BULK = Duration.ofMinutes(5);

    /** The largest body of an ordinary call: a work order, a configuration, a recipe, a sync request. */
    static final long BODY = 1L << 20;
    /** A packing of 100 000 numbers, a return of 100 000 numbers (EPC URNs of up to 60 characters each). */
    static final long NUMBERS_BODY = 16L << 20;
    /** A bulk import (100 000 recipes are ~15 MB of CSV): the HTTP layer's own ceiling. */
    static final long IMPORT_BODY = 512L << 20;
    static final Duration AUDIT = Duration.ofMinutes(10);
    /** The gateway's own sign-in and refresh, which anyone may call: a name and password, or a refresh token. */
    static final String AUTH_PREFIX = "/api/v1/auth/";
    static final Route SIGN_IN = new Route(POST, "auth/", null, Set.of(), "Sign in or refresh", null, 8L << 10);

    static final List<Route> ROUTES = List.of(
        route(GET, "config/", CONFIG, READ, "The active configuration; ETag is its version"),
        route(PUT, "config/", CONFIG, CONFIGURE, "Save a new configuration version; If-Match or version required"),
        route(POST, "config/", CONFIG, CONFIGURE, "Save a new configuration version"),
        route(PATCH, "config/", CONFIG, CONFIGURE, "Change single configuration fields (JSON merge patch); If-Match"),
        route(GET, "config/history/", CONFIG, READ, "Configuration versions with author, time and field-level changes"),
        route(GET, "config/versions/{version}/", CONFIG, READ, "One configuration version"),
        route(POST, "config/versions/{version}/restore/", CONFIG, CONFIGURE,
            "Restore an earlier configuration version as a new version"),
        route(POST, "config/reset/", CONFIG, CONFIGURE, "Restore the documented defaults as a new version"),
        route(GET, "config/export/", CONFIG, READ, "The active configuration as a versioned JSON document"),
        route(POST, "config/import/", CONFIG, CONFIGURE,
            "Import an exported configuration; dry_run=true lists the changes and saves nothing"),

        route(GET, "workorders/", GENERATION, READ,
            "Work orders with their generation status: status, source, search, ordering, page, page_size"),
        route(POST, "workorders/", GENERATION, ENTER_WORK_ORDERS, "Enter a work order by hand"),
        route(GET, "workorders/export.csv", GENERATION, READ, BULK,
            "The work orders the list's filters select, all of them, as CSV (streamed)"),
        route(GET, "workorders/{id}/", GENERATION, READ, "One work order by id or wo_id, with its allocations"),
        route(PUT, "workorders/{id}/", GENERATION, ENTER_WORK_ORDERS,
            "Change a manual work order before its generation starts"),
        route(POST, "workorders/{id}/generate-serials/", GENERATION, GENERATE,
            "Issue serials to a work order; Idempotency-Key makes a retry safe"),
        route(POST, "workorders/{id}/generate-sscc/", GENERATION, GENERATE,
            "Issue SSCCs to a work order; Idempotency-Key makes a retry safe"),
        route(POST, "workorders/{id}/generate-bundle-serials/", GENERATION, GENERATE,
            "Issue serials of a work order's bundle GTINs (its packaging's trade-item levels above the item)"),
        route(POST, "workorders/{id}/decommission/", GENERATION, GENERATE,
            "Return unused serials, SSCCs or bundle serials of a work order (some, or all): decommissioned, never "
                + "issued again").accepting(NUMBERS_BODY),
        route(GET, "workorders/{id}/history/", GENERATION, READ, "A work order's generation history"),
        route(GET, "workorders/{id}/serials.csv", GENERATION, READ, BULK,
            "A work order's serials as CSV, streamed; format element, urn, pack, scan, hri or dl"),
        route(GET, "workorders/{id}/sscc.csv", GENERATION, READ, BULK,
            "A work order's SSCCs as CSV, streamed; format element, urn, pack, scan, hri or dl"),
        route(GET, "workorders/{id}/bundle-serials.csv", GENERATION, READ, BULK,
            "A work order's bundle serials (each bundle GTIN's) as CSV, streamed; format as for serials"),
        route(GET, "workorders/{id}/epcis", GENERATION, READ, BULK,
            "EPCIS 2.0 document of the work order's numbers (commissioning per issue, decommissioning per voiding), "
                + "streamed"),
        route(GET, "workorders/{id}/sscc-labels.pdf", GENERATION, READ, BULK,
            "GS1 logistic labels of the work order's SSCCs, a PDF page each (level: one level's)"),
        route(GET, "workorders/{id}/datamatrix", GENERATION, READ,
            "The GS1 DataMatrix of a serial the work order holds (serial, gtin for a bundle's, format png or svg, "
                + "scale)"),
        route(POST, "workorders/{id}/packing/", GENERATION, GENERATE,
            "Record that the packaging line packed children (up to 100 000) into a container (SSCC or bundle)")
            .accepting(NUMBERS_BODY),
        route(POST, "workorders/{id}/packing/unpack", GENERATION, GENERATE,
            "Record that children were taken out of a container (some, or all)").accepting(NUMBERS_BODY),
        route(GET, "workorders/{id}/packing/", GENERATION, READ,
            "A work order's packing per level: containers and children packed"),
        route(GET, "workorders/{id}/packing/contents", GENERATION, READ, "What a container holds now (paged)"),
        route(GET, "workorders/{id}/packing/containers", GENERATION, READ,
            "The containers a number is in, innermost first"),
        route(GET, "tasks/{taskId}/", GENERATION, READ, "A generation task with its progress"),
        route(GET, "pools/", GENERATION, READ, "Serial and SSCC pools: capacity, issued, remaining, warning"),
        route(POST, "audit/uniqueness", GENERATION, GENERATE, AUDIT,
            "Verify that no number was issued twice; derive=true derives every serial"),

        route(GET, "aggregation/workorders/{woId}/", AGGREGATION, READ, "A work order's packaging breakdown"),
        route(POST, "aggregation/calculate", AGGREGATION, READ, "Containers per level for a quantity of a GTIN"),
        route(GET, "aggregation/recipes/", AGGREGATION, READ,
            "Recipes at their current version: gtin, variant, search, deleted, page, page_size"),
        route(POST, "aggregation/recipes/", AGGREGATION, CONFIGURE, "Create a recipe"),
        route(GET, "aggregation/recipes/{id}/", AGGREGATION, READ, "A recipe at its current version"),
        route(PUT, "aggregation/recipes/{id}/", AGGREGATION, CONFIGURE,
            "Change a recipe (a new version); If-Match v<version>"),
        route(DELETE, "aggregation/recipes/{id}/", AGGREGATION, CONFIGURE,
            "Delete a recipe from today on (its history stays)"),
        route(GET, "aggregation/recipes/{id}/versions/", AGGREGATION, READ, "A recipe's versions, newest first"),
        route(POST, "aggregation/recipes/import", AGGREGATION, CONFIGURE, BULK,
            "Import recipes in bulk (CSV or a JSON array), streamed; mode all_or_nothing or skip_invalid")
            .accepting(IMPORT_BODY),
        route(GET, "aggregation/recipes/export", AGGREGATION, READ, BULK,
            "Every current recipe, streamed: format csv (default) or json"),

        route(GET, "erp/status/", ERP_SYNC, READ,
            "ERP synchronisation status: last sync, records synced and failed, schedule, pull, ERP health"),
        route(POST, "erp/sync/", ERP_SYNC, SYNC_ERP,
            "Sync with the ERP now: the work orders named, or everything changed since the last run"),
        route(GET, "erp/syncs/", ERP_SYNC, READ, "ERP sync runs, newest first: trigger, status, page, page_size"),
        route(GET, "erp/syncs/{id}/", ERP_SYNC, READ, "An ERP sync run with what it did with each record"),
        route(GET, "erp/failed-records/", ERP_SYNC, READ, "ERP records that failed validation; status open, resolved, "
            + "dismissed"),
        route(GET, "erp/failed-records/{id}/", ERP_SYNC, READ, "An ERP record that failed validation"),
        route(POST, "erp/failed-records/{id}/retry", ERP_SYNC, SYNC_ERP,
            "Fetch a failed record again from the ERP and check it again"),
        route(POST, "erp/failed-records/{id}/dismiss", ERP_SYNC, SYNC_ERP, "Dismiss a failed record, saying why"),
        route(GET, "erp/workorders/", ERP_SYNC, READ, "ERP work orders; overridden=true: those with an override"),
        route(GET, "erp/workorders/{woId}/", ERP_SYNC, READ,
            "An ERP work order: what the ERP said, what the suite has, its override, confirmations"),
        route(PUT, "erp/workorders/{woId}/override", ERP_SYNC, OVERRIDE_ERP,
            "Override an ERP work order's quantity, serial quantity or name, with a reason"),
        route(DELETE, "erp/workorders/{woId}/override", ERP_SYNC, OVERRIDE_ERP, "Lift an override, with a reason"),
        route(GET, "erp/actions/", ERP_SYNC, AUDIT_ERP, "Who asked for syncs, set overrides, retried or dismissed"));

    private PublicApi() {
    }

    /** The route for a path under the prefix: where several templates fit, the one with the fewest parameters. */
    static Optional<Route> find(HttpMethod method, String path) {
        return ROUTES.stream().filter(route -> route.match(method, path).isPresent())
            .min(Comparator.comparingInt(route -> route.parameters().size()));
    }

    /** The methods some route takes at {@code path} (for a 405's Allow header); empty when no template fits. */
    static List<HttpMethod> methodsAt(String path) {
        return ROUTES.stream().filter(route -> route.match(route.method(), path).isPresent()).map(Route::method)
            .distinct().toList();
    }

    /** The path parameters {@code path} gives {@code route}. */
    static Map<String, String> parameters(Route route, String path) {
        return route.match(route.method(), path).orElseThrow();
    }

    private static Route route(HttpMethod method, String template, Upstream upstream, Set<String> roles,
                               String summary) {
        return new Route(method, template, upstream, roles, summary, null, BODY);
    }

    private static Route route(HttpMethod method, String template, Upstream upstream, Set<String> roles,
                               Duration timeout, String summary) {
        return new Route(method, template, upstream, roles, summary, timeout, BODY);
    }
}
