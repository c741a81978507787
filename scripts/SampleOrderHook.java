// A sample orders and claims hook for trying the assistant locally (backend-api's README, "Orders and claims hook").
// Run it with scripts/sample-order-hook.sh, which finds a JDK 25 (port 8099, secret demo-order-hook-secret-0001),
// or choose:   ORDER_HOOK_PORT=8099 ORDER_HOOK_SECRET=... scripts/sample-order-hook.sh
// It verifies X-Hook-Signature = base64(HMAC-SHA256(secret, X-Hook-Timestamp + "." + raw body)) with a timestamp at
// most 300 s away (401 otherwise) and answers {action, payload} from three demo orders, whoever asks.
// Demo only: it reads the JSON it needs with patterns instead of a JSON library, to stay one file without dependencies.

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

static final String SECRET = System.getenv().getOrDefault("ORDER_HOOK_SECRET", "demo-order-hook-secret-0001");
static final int PORT = Integer.parseInt(System.getenv().getOrDefault("ORDER_HOOK_PORT", "8099"));
static final AtomicInteger CLAIMS = new AtomicInteger(100);

static final Map<String, String> SHIPMENTS = Map.of(
        "1234", """
                {"status": "En camino", "carrier": "Andreani", "tracking_number": "AND-998877",
                 "tracking_url": "https://tracking.example/AND-998877", "estimated_delivery": "2026-12-12"}""",
        "1100", """
                {"status": "Entregado", "carrier": "Correo Argentino", "tracking_number": "CA-551100",
                 "estimated_delivery": "2026-11-14"}""");

static final Map<String, String> ORDERS = Map.of(
        "1234", """
                {"id": "1234", "status": "En camino", "placed_at": "2026-12-01", "total": 45000, "currency": "ARS",
                 "items": [{"name": "Zapatillas Runner", "quantity": 1}, {"name": "Medias deportivas", "quantity": 2}],
                 "shipment": %s}""".formatted(SHIPMENTS.get("1234")),
        "1100", """
                {"id": "1100", "status": "Entregado", "placed_at": "2026-11-10", "total": 12500, "currency": "ARS",
                 "items": [{"name": "Botella térmica", "quantity": 1}], "shipment": %s}""".formatted(SHIPMENTS.get("1100")),
        "1300", """
                {"id": "1300", "status": "Preparando", "placed_at": "2026-12-05", "total": 8900, "currency": "ARS",
                 "items": [{"name": "Gorra", "quantity": 1}]}""");

void main() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
    server.createContext("/hook", this::handle);
    server.start();
    System.out.println("sample orders hook on http://localhost:" + PORT + "/hook (secret " + SECRET + ")");
}

void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String timestamp = exchange.getRequestHeaders().getFirst("X-Hook-Timestamp");
    String signature = exchange.getRequestHeaders().getFirst("X-Hook-Signature");
    if (!"POST".equals(exchange.getRequestMethod()) || !valid(timestamp, body, signature)) {
        System.out.println("refused: bad or missing signature");
        send(exchange, 401, "{\"ok\": false, \"error\": \"bad_signature\"}");
        return;
    }
    String json = new String(body, StandardCharsets.UTF_8);
    String action = field(json, "action");
    String orderId = field(json, "order_id");
    System.out.println(action + (orderId == null ? "" : " " + orderId));
    String answer = switch (action == null ? "" : action) {
        case "get_order" -> ORDERS.containsKey(orderId) ? "{\"ok\": true, \"order\": " + ORDERS.get(orderId) + "}" : notFound();
        case "list_orders" -> "{\"ok\": true, \"orders\": [" + ORDERS.get("1300") + ", " + ORDERS.get("1234") + ", "
                + ORDERS.get("1100") + "]}";
        case "track_shipment" -> SHIPMENTS.containsKey(orderId)
                ? "{\"ok\": true, \"shipment\": " + SHIPMENTS.get(orderId) + "}"
                : ORDERS.containsKey(orderId) ? "{\"ok\": true, \"shipment\": {\"status\": null}}" : notFound();
        case "create_claim" -> "{\"ok\": true, \"claim\": {\"id\": \"CL-" + CLAIMS.incrementAndGet()
                + "\", \"status\": \"abierto\", \"order_id\": " + (orderId == null ? "null" : "\"" + orderId + "\"") + "}}";
        default -> null;
    };
    if (answer == null) {
        send(exchange, 400, "{\"ok\": false, \"error\": \"unknown_action\"}");
    } else {
        send(exchange, 200, answer);
    }
}

static String notFound() {
    return "{\"ok\": false, \"error\": \"not_found\"}";
}

static boolean valid(String timestamp, byte[] body, String signature) {
    if (timestamp == null || signature == null) {
        return false;
    }
    try {
        if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(body));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.strip().getBytes(StandardCharsets.US_ASCII));
    } catch (Exception e) {
        return false;
    }
}

static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : null;
}

static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
}
