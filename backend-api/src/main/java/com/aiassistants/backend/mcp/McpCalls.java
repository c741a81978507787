package com.aiassistants.backend.mcp;

import java.util.function.Supplier;

import org.springframework.http.HttpStatus;

import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.client.McpUnavailableException;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.web.ApiProblem;

/**
 * Runs a console call to an MCP tool and turns its refusals into problem details: {@code not_found} →
 * 404, {@code invalid_request} → 400, {@code outside_working_hours} → 422, {@code slot_taken} → 409 with the
 * server's {@code alternatives}, {@code invalid_transition} / {@code hold_expired} → 409, an unreachable
 * service → 503. The tenant always comes from the caller, so another tenant's ids are simply not found.
 */
public final class McpCalls {

    private McpCalls() {
    }

    public static <T> T run(Supplier<T> call) {
        try {
            return call.get();
        } catch (McpToolError e) {
            throw problem(e);
        } catch (McpUnavailableException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "scheduling-unavailable",
                    "the scheduling services did not answer; try again shortly");
        }
    }

    public static ApiProblem problem(McpToolError e) {
        return switch (e.code()) {
            case CalendarTools.NOT_FOUND -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
            case "invalid_request" -> ApiProblem.badRequest("invalid-request", e.getMessage());
            case CalendarTools.OUTSIDE_WORKING_HOURS ->
                    new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "outside-working-hours", e.getMessage());
            case CalendarTools.SLOT_TAKEN -> ApiProblem.conflict("slot-taken", e.getMessage())
                    .with("alternatives", e.body().getOrDefault("alternatives", java.util.List.of()));
            case CalendarTools.INVALID_TRANSITION, CalendarTools.HOLD_EXPIRED -> {
                ApiProblem problem = ApiProblem.conflict("invalid-transition", e.getMessage());
                Object status = e.body().get("status");
                yield status == null ? problem : problem.with("status", status);
            }
            default -> new ApiProblem(HttpStatus.BAD_GATEWAY, "scheduling-refused", e.getMessage());
        };
    }
}
