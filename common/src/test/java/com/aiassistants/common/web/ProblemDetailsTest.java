package com.aiassistants.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@SpringBootTest(classes = ProblemDetailsTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoint.health.group.ready.include=ping")
class ProblemDetailsTest {

    record Message(@NotBlank @Size(max = 5) String text, @Size(max = 3) String customerName) {
    }

    @SpringBootApplication
    @RestController
    static class App {
        @GetMapping("/items")
        String items(@RequestParam("page_size") @Max(50) int pageSize, @RequestParam @Min(1) int page) {
            return "ok";
        }

        @PostMapping("/echo")
        Message echo(@Valid @RequestBody Message message) {
            if (message.text().equals("boom")) {
                throw new IllegalStateException("secret internals");
            }
            return message;
        }
    }

    @LocalServerPort
    int port;

    private ResponseEntity<String> post(String body) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .post().uri("/echo").contentType(MediaType.APPLICATION_JSON).header("X-Request-Id", "req-1")
                .body(body).retrieve().toEntity(String.class);
    }

    @Test
    void oversizedHeadersAreA431Problem() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/echo"))
                        .header("X-Big", "x".repeat(16 * 1024)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(response.body()).contains("request-header-fields-too-large").doesNotContain("<html");
    }

    @Test
    void malformedJsonIsA400ProblemWithTypeAndRequestId() {
        ResponseEntity<String> response = post("{\"text\": 1");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(response.getBody()).contains("\"type\":\"https://ai-assistants.dev/problems/").contains("req-1");
    }

    @Test
    void invalidFieldsAreListed() {
        ResponseEntity<String> response = post("{\"text\": \"too long\"}");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("validation-failed").contains("\"field\":\"text\"");
    }

    @Test
    void invalidFieldsAreNamedAsInTheJsonBody() {
        ResponseEntity<String> response = post("{\"text\": \"ok\", \"customer_name\": \"too long\"}");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"field\":\"customer_name\"").doesNotContain("customerName");
        assertThat(ProblemExceptionHandler.wireName("settings.rateLimits[0].perApiKeyPerMinute"))
                .isEqualTo("settings.rate_limits[0].per_api_key_per_minute");
    }

    @Test
    void invalidQueryParametersAreNamedAsTheClientSentThem() {
        ResponseEntity<String> response = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response2) -> { }).build()
                .get().uri("/items?page_size=500&page=0").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("validation-failed").contains("\"field\":\"page_size\"")
                .contains("\"field\":\"page\"");
    }

    @Test
    void unexpectedErrorsAre500WithoutInternals() {
        ResponseEntity<String> response = post("{\"text\": \"boom\"}");
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody()).contains("internal-error").doesNotContain("secret internals");
    }
}
