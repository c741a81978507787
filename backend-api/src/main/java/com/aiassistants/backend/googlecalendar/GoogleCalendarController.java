package com.aiassistants.backend.googlecalendar;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.googlecalendar.GoogleCalendarLink.GoogleCalendarConnectView;
import com.aiassistants.backend.googlecalendar.GoogleCalendarLink.GoogleCalendarDisconnectView;
import com.aiassistants.backend.googlecalendar.GoogleCalendarLink.GoogleCalendarStatusView;
import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A professional's Google Calendar in the console: every role sees the status, admins and owners connect and
 * disconnect. Google's redirect comes back to the public {@code /v1/google/oauth/callback}, which hands code and
 * state to mcp-calendar and sends the browser back to the console's clinic page.
 */
@RestController
@Validated
@Tag(name = "catalogue")
public class GoogleCalendarController {

    static final String CALLBACK = "/v1/google/oauth/callback";
    private static final Logger log = LoggerFactory.getLogger(GoogleCalendarController.class);

    private final GoogleCalendarLink link;

    public GoogleCalendarController(GoogleCalendarLink link) {
        this.link = link;
    }

    @Operation(summary = "A professional's Google Calendar connection (null when not connected)")
    @GetMapping("/v1/admin/catalogue/professionals/{professionalId}/google-calendar")
    public GoogleCalendarStatusView status(Caller caller, @PathVariable String professionalId) {
        return link.status(caller.requireAdminOnOwnProject(Role.STAFF), Inputs.id("professional_id", professionalId));
    }

    @Operation(summary = "Start connecting a professional's Google Calendar (admin): Google's authorization URL, "
            + "to open in the browser; 409 google-calendar-disabled when the deployment has no OAuth client")
    @PostMapping("/v1/admin/catalogue/professionals/{professionalId}/google-calendar/connect")
    public GoogleCalendarConnectView connect(Caller caller, @PathVariable String professionalId) {
        return link.connect(caller.requireAdminOnOwnProject(Role.ADMIN), Inputs.id("professional_id", professionalId));
    }

    @Operation(summary = "Disconnect a professional's Google Calendar (admin): revokes the grant at Google")
    @DeleteMapping("/v1/admin/catalogue/professionals/{professionalId}/google-calendar")
    public GoogleCalendarDisconnectView disconnect(Caller caller, @PathVariable String professionalId) {
        return link.disconnect(caller.requireAdminOnOwnProject(Role.ADMIN),
                Inputs.id("professional_id", professionalId));
    }

    @Operation(summary = "Google's OAuth redirect (public): finishes connecting, then 302 to the console's clinic "
            + "page with google=connected or google=error&reason=<slug>")
    @GetMapping(CALLBACK)
    public ResponseEntity<Void> callback(@RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error) {
        String target;
        if (error != null || code == null || state == null) {
            target = "/catalogue?google=error&reason=" + enc(error == null ? "missing-code" : error);
        } else {
            try {
                String professional = link.complete(code, state);
                target = "/catalogue?google=connected&professional=" + enc(professional);
            } catch (ApiProblem e) {
                log.warn("google calendar connect failed: {}", e.slug());
                target = "/catalogue?google=error&reason=" + enc(e.slug());
            }
        }
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, URI.create(target).toString())
                .build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value.length() > 100 ? value.substring(0, 100) : value, StandardCharsets.UTF_8);
    }
}
