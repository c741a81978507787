package com.aiassistants.professionals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** Prometheus is on; actuator endpoints other than health and info need the service token (as on every MCP service). */
class ActuatorAccessTest extends McpTestBase {

    @Test
    void prometheusAnswersWithTheServiceTokenAndNothingButHealthWithoutIt() throws Exception {
        HttpResponse<String> prometheus = get("/actuator/prometheus", true);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used"}) {
            assertThat(get(path, false).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(get("/actuator/health", false).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, boolean token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
