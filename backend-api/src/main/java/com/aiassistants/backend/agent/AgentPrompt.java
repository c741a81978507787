package com.aiassistants.backend.agent;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.aiassistants.backend.assistant.TenantProfile;

/**
 * The system message of an agent turn: the tenant's own prompt (or a default in its language), then the
 * facts of the turn the model cannot know: now in the tenant's zone, the customer's name and their
 * upcoming bookings (from {@code list_customer_bookings}); when the project has an orders hook, that orders can be
 * looked up and claims filed with the order tools.
 */
final class AgentPrompt {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AgentPrompt() {
    }

    static String system(TenantProfile tenant, ZonedDateTime now, String customerName,
            List<Map<String, Object>> upcoming, boolean orders) {
        boolean english = "en".equalsIgnoreCase(tenant.locale());
        String own = tenant.flow() == null ? null : tenant.flow().systemPrompt();
        StringBuilder text = new StringBuilder(own == null || own.isBlank() ? defaultPrompt(tenant, english) : own.strip());
        Locale locale = english ? Locale.ENGLISH : Locale.forLanguageTag("es");
        text.append("\n\n").append(english ? "Context (from the system, reliable):" : "Contexto (del sistema, confiable):");
        text.append("\n- ").append(english ? "Now: " : "Ahora: ").append(now.format(DATE_TIME)).append(" (")
                .append(now.getDayOfWeek().getDisplayName(TextStyle.FULL, locale)).append("), ")
                .append(english ? "time zone " : "zona horaria ").append(now.getZone().getId());
        text.append("\n- ").append(english ? "Customer: " : "Cliente: ")
                .append(customerName == null ? (english ? "name unknown" : "nombre desconocido") : customerName);
        text.append("\n- ").append(english ? "Customer's upcoming bookings: " : "Próximos turnos del cliente: ");
        if (upcoming.isEmpty()) {
            text.append(english ? "none" : "ninguno");
        }
        for (Map<String, Object> booking : upcoming) {
            text.append("\n  * ").append(value(booking, "short_code")).append(" — ").append(value(booking, "service_name"))
                    .append(english ? " with " : " con ").append(value(booking, "professional_name")).append(", ")
                    .append(value(booking, "local_start").replace('T', ' ')).append(" (")
                    .append(value(booking, "status")).append(")");
        }
        if (orders) {
            text.append("\n- ").append(english
                    ? "Orders: the shop's order system is connected. Use get_order, list_orders and track_shipment "
                            + "for questions about the customer's purchases and deliveries, and create_claim for a "
                            + "complaint once the customer described it and agreed to file it; state only what these "
                            + "tools returned, and if they fail apologise and suggest trying later or a person."
                    : "Pedidos: el sistema de pedidos de la tienda está conectado. Usá get_order, list_orders y "
                            + "track_shipment para preguntas sobre las compras y envíos del cliente, y create_claim para "
                            + "un reclamo cuando el cliente lo describió y aceptó registrarlo; decí solo lo que "
                            + "devolvieron estas herramientas y, si fallan, pedí disculpas y sugerí probar más tarde o "
                            + "hablar con una persona.");
        }
        return text.toString();
    }

    private static String defaultPrompt(TenantProfile tenant, boolean english) {
        String business = tenant.name() == null ? "" : tenant.name();
        if (english) {
            return "You are the booking assistant of " + business + ". Answer briefly, in the customer's language. "
                    + "Use the tools to look up services, professionals, free slots and the customer's bookings; "
                    + "never invent times, dates, prices or booking codes: state only what a tool returned. "
                    + "To book: find_available_slots, hold_slot with a returned slot, ask the customer to confirm, "
                    + "then confirm_booking. Say a booking is confirmed only after confirm_booking succeeded.";
        }
        return "Sos el asistente de turnos de " + business + ". Respondé breve, en el idioma del cliente. "
                + "Usá las herramientas para consultar servicios, profesionales, horarios libres y los turnos del "
                + "cliente; nunca inventes horarios, fechas, precios ni códigos: decí solo lo que devolvió una "
                + "herramienta. Para reservar: find_available_slots, hold_slot con un horario devuelto, pedile al "
                + "cliente que confirme y recién entonces confirm_booking. Decí que un turno está confirmado solo "
                + "después de que confirm_booking funcionó.";
    }

    private static String value(Map<String, Object> booking, String key) {
        Object value = booking.get(key);
        return value == null ? "?" : value.toString();
    }
}
