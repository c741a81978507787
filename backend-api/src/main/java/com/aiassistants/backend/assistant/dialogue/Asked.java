package com.aiassistants.backend.assistant.dialogue;

import java.time.LocalDate;
import java.time.LocalTime;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;

import com.aiassistants.backend.assistant.nlu.DateQuery;
import com.aiassistants.backend.assistant.nlu.TimeQuery;

/**
 * What the customer asked for in the task at hand: the service, the professional (or anyone), the days and the time
 * of day. Part of {@link DialogueState}, whose JSON carries these fields at its top level (unwrapped), as before
 * they had a class of their own. Read through the state's accessors; changed only by the state's named methods.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
final class Asked {

    String serviceId;
    String serviceName;
    String professionalId;
    String professionalName;
    boolean anyProfessional;
    LocalDate dateFrom;
    LocalDate dateTo;
    LocalTime exactTime;
    LocalTime earliest;
    LocalTime latest;
    /** "a la misma hora" said before the booking to move was chosen. */
    boolean sameTime;

    void service(String id, String name) {
        serviceId = id;
        serviceName = name;
    }

    void professional(String id, String name) {
        professionalId = id;
        professionalName = name;
        anyProfessional = false;
    }

    void anyProfessional() {
        anyProfessional = true;
        professionalId = null;
        professionalName = null;
    }

    void dates(DateQuery date) {
        dateFrom = date.from();
        dateTo = date.to();
    }

    void time(TimeQuery time) {
        exactTime = time.exact();
        earliest = time.earliest();
        latest = time.latest();
    }

    /**
     * Moving {@code booking}: its service and professional, and the day or time already asked for ("a la misma hora"
     * becomes its time of day, a time without a day its day). Returns true when the time of day changed.
     */
    boolean moving(BookingRef booking) {
        service(booking.serviceId(), booking.serviceName());
        professionalId = booking.professionalId();
        professionalName = booking.professionalName();
        boolean timeChanged = false;
        if (sameTime) {
            timeOf(booking);
            timeChanged = true;
        }
        if (dateFrom == null && (exactTime != null || earliest != null || latest != null)) {
            dateFrom = booking.localStart().toLocalDate();
            dateTo = dateFrom;
        }
        return timeChanged;
    }

    /** The booking's time of day, exactly. */
    void timeOf(BookingRef booking) {
        exactTime = booking.localStart().toLocalTime();
        earliest = null;
        latest = null;
    }

    void clearWhen() {
        dateFrom = null;
        dateTo = null;
        exactTime = null;
        earliest = null;
        latest = null;
    }

    void clear() {
        service(null, null);
        professional(null, null);
        clearWhen();
        sameTime = false;
    }
}
