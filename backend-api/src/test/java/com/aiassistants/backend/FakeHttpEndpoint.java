package com.aiassistants.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock server standing in for an external endpoint (job callbacks, the gateway admin API): every request is
 * recorded and answered with the next queued status ({@link #answerNext}), 200 when none is queued.
 */
public final class FakeHttpEndpoint implements AutoCloseable {

    private static final String ANSWERS = "queued answers";

    public record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private int queued;

    public FakeHttpEndpoint() {
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(ok()));
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The next requests get these statuses, in order, after those queued before. */
    public synchronized void answerNext(int... codes) {
        for (int code : codes) {
            String from = queued == 0 ? Scenario.STARTED : "answered " + queued;
            queued++;
            server.stubFor(any(anyUrl()).atPriority(1).inScenario(ANSWERS).whenScenarioStateIs(from)
                    .willSetStateTo("answered " + queued).willReturn(status(code)));
        }
    }

    /** Every request so far, oldest first. */
    public List<Received> received() {
        return server.getAllServeEvents().reversed().stream().map(FakeHttpEndpoint::received).toList();
    }

    public List<Received> receivedAt(String path) {
        return received().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Forgets the requests received so far (the queued answers stay). */
    public void clearReceived() {
        server.resetRequests();
    }

    private static Received received(ServeEvent event) {
        var request = event.getRequest();
        Map<String, List<String>> headers = request.getHeaders().all().stream()
                .collect(Collectors.toMap(HttpHeader::key, HttpHeader::values, (a, b) -> a));
        String path = request.getUrl().contains("?") ? request.getUrl().substring(0, request.getUrl().indexOf('?'))
                : request.getUrl();
        return new Received(request.getMethod().value(), path, headers, request.getBody());
    }

    @Override
    public void close() {
        server.stop();
    }
}
