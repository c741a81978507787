package com.aiassistants.backend.calendar;

import org.springframework.security.core.context.SecurityContextHolder;

import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.backend.tenant.CallerAuthentication;

/** How a console user is named in the booking log: {@code staff:<email>} (or their subject when the token has no email). */
public final class StaffActors {

    private StaffActors() {
    }

    public static String of(Caller caller) {
        String email = SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth
                ? auth.email() : null;
        String who = email == null || email.isBlank() ? caller.subject() : email;
        return "staff:" + who.replaceAll("\\s", "");
    }
}
