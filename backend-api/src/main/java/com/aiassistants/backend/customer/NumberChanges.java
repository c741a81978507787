package com.aiassistants.backend.customer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aiassistants.common.channel.PhoneNumbers;

/**
 * A WhatsApp user told WhatsApp they now write from another number. Their conversation, memory and bookings stay
 * under the old number (each service keys them by it); what changes is that staff see it: an entry
 * {@code number_changed} in the audit of the old number's customer (and of the new one), shown on the console's
 * customer page with both numbers, so staff can tell the patient or act. Recorded once per WhatsApp message id.
 */
@Service
public class NumberChanges {

    private static final Logger log = LoggerFactory.getLogger(NumberChanges.class);
    public static final String ACTION = "number_changed";
    public static final String ACTOR = "whatsapp";

    private final JdbcClient jdbc;
    private final CustomerAudit audit;

    public NumberChanges(JdbcClient jdbc, CustomerAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** @return false when this message id was already recorded */
    @Transactional
    public boolean record(String projectId, String messageId, String oldNumber, String newNumber, String reportedAt) {
        // one notice per message id, also when two deliveries race (the lock is held until the transaction ends)
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(projectId + "|" + ACTION + "|" + messageId)
                .query((rs, n) -> 1).list();
        boolean known = jdbc.sql("""
                select exists (select 1 from audit_event where project_id = ? and action = ? and actor = ?
                               and details ->> 'message_id' = ?)""")
                .params(projectId, ACTION, ACTOR, messageId).query(Boolean.class).single();
        if (known) {
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from_number", oldNumber);
        details.put("to_number", newNumber);
        details.put("message_id", messageId);
        if (reportedAt != null) {
            details.put("reported_at", reportedAt);
        }
        audit.record(projectId, ACTOR, ACTION, oldNumber, details);
        audit.record(projectId, ACTOR, ACTION, newNumber, details);
        log.warn("customer {} now writes from {} (WhatsApp message {}): recorded for staff; conversation, memory and"
                + " bookings stay under the old number", PhoneNumbers.mask(oldNumber), PhoneNumbers.mask(newNumber), messageId);
        return true;
    }
}
