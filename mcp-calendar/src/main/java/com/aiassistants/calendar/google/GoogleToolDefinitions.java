package com.aiassistants.calendar.google;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aiassistants.common.mcp.server.McpTool;
import com.aiassistants.common.scheduling.GoogleCalendarTools;
import com.aiassistants.common.scheduling.GoogleCalendarTools.CompleteInput;
import com.aiassistants.common.scheduling.GoogleCalendarTools.Connection;
import com.aiassistants.common.scheduling.GoogleCalendarTools.ConnectUrl;
import com.aiassistants.common.scheduling.GoogleCalendarTools.ConnectUrlInput;
import com.aiassistants.common.scheduling.GoogleCalendarTools.Connections;
import com.aiassistants.common.scheduling.GoogleCalendarTools.DisconnectInput;
import com.aiassistants.common.scheduling.GoogleCalendarTools.Disconnected;
import com.aiassistants.common.scheduling.GoogleCalendarTools.StatusInput;

/** The Google Calendar tools (contract: {@link GoogleCalendarTools}); the tenant always comes from X-Tenant-Id. */
@Configuration(proxyBeanMethods = false)
class GoogleToolDefinitions {

    @Bean
    McpTool<ConnectUrlInput, ConnectUrl> googleCalendarConnectUrl(GoogleConnectService google) {
        return McpTool.command(GoogleCalendarTools.CONNECT_URL, """
                Google's authorization URL for connecting a professional's Google Calendar (offline access), with a \
                signed state that expires. Errors: google_disabled, not_found.""",
                ConnectUrlInput.class, ConnectUrl.class,
                (ctx, in) -> google.connectUrl(ctx.requireTenant(), in.professionalId()));
    }

    @Bean
    McpTool<CompleteInput, Connection> googleCalendarComplete(GoogleConnectService google) {
        return McpTool.command(GoogleCalendarTools.COMPLETE, """
                Finishes connecting: exchanges the code Google sent to the redirect URI, checked against its state \
                (same tenant, not expired). Errors: invalid_state, google_refused, google_disabled, unavailable.""",
                CompleteInput.class, Connection.class,
                (ctx, in) -> google.complete(ctx.requireTenant(), in.code(), in.state()));
    }

    @Bean
    McpTool<StatusInput, Connections> googleCalendarStatus(GoogleConnectService google) {
        return McpTool.query(GoogleCalendarTools.STATUS, """
                The tenant's Google Calendar connections (or one professional's): account, last sync, last error, \
                pending event writes; enabled says whether this deployment can connect at all.""",
                StatusInput.class, Connections.class,
                (ctx, in) -> google.status(ctx.requireTenant(), in.professionalId()));
    }

    @Bean
    McpTool<DisconnectInput, Disconnected> googleCalendarDisconnect(GoogleConnectService google) {
        return McpTool.command(GoogleCalendarTools.DISCONNECT, """
                Disconnects a professional's Google Calendar: revokes the grant at Google and deletes the stored \
                token, busy times and pending writes (events already written stay). Errors: not_found.""",
                DisconnectInput.class, Disconnected.class,
                (ctx, in) -> google.disconnect(ctx.requireTenant(), in.professionalId()));
    }
}
