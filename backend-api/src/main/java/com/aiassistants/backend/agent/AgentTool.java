package com.aiassistants.backend.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.aiassistants.backend.agent.SchedulingTools.Service;
import com.aiassistants.common.mcp.ToolSchemas;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.ProfessionalsTools;

/**
 * The tools the model can be offered: the scheduling tools (which MCP service serves each) and the order tools
 * (served by the project's orders hook through {@link OrderTools}, no MCP service); the record its arguments bind to,
 * and the arguments the agent fills in itself from the authenticated turn (removed from the schema the model sees
 * and overwritten whatever the model sends).
 */
enum AgentTool {

    LIST_SERVICES(Service.PROFESSIONALS, ProfessionalsTools.LIST_SERVICES, ProfessionalsTools.ListServicesInput.class,
            false, "Lists the services offered (id, name, duration in minutes, price), optionally those of one "
                    + "professional or matching a name", Set.of()),
    LIST_PROFESSIONALS(Service.PROFESSIONALS, ProfessionalsTools.LIST_PROFESSIONALS,
            ProfessionalsTools.ListProfessionalsInput.class, false,
            "Lists the professionals (id, name, specialty), optionally only those offering a service", Set.of()),
    SEARCH_PROFESSIONALS(Service.PROFESSIONALS, ProfessionalsTools.SEARCH_PROFESSIONALS,
            ProfessionalsTools.SearchProfessionalsInput.class, false,
            "Finds professionals by (part of) their name or specialty", Set.of()),
    GET_WORKING_HOURS(Service.PROFESSIONALS, ProfessionalsTools.GET_WORKING_HOURS,
            ProfessionalsTools.GetWorkingHoursInput.class, false,
            "Weekly working hours and upcoming time off of one professional", Set.of()),
    FIND_AVAILABLE_SLOTS(Service.CALENDAR, CalendarTools.FIND_AVAILABLE_SLOTS,
            CalendarTools.FindAvailableSlotsInput.class, false,
            "Free appointment slots of a service (optionally one professional) between two local dates; "
                    + "local_start is the time to tell the customer, start is the instant to pass to hold_slot",
            Set.of()),
    LIST_CUSTOMER_BOOKINGS(Service.CALENDAR, CalendarTools.LIST_CUSTOMER_BOOKINGS,
            CalendarTools.ListCustomerBookingsInput.class, false,
            "The customer's own bookings (upcoming HELD/CONFIRMED unless include_past)", Set.of("customer_id")),
    HOLD_SLOT(Service.CALENDAR, CalendarTools.HOLD_SLOT, CalendarTools.HoldSlotInput.class, true,
            "Holds a free slot for the customer for a few minutes (status HELD); the booking is NOT confirmed "
                    + "until confirm_booking succeeds", Set.of("customer_id", "idempotency_key", "channel")),
    CONFIRM_BOOKING(Service.CALENDAR, CalendarTools.CONFIRM_BOOKING, CalendarTools.ConfirmBookingInput.class, true,
            "Confirms one of the customer's HELD bookings; call it only after the customer agreed",
            Set.of("customer_id")),
    CANCEL_BOOKING(Service.CALENDAR, CalendarTools.CANCEL_BOOKING, CalendarTools.CancelBookingInput.class, true,
            "Cancels one of the customer's bookings", Set.of("customer_id")),
    RESCHEDULE_BOOKING(Service.CALENDAR, CalendarTools.RESCHEDULE_BOOKING, CalendarTools.RescheduleBookingInput.class,
            true, "Moves one of the customer's bookings to another free slot (new_start from find_available_slots)",
            Set.of("customer_id")),

    GET_ORDER(OrderTools.GET_ORDER, OrderTools.GetOrderInput.class, false,
            "One of the customer's orders from the shop's order system: status, date, items, total, shipment"),
    LIST_ORDERS(OrderTools.LIST_ORDERS, OrderTools.ListOrdersInput.class, false,
            "The customer's recent orders from the shop's order system, newest first"),
    TRACK_SHIPMENT(OrderTools.TRACK_SHIPMENT, OrderTools.TrackShipmentInput.class, false,
            "Where the shipment of one of the customer's orders is: status, carrier, tracking number and link, "
                    + "estimated delivery"),
    CREATE_CLAIM(OrderTools.CREATE_CLAIM, OrderTools.CreateClaimInput.class, true,
            "Files a claim (complaint) with the shop about an order; call it only once the customer described "
                    + "the problem and agreed to file it");

    /** The MCP service of a scheduling tool; null for the order tools, which the project's orders hook serves. */
    final Service service;
    final String toolName;
    final Class<?> inputType;
    final boolean write;
    final String description;
    final Set<String> injected;
    private final Map<String, Object> modelSchema;
    private final List<String> required;

    AgentTool(Service service, String toolName, Class<?> inputType, boolean write, String description,
            Set<String> injected) {
        this.service = service;
        this.toolName = toolName;
        this.inputType = inputType;
        this.write = write;
        this.description = description;
        this.injected = injected;
        this.modelSchema = schemaWithout(ToolSchemas.of(inputType), injected);
        this.required = modelSchema.get("required") instanceof List<?> list
                ? list.stream().map(Object::toString).toList() : List.of();
    }

    /** An order tool: served by the project's orders hook, offered only when the project has one. */
    AgentTool(String toolName, Class<?> inputType, boolean write, String description) {
        this(null, toolName, inputType, write, description, Set.of());
    }

    /** Served by the project's orders hook ({@link OrderTools}) rather than an MCP service. */
    boolean ordersHook() {
        return service == null;
    }

    static Optional<AgentTool> byName(String name) {
        for (AgentTool tool : values()) {
            if (tool.toolName.equals(name)) {
                return Optional.of(tool);
            }
        }
        return Optional.empty();
    }

    /** The JSON Schema the model sees: the contract's, without the arguments the agent fills in. */
    Map<String, Object> modelSchema() {
        return modelSchema;
    }

    /** Arguments the model must give. */
    List<String> required() {
        return required;
    }

    /** Safe to repeat on a transport failure: reads, and holds (their idempotency key makes a repeat harmless). */
    boolean retryable() {
        return !write || this == HOLD_SLOT;
    }

    LlmChat.ToolSpec spec() {
        return new LlmChat.ToolSpec(toolName, description, modelSchema);
    }

    private static Map<String, Object> schemaWithout(Map<String, Object> schema, Set<String> removed) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        copy.putIfAbsent("properties", Map.of()); // a tool without arguments still shows an (empty) object
        if (copy.get("properties") instanceof Map<?, ?> properties) {
            Map<Object, Object> kept = new LinkedHashMap<>(properties);
            removed.forEach(kept::remove);
            copy.put("properties", kept);
        }
        if (copy.get("required") instanceof List<?> required) {
            List<Object> kept = new ArrayList<>(required);
            kept.removeAll(removed);
            if (kept.isEmpty()) {
                copy.remove("required");
            } else {
                copy.put("required", kept);
            }
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}
