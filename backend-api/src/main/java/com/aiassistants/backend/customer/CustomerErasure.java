package com.aiassistants.backend.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.backend.conversation.TurnService;
import com.aiassistants.backend.customer.CustomerViews.Erasure;
import com.aiassistants.backend.handoff.GatewayClient;
import com.aiassistants.backend.linkaccess.LinkAccessOutbox;
import com.aiassistants.backend.mcp.McpCalls;
import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.common.scheduling.BookingLogTools;
import com.aiassistants.common.scheduling.CalendarTools;

/**
 * A patient's right to erasure. The patient becomes {@code erased:<uuid>} everywhere: mcp-calendar's bookings
 * and mcp-booking-log's events first (their tools keep time, service, professional and status, nothing that
 * names the patient), the WhatsApp gateway's copies of their messages next, then, in one transaction here, their conversations are renamed (a WhatsApp
 * conversation's id is the phone) and lose name and dialogue state, every message text is blanked (role,
 * kind and time stay for the dashboard's figures), jobs and dedupe records lose requests and replies, memory
 * and the reminder opt-out are deleted, reminders and audit entries get the anonymous id. If a scheduling
 * service or the gateway does not answer, nothing here has changed and the erasure can simply be asked again.
 */
@Service
public class CustomerErasure {

    private static final Logger log = LoggerFactory.getLogger(CustomerErasure.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final McpClients mcp;
    private final Customers customers;
    private final CustomerAudit audit;
    private final GatewayClient gateway;

    private final LinkAccessOutbox linkAccesses;

    public CustomerErasure(JdbcClient jdbc, TransactionTemplate transactions, McpClients mcp, Customers customers,
            CustomerAudit audit, GatewayClient gateway, LinkAccessOutbox linkAccesses) {
        this.linkAccesses = linkAccesses;
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mcp = mcp;
        this.customers = customers;
        this.audit = audit;
    }

    public Erasure erase(String projectId, String actor, String customerId) {
        customers.profile(projectId, customerId); // 404 when nothing is held about them
        String erasedAs = Customers.ERASED_PREFIX + UUID.randomUUID();
        // before the booking log's erasure: an access delivered after it must not bring the patient's id back
        linkAccesses.eraseCustomer(projectId, customerId, erasedAs);
        int bookings = McpCalls.run(() -> mcp.calendar().call(projectId, CalendarTools.ERASE_CUSTOMER,
                new CalendarTools.EraseCustomerInput(customerId, erasedAs), CalendarTools.ErasedCustomer.class, false))
                .rows();
        int events = McpCalls.run(() -> mcp.bookingLog().call(projectId, BookingLogTools.ERASE_CUSTOMER,
                new BookingLogTools.EraseCustomerInput(customerId, erasedAs), BookingLogTools.ErasedCustomer.class,
                false)).events();
        String phone = Customers.phoneOf(customerId);
        String atGateway = phone == null ? "no-phone"
                : gateway.eraseCustomer(projectId, phone).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        Erasure erasure = transactions.execute(tx -> eraseHere(projectId, customerId, erasedAs, bookings, events,
                atGateway));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("conversations", erasure.conversations());
        details.put("messages", erasure.messages());
        details.put("memory_items", erasure.memoryItems());
        details.put("bookings", bookings);
        details.put("booking_events", events);
        details.put("gateway", atGateway);
        audit.record(projectId, actor, "erased", erasedAs, details);
        log.info("customer erased as {}: {}", erasedAs, details);
        return erasure;
    }

    private Erasure eraseHere(String projectId, String customerId, String erasedAs, int bookings, int events,
            String atGateway) {
        List<String> conversations = jdbc.sql("""
                select id from conversation where project_id = ? and customer_id = ? order by created_at, id for update""")
                .params(projectId, customerId).query(String.class).list();
        int messages = 0;
        int jobs = 0;
        for (int i = 0; i < conversations.size(); i++) {
            String old = conversations.get(i);
            String renamed = erasedAs + ":" + (i + 1);
            // waits for a turn of this conversation in flight; later turns find the old id gone
            jdbc.sql("select pg_advisory_xact_lock(?)").param(TurnService.lockKey(projectId, old)).query((rs, n) -> 1).list();
            jdbc.sql("""
                    update conversation set id = ?, customer_id = ?, customer_name = null, state = null
                    where project_id = ? and id = ?""").params(renamed, erasedAs, projectId, old).update();
            messages += jdbc.sql("update message set text = '' where project_id = ? and conversation_id = ?")
                    .params(projectId, renamed).update();
            jdbc.sql("""
                    update processed_message set conversation_id = ?, response_text = null, interactive = null
                    where project_id = ? and conversation_id = ?""").params(renamed, projectId, old).update();
            jobs += jdbc.sql("""
                    update job set conversation_id = ?, request = '{"erased": true}'::jsonb, response_text = null,
                           response = null, error_text = null, callback_error = null
                    where project_id = ? and conversation_id = ?""").params(renamed, projectId, old).update();
        }
        int memory = jdbc.sql("delete from customer_memory where project_id = ? and customer_id = ?")
                .params(projectId, customerId).update();
        int reminders = jdbc.sql("update reminder set customer_id = ?, last_error = null where project_id = ? and customer_id = ?")
                .params(erasedAs, projectId, customerId).update();
        jdbc.sql("delete from reminder_opt_out where project_id = ? and customer_id = ?").params(projectId, customerId)
                .update();
        // claims made through the orders hook keep the hook's id and status (the shop has its own copy), not the words
        jdbc.sql("update claim set customer_id = ?, conversation_id = null, description = '' where project_id = ? and customer_id = ?")
                .params(erasedAs, projectId, customerId).update();
        audit.rename(projectId, customerId, erasedAs);
        return new Erasure(erasedAs, conversations.size(), messages, memory, jobs, reminders, bookings, events, atGateway);
    }
}
