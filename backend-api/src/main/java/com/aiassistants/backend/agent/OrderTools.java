package com.aiassistants.backend.agent;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.aiassistants.backend.assistant.orders.OrderDesk;
import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.mcp.ToolParam;

/**
 * The agent's order tools over the project's orders hook: the same {@link OrderDesk} the deterministic engine asks
 * (one way to call the hook: signed, timeout, bounded retries, metric; a claim the hook accepted is stored for the
 * console), offered to the model only when the project has a hook. The customer is always the turn's; the model
 * only names the order and describes a claim. What the hook could not answer goes back to the model as a tool error
 * it can turn into a polite reply.
 */
final class OrderTools {

    static final String GET_ORDER = "get_order";
    static final String LIST_ORDERS = "list_orders";
    static final String TRACK_SHIPMENT = "track_shipment";
    static final String CREATE_CLAIM = "create_claim";

    /** Orders shown to the model from list_orders (the deterministic engine shows as many). */
    static final int MAX_ORDERS = 10;
    /** The customer's words kept for a claim (as the deterministic engine keeps them). */
    static final int MAX_DESCRIPTION = 1000;

    private static final Pattern ORDER_ID = Pattern.compile("[A-Z0-9][A-Z0-9._/-]{0,63}");

    record GetOrderInput(@ToolParam("The order number the customer gave, e.g. 1234 or A-1234") String orderId) {
    }

    record ListOrdersInput() {
    }

    record TrackShipmentInput(@ToolParam("The order number the customer gave, e.g. 1234 or A-1234") String orderId) {
    }

    record CreateClaimInput(
            @ToolParam(value = "The order number the claim is about, when the customer gave one", required = false)
            String orderId,
            @ToolParam("What went wrong, in the customer's own words") String description) {
    }

    /** A tool's answer for the model: the hook's data, or an error body. */
    record Answer(boolean ok, Map<String, Object> body) {
    }

    private final OrderDesk desk;

    OrderTools(OrderDesk desk) {
        this.desk = desk;
    }

    /** Whether the project has an orders hook, i.e. whether the order tools are offered this turn. */
    boolean offered(String tenantId) {
        return desk.configured(tenantId);
    }

    /** Runs an order tool with its bound input; bad input throws {@link IllegalArgumentException}. */
    Answer call(AgentTool tool, Object input, ToolCallExecutor.TurnContext turn) {
        OrderDesk.Customer customer = OrderDesk.Customer.of(turn.customerId(), turn.knownName(), turn.conversationId());
        String tenant = turn.tenantId();
        return switch (input) {
            case GetOrderInput in -> {
                String orderId = orderId(in.orderId());
                yield answer(desk.order(tenant, customer, orderId), orderId, order -> Map.of("order", McpJson.toMap(order)));
            }
            case ListOrdersInput _ -> answer(desk.orders(tenant, customer), null,
                    orders -> Map.of("orders", orders.stream().limit(MAX_ORDERS).map(McpJson::toMap).toList()));
            case TrackShipmentInput in -> {
                String orderId = orderId(in.orderId());
                yield answer(desk.shipment(tenant, customer, orderId), orderId,
                        shipment -> Map.of("order_id", orderId, "shipment", McpJson.toMap(shipment)));
            }
            case CreateClaimInput in -> {
                String orderId = in.orderId() == null || in.orderId().isBlank() ? null : orderId(in.orderId());
                String description = in.description() == null ? "" : in.description().strip();
                if (description.isEmpty()) {
                    throw new IllegalArgumentException("missing required arguments: description");
                }
                if (description.length() > MAX_DESCRIPTION) {
                    description = description.substring(0, MAX_DESCRIPTION);
                }
                yield answer(desk.createClaim(tenant, customer, new OrderDesk.ClaimRequest(orderId, description)),
                        orderId, claim -> Map.of("claim", McpJson.toMap(claim)));
            }
            default -> throw new IllegalStateException("not an order tool: " + tool);
        };
    }

    /** As the customer wrote it, without a leading '#', upper case (what the hook gets from the deterministic engine). */
    private static String orderId(String raw) {
        String id = raw == null ? "" : raw.strip();
        if (id.startsWith("#")) {
            id = id.substring(1).strip();
        }
        id = id.toUpperCase(Locale.ROOT);
        if (!ORDER_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("order_id must be the order number the customer gave (letters, digits, "
                    + "dashes; at most 64 characters)");
        }
        return id;
    }

    private static <T> Answer answer(OrderDesk.Result<T> result, String orderId,
            java.util.function.Function<T, Map<String, Object>> body) {
        if (result.ok()) {
            return new Answer(true, body.apply(result.value()));
        }
        Map<String, Object> error = new LinkedHashMap<>();
        switch (result.outcome()) {
            case NOT_FOUND -> {
                error.put("error", "not_found");
                error.put("message", orderId == null ? "The shop's order system found nothing for this customer."
                        : "The shop's order system has no order " + orderId + " for this customer; ask them to check "
                                + "the number.");
            }
            case NOT_CONFIGURED -> {
                error.put("error", "orders_not_available");
                error.put("message", "Orders cannot be looked up in this chat; offer to pass the customer to a person.");
            }
            default -> {
                error.put("error", "order_system_unavailable");
                error.put("message", "The shop's order system did not answer and nothing was done; apologise, say it "
                        + "could not be done right now and suggest trying again later or asking for a person.");
            }
        }
        if (orderId != null) {
            error.put("order_id", orderId);
        }
        return new Answer(false, error);
    }
}
