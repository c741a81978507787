package com.aiassistants.backend.ics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.assistant.nlu.Language;
import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.backend.tenant.Project;
import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.client.McpUnavailableException;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingIdInput;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.web.FilterProblems;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /v1/public/bookings/<token>.ics[?lang=es|en]}: a patient's calendar file, open to anyone holding the
 * link (the token is the authentication, see {@link CalendarLinks}). Rendered from mcp-calendar's
 * {@code get_booking} each time, so a moved booking gives its new times. A confirmed (or attended) booking is a
 * {@code STATUS:CONFIRMED} event, a cancelled one {@code STATUS:CANCELLED} with the same UID (so a calendar that
 * reads the file again marks it cancelled). Everything else is a 404 problem that says nothing more: a token not
 * made with the key (malformed, tampered), an unknown project or booking, a hold never confirmed. mcp-calendar not
 * answering is a 503 with {@code Retry-After}. Problems are written directly (not through content negotiation), so a
 * calendar app asking only for {@code text/calendar} still gets the problem JSON. Metric
 * {@code backend.calendar_files{outcome}}.
 */
@Hidden
@RestController
public class CalendarFileController {

    private static final Logger log = LoggerFactory.getLogger(CalendarFileController.class);
    static final String NOT_FOUND = "calendar-file-not-found";

    private final CalendarLinks links;
    private final CalendarFile files;
    private final Projects projects;
    private final McpClients mcp;
    private final Clock clock;
    private final MeterRegistry meters;

    public CalendarFileController(CalendarLinks links, CalendarFile files, Projects projects, McpClients mcp,
            ObjectProvider<Clock> clock, MeterRegistry meters) {
        this.links = links;
        this.files = files;
        this.projects = projects;
        this.mcp = mcp;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.meters = meters;
    }

    @GetMapping("/v1/public/bookings/{token}.ics")
    public void file(@PathVariable String token, @RequestParam(name = "lang", required = false) String lang,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CalendarLinks.Target> target = links.verify(token);
        Optional<Project> project = target.flatMap(t -> projects.find(t.projectId()));
        if (project.isEmpty()) {
            notFound(request, response, target.isEmpty() ? "invalid_token" : "unknown_project");
            return;
        }
        Booking booking;
        try {
            booking = mcp.calendar().call(project.get().id(), CalendarTools.GET_BOOKING,
                    new BookingIdInput(target.get().bookingId()), Booking.class);
        } catch (McpToolError e) {
            notFound(request, response, "unknown_booking");
            return;
        } catch (McpUnavailableException e) {
            log.warn("calendar file: mcp-calendar did not answer ({})", e.getMessage());
            meters.counter("backend.calendar_files", "outcome", "unavailable").increment();
            FilterProblems.unavailable(request, response);
            return;
        }
        if (booking.status() == BookingStatus.HELD || booking.status() == BookingStatus.EXPIRED) {
            notFound(request, response, "not_booked");
            return;
        }
        Language language = Language.fromCode(lang, Language.fromCode(project.get().locale(), Language.ES));
        byte[] body = files.render(booking, project.get().name(), language, clock.instant())
                .getBytes(StandardCharsets.UTF_8);
        meters.counter("backend.calendar_files", "outcome",
                booking.status() == BookingStatus.CANCELLED ? "cancelled" : "ok").increment();
        response.setStatus(HttpStatus.OK.value());
        response.setContentType("text/calendar; charset=utf-8");
        response.setHeader("Content-Disposition", "inline; filename=\"booking-" + booking.shortCode() + ".ics\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, String outcome) throws IOException {
        meters.counter("backend.calendar_files", "outcome", outcome).increment();
        FilterProblems.write(request, response, HttpStatus.NOT_FOUND, NOT_FOUND,
                "this calendar link does not lead to a booking");
    }
}
