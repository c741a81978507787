package com.aiassistants.common.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The client against the SDK's own stateful Streamable HTTP server, which (unlike the services' stateless servers)
 * answers tool calls as streams of server-sent events and gives the client a session id: every call is answered from the
 * stream, all carry the one session's id, and closing the client ends the session with a DELETE.
 */
@SpringBootTest(classes = {McpRoundTripTest.EchoServer.class, McpStreamableSessionTest.StatefulServer.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ai-assistants.mcp.server.service-token=stateful-token-0123456789",
                "management.endpoint.health.group.ready.include=ping"})
class McpStreamableSessionTest {

    static final String PATH = "/stateful/mcp";

    /** What the stateful server answered: the method and status of each exchange, and its content type. */
    record Exchange(String method, int status, String contentType) {
    }

    @Configuration
    static class StatefulServer {

        final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

        @Bean
        HttpServletStreamableServerTransportProvider statefulTransport() {
            return HttpServletStreamableServerTransportProvider.builder()
                    .jsonMapper(new JacksonMcpJsonMapper(tools.jackson.databind.json.JsonMapper.builder().build()))
                    .mcpEndpoint(PATH)
                    .contextExtractor(request -> McpTransportContext.create(
                            Map.of("tenant", String.valueOf(request.getHeader("X-Tenant-Id")))))
                    .build();
        }

        @Bean
        McpSyncServer statefulServer(HttpServletStreamableServerTransportProvider statefulTransport) {
            McpSchema.Tool whoami = McpSchema.Tool.builder().name("whoami").description("Who is asking, on which session")
                    .inputSchema(Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string"))))
                    .build();
            return McpServer.sync(statefulTransport).serverInfo("stateful", "1")
                    .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                    .tools(new McpServerFeatures.SyncToolSpecification.Builder().tool(whoami)
                            .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                                    .structuredContent(Map.of("session", exchange.sessionId(),
                                            "tenant", exchange.transportContext().get("tenant"),
                                            "reply", request.arguments().get("text")))
                                    .build())
                            .build())
                    .build();
        }

        @Bean
        ServletRegistrationBean<HttpServletStreamableServerTransportProvider> statefulServlet(
                HttpServletStreamableServerTransportProvider statefulTransport) {
            ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration =
                    new ServletRegistrationBean<>(statefulTransport, PATH);
            registration.setName("stateful-mcp");
            registration.setAsyncSupported(true);
            return registration;
        }

        @Bean
        FilterRegistrationBean<Filter> statefulExchanges() {
            Filter recording = (request, response, chain) -> {
                chain.doFilter(request, response);
                exchanges.add(new Exchange(((HttpServletRequest) request).getMethod(),
                        ((HttpServletResponse) response).getStatus(), String.valueOf(response.getContentType())));
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(recording);
            registration.addUrlPatterns(PATH);
            return registration;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    StatefulServer server;

    @Test
    void callsAreAnsweredFromEventStreamsOnOneSessionWhichClosingEnds() throws IOException {
        McpToolClient client = new McpToolClient("stateful", new McpTarget(URI.create("http://localhost:" + port + PATH),
                "stateful-token-0123456789", Duration.ofSeconds(5), 0), "test", null);
        Set<Object> sessions = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> answer = client.callForMap("tenant-" + i, "whoami", Map.of("text", "hola-" + i), false);
            assertThat(answer).containsEntry("reply", "hola-" + i).containsEntry("tenant", "tenant-" + i);
            sessions.add(answer.get("session"));
        }
        assertThat(sessions).hasSize(1).doesNotContainNull();
        client.close();

        List<Exchange> posts = server.exchanges.stream().filter(e -> e.method().equals("POST")).toList();
        // initialize, the initialized notification (202, no body), five calls
        assertThat(posts).hasSize(7);
        // this server answers initialize with one JSON message and every tool call with an event stream
        assertThat(posts.getFirst().contentType()).startsWith("application/json");
        assertThat(posts.get(1).status()).isEqualTo(202);
        assertThat(posts.subList(2, 7)).extracting(Exchange::contentType)
                .allMatch(type -> type.startsWith("text/event-stream"));
        assertThat(server.exchanges).filteredOn(e -> e.method().equals("DELETE"))
                .extracting(Exchange::status).containsExactly(200);
    }
}
