import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmarks share about the demo project of {@code scripts/run-local.sh}: its admin login, a
 * rate limit high enough for a load test, and the Spanish booking dialogue the users play. The JDK's
 * source launcher compiles this file with whichever benchmark is started (multi-file source programs).
 */
final class DemoProject {

    static final String API_KEY = "demo-local-key-change-me";
    static final String WEBHOOK_SECRET = "demo-local-webhook-secret";
    /** Ends a booking dialogue's appointment so the next run finds the same free slots. */
    static final String[] CANCEL_TURNS = {"cancelar turno", "sí"};
    private static final String[] FIRST_NAMES = {"Ana", "Juan", "Laura", "Pedro", "Sofía", "Diego", "Lucía", "Martín", "Carla", "Pablo"};
    private static final String[] LAST_NAMES = {"Gómez", "Pérez", "Fernández", "López", "Díaz", "Romero", "Sosa", "Torres", "Ruiz", "Álvarez"};
    private static final String[] SERVICES = {"limpieza dental", "consulta clínica", "kinesiología", "consulta odontológica"};

    private DemoProject() {
    }

    /**
     * User {@code n}'s five-turn booking dialogue: greeting with a name, a service (four rotate across the
     * demo's three professionals), a day 2–29 days ahead, slot 1–3 of the offered list, confirmation.
     */
    static String[] bookingTurns(int n) {
        String name = FIRST_NAMES[n % 10] + " " + LAST_NAMES[(n / 10) % 10];
        String day = LocalDate.now().plusDays(2 + (n % 28)).format(DateTimeFormatter.ofPattern("dd/MM"));
        return new String[] {"hola, me llamo " + name, "quiero un turno de " + SERVICES[n % SERVICES.length], "el " + day,
                String.valueOf(1 + n % 3), "sí"};
    }

    /** Raises the demo project's per-API-key limit (a load test is far above 1,200 a minute) through the admin API. */
    static void raiseRateLimits(HttpClient http, String base) throws Exception {
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/admin/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"admin@demo.local\",\"password\":\"demo1234\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(login);
        if (!token.find()) {
            System.out.println("could not log in as the demo admin; keeping the project's rate limits: " + login);
            return;
        }
        String body = "{\"name\":\"Clínica Demo\",\"time_zone\":\"America/Argentina/Buenos_Aires\",\"locale\":\"es\","
                + "\"settings\":{\"rate_limits\":{\"per_api_key_per_minute\":1000000,\"per_phone_per_minute\":120}}}";
        int status = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/admin/projects/demo/settings"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token.group(1))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        System.out.println("demo project rate limits raised for the benchmark (HTTP " + status + ")");
    }
}
