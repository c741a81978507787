package com.aiassistants.gateway.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.gateway.config.TenantDirectory;

/**
 * A patient's right to erasure, asked by backend-api: the gateway's copies of their messages keep kind, status
 * and times for the figures but lose the number, name and texts; messages still queued to them are not sent;
 * their 24-hour window, simulator chat and place in the allowed numbers go.
 */
@RestController
public class CustomerErasureController {

    private static final Logger log = LoggerFactory.getLogger(CustomerErasureController.class);
    static final String ERASED = "erased";

    public record EraseRequest(@NotBlank @Pattern(regexp = PhoneNumbers.E164_PATTERN, message = "must be a phone number")
            String number) {
    }

    public record Erased(int inbound, int outbound, int simulatorMessages) {
    }

    private final TenantDirectory tenants;
    private final JdbcClient jdbc;

    public CustomerErasureController(TenantDirectory tenants, JdbcClient jdbc) {
        this.tenants = tenants;
        this.jdbc = jdbc;
    }

    @PostMapping("/admin/tenants/{tenant}/customers/erase")
    @Transactional
    public Erased erase(@PathVariable String tenant, @Valid @RequestBody EraseRequest request) {
        String tenantId = tenants.require(tenant);
        String digits = request.number().replaceAll("\\D", "");
        String plus = "+" + digits;
        int inbound = jdbc.sql("""
                update inbox set from_number = :erased, customer_name = null, text = '', last_error = null
                where tenant_id = :tenant and from_number in (:digits, :plus)""")
                .param("erased", ERASED).param("tenant", tenantId).param("digits", digits).param("plus", plus).update();
        int outbound = jdbc.sql("""
                update outbox set to_number = :erased, body = '{"erased": true}'::jsonb, last_error = null,
                       status = case when status in ('pending', 'sending') then 'failed' else status end,
                       error_code = case when status in ('pending', 'sending') then 'customer_erased' else error_code end
                where tenant_id = :tenant and to_number in (:digits, :plus)""")
                .param("erased", ERASED).param("tenant", tenantId).param("digits", digits).param("plus", plus).update();
        int simulator = jdbc.sql("delete from simulator_message where tenant_id = :tenant and phone in (:digits, :plus)")
                .param("tenant", tenantId).param("digits", digits).param("plus", plus).update();
        jdbc.sql("delete from customer_window where tenant_id = :tenant and number in (:digits, :plus)")
                .param("tenant", tenantId).param("digits", digits).param("plus", plus).update();
        jdbc.sql("""
                update allowed_numbers set numbers = array_remove(array_remove(numbers, :digits), :plus), updated_at = now()
                where tenant_id = :tenant""")
                .param("tenant", tenantId).param("digits", digits).param("plus", plus).update();
        log.info("customer {} erased: {} inbound, {} outbound, {} simulator messages", PhoneNumbers.mask(plus), inbound,
                outbound, simulator);
        return new Erased(inbound, outbound, simulator);
    }
}
