package org.serialgen.generation.issue;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.serialgen.generation.pool.Kind;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.security.Roles;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Generation tasks and their progress. */
@Path("/serial-generation/tasks/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class TaskResource {

    public record TaskView(
        @JsonProperty("task_id") UUID taskId,
        @JsonProperty("workorder_id") int workorderId,
        @JsonProperty("kind") Kind kind,
        @JsonProperty("status") TaskStatus status,
        @JsonProperty("requested") long requested,
        @JsonProperty("generated") long generated,
        @JsonProperty("progress_percent") int progressPercent,
        @JsonProperty("force_regenerate") boolean forceRegenerate,
        @JsonProperty("error_message") String errorMessage,
        @JsonProperty("source") String source,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("completed_at") Instant completedAt) {

        static TaskView of(GenerationTask t) {
            return new TaskView(t.id, t.workorderId, t.kind, t.status, t.requested, t.generated, t.progressPercent(),
                t.forceRegenerate, t.errorMessage, t.source, t.createdBy, t.createdAt, t.completedAt);
        }
    }

    private final TaskRepository tasks;

    TaskResource(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @GET
    @Path("{taskId}/")
    @Operation(summary = "A generation task with its progress")
    public Uni<TaskView> task(@PathParam("taskId") String taskId) {
        UUID id;
        try {
            id = UUID.fromString(taskId);
        } catch (IllegalArgumentException e) {
            throw ApiException.Validation.of("task_id", "Must be a task id (UUID)");
        }
        return tasks.findById(id).map(task -> {
            if (task == null) {
                throw new ApiException.NotFound("TASK_NOT_FOUND", "Task not found");
            }
            return TaskView.of(task);
        });
    }
}
