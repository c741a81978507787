package com.aiassistants.backend.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.aiassistants.backend.assistant.orders.OrderDesk;

/**
 * The assistant's {@link OrderDesk} over each project's hook ({@link OrderHookClient}). The payload always carries
 * the customer of the authenticated turn ({@code customer: {id, phone, name}}); what the hook answers with
 * {@code ok: false} (or a 404) is "not found", anything else that is not an answer is {@link Outcome#FAILED}.
 */
@Component
public class HookOrderDesk implements OrderDesk {

    private final OrderHooks hooks;
    private final OrderHookClient client;
    private final Claims claims;

    public HookOrderDesk(OrderHooks hooks, OrderHookClient client, Claims claims) {
        this.hooks = hooks;
        this.client = client;
        this.claims = claims;
    }

    @Override
    public boolean configured(String tenantId) {
        return hooks.find(tenantId).isPresent();
    }

    @Override
    public Result<Order> order(String tenantId, Customer customer, String orderNumber) {
        return call(tenantId, "get_order", payload(customer, orderNumber, null), OrderHookClient.HookResponse::order);
    }

    @Override
    public Result<List<Order>> orders(String tenantId, Customer customer) {
        return call(tenantId, "list_orders", payload(customer, null, null),
                r -> r.orders() == null ? List.of() : r.orders());
    }

    @Override
    public Result<Shipment> shipment(String tenantId, Customer customer, String orderNumber) {
        return call(tenantId, "track_shipment", payload(customer, orderNumber, null), r -> r.shipment() != null
                ? r.shipment() : r.order() == null ? null : r.order().shipment());
    }

    @Override
    public Result<Claim> createClaim(String tenantId, Customer customer, ClaimRequest claim) {
        Result<Claim> created = call(tenantId, "create_claim", payload(customer, claim.orderId(), claim.description()),
                OrderHookClient.HookResponse::claim);
        if (created.ok()) {
            Claim c = created.value();
            claims.store(tenantId, customer.id(), customer.conversationId(),
                    c.orderId() != null ? c.orderId() : claim.orderId(), claim.description(), c.id(), c.status());
        }
        return created;
    }

    private <T> Result<T> call(String tenantId, String action, Map<String, Object> payload,
            Function<OrderHookClient.HookResponse, T> value) {
        Optional<OrderHooks.Hook> hook = hooks.find(tenantId);
        if (hook.isEmpty()) {
            return Result.of(Outcome.NOT_CONFIGURED);
        }
        OrderHookClient.Outcome answer = client.call(hook.get(), action, payload);
        if (answer.response() == null) {
            return Result.of(Outcome.FAILED);
        }
        if (!Boolean.TRUE.equals(answer.response().ok())) {
            return Result.of(Outcome.NOT_FOUND);
        }
        T found = value.apply(answer.response());
        return found == null ? Result.of(Outcome.NOT_FOUND) : Result.ok(found);
    }

    private static Map<String, Object> payload(Customer customer, String orderId, String description) {
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("id", customer.id());
        who.put("phone", customer.phone());
        who.put("name", customer.name());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("customer", who);
        if (orderId != null) {
            payload.put("order_id", orderId);
        }
        if (description != null) {
            payload.put("description", description);
        }
        return payload;
    }
}
