package org.serialgen.kit.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.serialgen.kit.request.RequestIds;
import org.serialgen.kit.request.StrictParams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every error a serialgen service returns goes through here, so each has the spec's body. Input problems are 4xx with
 * the offending fields named; only a failure of ours is a 500, and its body carries the request id to find the log.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    /** A database restart or fail-over takes seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest request) {
        Response answer = body(e.status(),
            new ErrorBody(e.error(), e.getMessage(), e.details(), e.code(), id(request), e.current()));
        return e.retryAfterSeconds() == null ? answer
            : Response.fromResponse(answer).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidParameter(StrictParams.InvalidParameter e, HttpServerRequest request) {
        return body(400, new ErrorBody("validation_error", "Invalid input data", e.details(), null, id(request)));
    }

    @ServerExceptionMapper
    public Response refused(Refused e, HttpServerRequest request) {
        return body(409, new ErrorBody("conflict", e.getMessage(), null, e.code(), id(request)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response violations(ResteasyReactiveViolationException e, HttpServerRequest request) {
        return validation(e.getConstraintViolations(), request);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, HttpServerRequest request) {
        return validation(e.getConstraintViolations(), request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonMappingException e, HttpServerRequest request) {
        String field = e.getPath().stream()
            .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining(".")).replace(".[", "[");
        String problem = e.getOriginalMessage() == null ? "invalid value" : e.getOriginalMessage().split("\n")[0];
        Map<String, List<String>> details = Map.of(field.isEmpty() ? "body" : field, List.of(problem));
        return body(400, new ErrorBody("validation_error", "Invalid input data", details, null, id(request)));
    }

    /** Quarkus maps this one itself, without the spec's body, unless a mapper names it exactly. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        return unreadableJson(e, request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonProcessingException e, HttpServerRequest request) {
        Map<String, List<String>> details = Map.of("body", List.of("malformed JSON: " + e.getOriginalMessage()));
        return body(400, new ErrorBody("validation_error", "Invalid input data", details, null, id(request)));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return body(403, new ErrorBody("forbidden", "Your role does not allow this operation", null, "FORBIDDEN",
            id(request)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, request);
        }
        String error = switch (status) {
            case 400 -> "validation_error";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 415 -> "unsupported_media_type";
            default -> "bad_request";
        };
        String code = status == 404 ? "RESOURCE_NOT_FOUND" : null;
        String message = e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : e.getMessage();
        Map<String, List<String>> details = status == 400 ? Map.of("body", List.of(message)) : null;
        return body(status, new ErrorBody(error, message, details, code, id(request)));
    }

    @jakarta.inject.Inject
    jakarta.enterprise.inject.Instance<Outage> outages;

    @ServerExceptionMapper
    public Response internal(Throwable e, HttpServerRequest request) {
        String id = id(request);
        for (Outage outage : outages) {
            if (outage.isOutage(e)) {
                // nothing was written (every write is one transaction), so the same request may simply come again
                LOG.warnf("%s is away (request %s): %s", outage.dependency(), id, e.getMessage());
                return Response.fromResponse(body(503, new ErrorBody("service_unavailable", "The service cannot reach "
                    + outage.dependency() + " right now; nothing was changed, try again shortly", null,
                    "DEPENDENCY_UNAVAILABLE", id))).header("Retry-After", RETRY_AFTER_SECONDS).build();
            }
        }
        LOG.errorf(e, "unexpected failure (request %s)", id);
        return body(500, new ErrorBody("internal_error", "An unexpected error occurred", null, null, id));
    }

    private static Response unauthorized(HttpServerRequest request) {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new ErrorBody("unauthorized", "A valid bearer token is required", null, "UNAUTHORIZED",
                id(request)))
            .build();
    }

    private static Response validation(java.util.Set<ConstraintViolation<?>> violations, HttpServerRequest request) {
        Map<String, List<String>> details = new LinkedHashMap<>();
        for (ConstraintViolation<?> v : violations) {
            details.computeIfAbsent(fieldName(v.getPropertyPath()), k -> new java.util.ArrayList<>()).add(v.getMessage());
        }
        return body(400, new ErrorBody("validation_error", "Invalid input data", details, null, id(request)));
    }

    /** The last node of the path in the JSON's snake_case ({@code create.request.woId} → {@code wo_id}). */
    static String fieldName(Path path) {
        String last = "body";
        for (Path.Node node : path) {
            if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.METHOD
                && node.getKind() != jakarta.validation.ElementKind.PARAMETER) {
                last = node.getName();
            }
        }
        return snakeCase(last);
    }

    /** A Java property name as the JSON names it ({@code woId} → {@code wo_id}). */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Response body(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.bounded()).build();
    }

    private static String id(HttpServerRequest request) {
        return request == null ? null : RequestIds.of(request);
    }
}
