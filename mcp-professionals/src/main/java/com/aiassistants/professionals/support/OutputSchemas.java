package com.aiassistants.professionals.support;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

import com.aiassistants.common.mcp.ToolParam;
import com.aiassistants.common.mcp.server.McpTool;

/**
 * Output schemas for the contract records of {@code ProfessionalsTools}, identical in shape (a test
 * compares them property by property) but with the nullable fields marked optional.
 * <p>
 * Why: common's {@code ToolSchemas} marks every component of an un-annotated record as required,
 * while tool JSON omits nulls, so the MCP SDK's server-side output validation rejects e.g. a
 * professional without a phone. Until common derives optionality for output records, tools here
 * publish these schemas; the handlers still return the contract records, so the wire format is the
 * contract's. Remove this class once common is fixed.
 */
public final class OutputSchemas {

    private OutputSchemas() {
    }

    /** A read-only tool whose handler returns the contract type but whose output schema is {@code schema}. */
    @SuppressWarnings("unchecked")
    public static <I, O> McpTool<I, O> query(String name, String description, Class<I> input, Class<?> schema,
            McpTool.Handler<I, O> handler) {
        return McpTool.query(name, description, input, (Class<O>) schema, handler);
    }

    @SuppressWarnings("unchecked")
    public static <I, O> McpTool<I, O> command(String name, String description, Class<I> input, Class<?> schema,
            McpTool.Handler<I, O> handler) {
        return McpTool.command(name, description, input, (Class<O>) schema, handler);
    }

    public record Professional(@ToolParam("Id, e.g. pro-perez") String id, @ToolParam("Display name") String name,
            @ToolParam(value = "Specialty", required = false) String specialty,
            @ToolParam(value = "Area", required = false) String area,
            @ToolParam(value = "Contact email", required = false) String email,
            @ToolParam(value = "Contact phone, E.164", required = false) String phone,
            @ToolParam("False when deactivated") boolean active,
            @ToolParam("Ids of the active services this professional offers") List<String> serviceIds) {
    }

    public record ProfessionalList(@ToolParam("The professionals") List<Professional> professionals) {
    }

    public record Service(@ToolParam("Id, e.g. svc-limpieza") String id, @ToolParam("Name") String name,
            @ToolParam(value = "Description", required = false) String description,
            @ToolParam("Duration in minutes") int durationMinutes,
            @ToolParam("Free minutes kept after each appointment") int bufferMinutes,
            @ToolParam(value = "Price", required = false) BigDecimal price,
            @ToolParam(value = "ISO 4217 currency of the price", required = false) String currency,
            @ToolParam("False when deactivated") boolean active,
            @ToolParam("Ids of the active professionals offering it") List<String> professionalIds) {
    }

    public record ServiceList(@ToolParam("The services") List<Service> services) {
    }

    public record TimeOff(@ToolParam("Id, e.g. off-…") String id, @ToolParam("Start instant") Instant start,
            @ToolParam("End instant, exclusive") Instant end,
            @ToolParam(value = "Reason", required = false) String reason) {
    }

    /**
     * The contract's {@code WorkingRange} with start/end published as plain strings: the generator
     * gives {@code LocalTime} the JSON Schema format "time" (RFC 3339 full-time, seconds required),
     * but tool JSON writes "09:00", which strict clients such as the MCP Inspector reject.
     */
    public record WorkingRange(@ToolParam("Day of the week") DayOfWeek dayOfWeek,
            @ToolParam("Local start time, HH:mm[:ss]") String start,
            @ToolParam("Local end time, HH:mm[:ss], exclusive") String end) {
    }

    public record WorkingHours(@ToolParam("Professional id") String professionalId,
            @ToolParam("IANA time zone of the ranges") String timeZone,
            @ToolParam("Weekly ranges in local time, [start, end)") List<WorkingRange> ranges,
            @ToolParam("Time off overlapping the requested window") List<TimeOff> timeOff) {
    }
}
