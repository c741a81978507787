package com.aiassistants.bookinglog.events;

import static com.aiassistants.common.scheduling.BookingLogTools.MAX_EVENTS_PER_APPEND;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.bookinglog.BookingLogProperties;
import com.aiassistants.common.scheduling.BookingLogTools.LinkStatsInput;
import com.aiassistants.common.scheduling.BookingLogTools.LinkStats;
import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.BookingLogTools.AppendBookingEventInput;
import com.aiassistants.common.scheduling.BookingLogTools.AppendResult;
import com.aiassistants.common.scheduling.BookingLogTools.AppendResults;
import com.aiassistants.common.scheduling.BookingLogTools.BookingEvent;
import com.aiassistants.common.scheduling.BookingLogTools.EraseCustomerInput;
import com.aiassistants.common.scheduling.BookingLogTools.ErasedCustomer;
import com.aiassistants.common.scheduling.BookingLogTools.ListBookingEventsInput;

/** Appends audit events idempotently and answers queries by booking, customer, professional and time. */
@Component
public class BookingLog {

    static final String INVALID_REQUEST = "invalid_request";
    private static final Pattern TYPE = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");
    private static final int MAX_ID = 200;
    static final int DEFAULT_LINK_DAYS = 7;
    static final int MAX_LINK_DAYS = 30;
    static final int MAX_LINK_RANGE_DAYS = 366;
    private static final Logger log = LoggerFactory.getLogger(BookingLog.class);

    private final BookingEventRepository repository;
    private final BookingLogProperties properties;
    private final TransactionTemplate transactions;

    public BookingLog(BookingEventRepository repository, BookingLogProperties properties, TransactionTemplate transactions) {
        this.repository = repository;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** Records the event once: appending the same event_id again answers {@code duplicate: true} and changes nothing. */
    public AppendResult append(String tenant, AppendBookingEventInput in) {
        return record(tenant, newEvent(in));
    }

    /**
     * Records several events, each once, in one transaction; one result per event in the order given. Every event is
     * checked first: an invalid one refuses the whole call, naming it ({@code events[i]: …}), and nothing is recorded.
     */
    public AppendResults appendAll(String tenant, List<AppendBookingEventInput> events) {
        if (events == null || events.isEmpty() || events.size() > MAX_EVENTS_PER_APPEND) {
            throw invalid("events must hold 1 to " + MAX_EVENTS_PER_APPEND + " events");
        }
        List<BookingEventRepository.NewEvent> checked = new java.util.ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            try {
                checked.add(newEvent(events.get(i)));
            } catch (ToolException e) {
                throw new ToolException(e.code(), "events[" + i + "]: " + e.getMessage(), e.details());
            }
        }
        return new AppendResults(transactions.execute(tx -> checked.stream().map(event -> record(tenant, event)).toList()));
    }

    private AppendResult record(String tenant, BookingEventRepository.NewEvent event) {
        boolean inserted = repository.insertIfAbsent(tenant, event);
        if (!inserted) {
            log.info("booking event {} already recorded; duplicate append ignored", event.eventId());
        }
        return new AppendResult(event.eventId(), !inserted);
    }

    private BookingEventRepository.NewEvent newEvent(AppendBookingEventInput in) {
        if (in == null) {
            throw invalid("an event is required");
        }
        String eventId = required(in.eventId(), "event_id");
        String type = required(in.type(), "type");
        if (!TYPE.matcher(type).matches()) {
            throw invalid("type must be snake_case, e.g. confirmed or link_accessed (got '" + type + "')");
        }
        String actor = required(in.actor(), "actor");
        if (in.occurredAt() == null) {
            throw invalid("occurred_at is required");
        }
        return new BookingEventRepository.NewEvent(eventId, optional(in.bookingId(), "booking_id"), type, actor,
                optional(in.customerId(), "customer_id"), optional(in.professionalId(), "professional_id"),
                in.occurredAt(), json(in.before(), "before"), json(in.after(), "after"));
    }

    public List<BookingEvent> list(String tenant, ListBookingEventsInput in) {
        if (in.from() != null && in.to() != null && !in.from().isBefore(in.to())) {
            throw invalid("from must be before to");
        }
        int limit = in.limit() == null ? properties.defaultLimit() : in.limit();
        if (limit < 1 || limit > properties.maxLimit()) {
            throw invalid("limit must be between 1 and " + properties.maxLimit());
        }
        return repository.find(tenant, new BookingEventRepository.Filter(optional(in.bookingId(), "booking_id"),
                optional(in.customerId(), "customer_id"), optional(in.professionalId(), "professional_id"), in.from(),
                in.to(), limit));
    }

    /** Which activation links led to bookings (see {@link BookingEventRepository#linkStats}). */
    public LinkStats linkStats(String tenant, LinkStatsInput in) {
        if (in.from() == null || in.to() == null || !in.from().isBefore(in.to())) {
            throw invalid("from and to are required, from before to");
        }
        int days = in.withinDays() == null ? DEFAULT_LINK_DAYS : in.withinDays();
        if (days < 1 || days > MAX_LINK_DAYS) {
            throw invalid("within_days must be between 1 and " + MAX_LINK_DAYS);
        }
        if (java.time.Duration.between(in.from(), in.to()).toDays() > MAX_LINK_RANGE_DAYS) {
            throw invalid("from and to must be at most " + MAX_LINK_RANGE_DAYS + " days apart");
        }
        return new LinkStats(days, repository.linkStats(tenant, in.from(), in.to(), days));
    }

    /** A patient's erasure (see {@link BookingEventRepository#eraseCustomer}); erasing again changes nothing. */
    public ErasedCustomer eraseCustomer(String tenant, EraseCustomerInput in) {
        String customerId = required(in.customerId(), "customer_id");
        String replacementId = required(in.replacementId(), "replacement_id");
        if (customerId.equals(replacementId)) {
            throw invalid("replacement_id must differ from customer_id");
        }
        int events = repository.eraseCustomer(tenant, customerId, replacementId);
        log.info("customer erased from {} booking events", events);
        return new ErasedCustomer(events);
    }

    private String json(Map<String, Object> state, String field) {
        if (state == null) {
            return null;
        }
        String json = McpJson.toJson(state);
        if (json.getBytes(StandardCharsets.UTF_8).length > properties.maxStateBytes()) {
            throw invalid(field + " is larger than " + properties.maxStateBytes() + " bytes of JSON");
        }
        return json;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        return bounded(value.trim(), field);
    }

    private static String optional(String value, String field) {
        return value == null || value.isBlank() ? null : bounded(value.trim(), field);
    }

    private static String bounded(String value, String field) {
        if (value.length() > MAX_ID) {
            throw invalid(field + " must be at most " + MAX_ID + " characters");
        }
        return value;
    }

    private static ToolException invalid(String message) {
        return new ToolException(INVALID_REQUEST, message);
    }
}
