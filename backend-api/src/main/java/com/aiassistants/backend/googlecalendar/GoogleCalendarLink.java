package com.aiassistants.backend.googlecalendar;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.aiassistants.backend.mcp.McpCalls;
import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.client.McpUnavailableException;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.GoogleCalendarTools;
import com.aiassistants.common.scheduling.GoogleCalendarTools.CompleteInput;
import com.aiassistants.common.scheduling.GoogleCalendarTools.Connection;
import com.aiassistants.common.scheduling.GoogleCalendarTools.ConnectUrl;
import com.aiassistants.common.scheduling.GoogleCalendarTools.ConnectUrlInput;
import com.aiassistants.common.scheduling.GoogleCalendarTools.Connections;
import com.aiassistants.common.scheduling.GoogleCalendarTools.DisconnectInput;
import com.aiassistants.common.scheduling.GoogleCalendarTools.Disconnected;
import com.aiassistants.common.scheduling.GoogleCalendarTools.StatusInput;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The console's side of a professional's Google Calendar: mcp-calendar owns the integration (see its README),
 * this only relays its Google Calendar tools with the caller's project as the tenant. Writes are not retried by
 * the client.
 */
@Service
public class GoogleCalendarLink {

    /** What the console shows on a professional's page. */
    public record GoogleCalendarStatusView(@Schema(description = "false: this deployment has no Google OAuth client") boolean enabled,
            @Schema(types = {"object", "null"}) GoogleCalendarConnectionView connection) {
    }

    public record GoogleCalendarConnectionView(String professionalId, @Schema(allowableValues = {"CONNECTED", "ERROR"}) String status,
            @Schema(types = {"string", "null"}) String account, Instant connectedAt,
            @Schema(types = {"string", "null"}) Instant lastSyncedAt,
            @Schema(types = {"string", "null"}) String lastError, int pendingEvents) {

        static GoogleCalendarConnectionView of(Connection c) {
            return new GoogleCalendarConnectionView(c.professionalId(), c.status(), c.account(), c.connectedAt(), c.lastSyncedAt(),
                    c.lastError(), c.pendingEvents());
        }
    }

    public record GoogleCalendarConnectView(String authorizationUrl, Instant expiresAt) {
    }

    public record GoogleCalendarDisconnectView(String professionalId, boolean revoked) {
    }

    private final McpClients mcp;

    public GoogleCalendarLink(McpClients mcp) {
        this.mcp = mcp;
    }

    public GoogleCalendarStatusView status(String project, String professionalId) {
        Connections all = run(() -> mcp.calendar().call(project, GoogleCalendarTools.STATUS,
                new StatusInput(professionalId), Connections.class));
        return new GoogleCalendarStatusView(all.enabled(), all.connections().stream().findFirst().map(GoogleCalendarConnectionView::of)
                .orElse(null));
    }

    public GoogleCalendarConnectView connect(String project, String professionalId) {
        ConnectUrl url = run(() -> mcp.calendar().call(project, GoogleCalendarTools.CONNECT_URL,
                new ConnectUrlInput(professionalId), ConnectUrl.class, false));
        return new GoogleCalendarConnectView(url.authorizationUrl(), url.expiresAt());
    }

    public GoogleCalendarDisconnectView disconnect(String project, String professionalId) {
        Disconnected gone = run(() -> mcp.calendar().call(project, GoogleCalendarTools.DISCONNECT,
                new DisconnectInput(professionalId), Disconnected.class, false));
        return new GoogleCalendarDisconnectView(gone.professionalId(), gone.revoked());
    }

    /**
     * Google's redirect: the tenant is read from the state, mcp-calendar checks the rest (signature, expiry, that
     * tenant). Answers the connected professional's id.
     */
    public String complete(String code, String state) {
        String tenant = GoogleCalendarTools.tenantOf(state);
        if (tenant == null) {
            throw ApiProblem.badRequest("invalid-state", "the state is not one this service issued");
        }
        return run(() -> mcp.calendar().call(tenant, GoogleCalendarTools.COMPLETE, new CompleteInput(code, state),
                Connection.class, false)).professionalId();
    }

    private static <T> T run(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (McpToolError e) {
            throw switch (e.code()) {
                case GoogleCalendarTools.DISABLED -> ApiProblem.conflict("google-calendar-disabled", e.getMessage());
                case GoogleCalendarTools.INVALID_STATE -> ApiProblem.badRequest("invalid-state", e.getMessage());
                case GoogleCalendarTools.REFUSED -> new ApiProblem(HttpStatus.BAD_GATEWAY, "google-refused",
                        e.getMessage());
                case "unavailable" -> new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "google-unavailable",
                        e.getMessage());
                case CalendarTools.NOT_FOUND -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
                default -> McpCalls.problem(e);
            };
        } catch (McpUnavailableException e) {
            return McpCalls.run(() -> {
                throw e;
            });
        }
    }
}
