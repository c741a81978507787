package com.aiassistants.calendar.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.mcp.ToolSchemas;
import com.aiassistants.common.mcp.server.McpTool;
import com.aiassistants.common.mcp.server.ToolContext;
import com.aiassistants.common.mcp.server.ToolException;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in MCP service inside the test JVM: {@link McpTool}s served with the official SDK over
 * Streamable HTTP on an embedded Tomcat, with the same JSON conventions as the real services
 * ({@link McpJson}, {@link ToolSchemas}, {@code X-Tenant-Id}, {@code {error, message}} tool errors).
 * Tools run on the request thread ({@code immediateExecution}) so a fake never competes with the
 * service under test for Reactor's bounded-elastic threads (which would starve both in one JVM).
 * It can be stopped and started again on the same port to simulate an outage.
 */
public final class FakeMcpServer implements AutoCloseable {

    public static final String TOKEN = "fake-service-token-0123456789";

    /** Not a component: only the source of the fake's own application context. */
    @ImportAutoConfiguration(TomcatServletWebServerAutoConfiguration.class)
    static class App {
    }

    /** One tool call as it arrived: the tool, its arguments and the request's W3C {@code traceparent} (or null). */
    public record Call(String tool, Map<String, Object> arguments, String traceParent) {
    }

    private final String name;
    private final List<McpTool<?, ?>> tools;
    private final List<Call> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile ConfigurableApplicationContext context;
    private int port;

    private FakeMcpServer(String name, List<McpTool<?, ?>> tools) {
        this.name = name;
        this.tools = tools;
    }

    public static FakeMcpServer start(String name, List<McpTool<?, ?>> tools) {
        FakeMcpServer server = new FakeMcpServer(name, tools);
        server.start();
        return server;
    }

    public synchronized void start() {
        if (context != null) {
            return;
        }
        context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.config.name=" + name + "-fake", "server.port=" + port,
                        "server.address=127.0.0.1", "spring.main.banner-mode=off", "server.shutdown=immediate")
                .initializers(ctx -> register((GenericApplicationContext) ctx))
                .run();
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private void register(GenericApplicationContext ctx) {
        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()))
                .messageEndpoint("/mcp")
                .contextExtractor(request -> McpTransportContext.create(Map.of(
                        "tenantId", request.getHeader("X-Tenant-Id") == null ? "" : request.getHeader("X-Tenant-Id"),
                        "traceparent", request.getHeader("traceparent") == null ? "" : request.getHeader("traceparent"))))
                .build();
        McpStatelessSyncServer server = McpServer.sync(transport)
                .serverInfo(name + "-fake", "test")
                .immediateExecution(true)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools.stream().map(this::specification).toList())
                .build();
        ctx.registerBean("mcpServer", McpStatelessSyncServer.class, () -> server, bd -> bd.setDestroyMethodName("close"));
        ctx.registerBean("mcpServlet", ServletRegistrationBean.class, () -> {
            ServletRegistrationBean<HttpServletStatelessServerTransport> registration =
                    new ServletRegistrationBean<>(transport, "/mcp", "/mcp/*");
            registration.setAsyncSupported(true);
            return registration;
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private McpStatelessServerFeatures.SyncToolSpecification specification(McpTool<?, ?> tool) {
        McpTool raw = tool;
        McpSchema.Tool definition = McpSchema.Tool.builder().name(tool.name()).description(tool.description())
                .inputSchema(ToolSchemas.of(tool.input())).build();
        return new McpStatelessServerFeatures.SyncToolSpecification(definition, (transportContext, request) -> {
            Object tenant = transportContext.get("tenantId");
            Object traceParent = transportContext.get("traceparent");
            calls.add(new Call(tool.name(), request.arguments() == null ? Map.of() : request.arguments(),
                    traceParent == null || traceParent.toString().isBlank() ? null : traceParent.toString()));
            ToolContext context = new ToolContext(tenant == null || tenant.toString().isBlank() ? null
                    : tenant.toString(), null, null);
            try {
                Object input = McpJson.fromMap(request.arguments(), tool.input());
                Map<String, Object> output = McpJson.toMap(raw.handler().handle(context, input));
                return McpSchema.CallToolResult.builder().structuredContent(output)
                        .addTextContent(McpJson.toJson(output)).isError(false).build();
            } catch (ToolException e) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", e.code());
                body.put("message", e.getMessage());
                body.putAll(e.details());
                return McpSchema.CallToolResult.builder()
                        .content(List.of(new McpSchema.TextContent(McpJson.toJson(body)))).isError(true).build();
            }
        });
    }

    public synchronized void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /** Every tool call received so far, in arrival order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public boolean running() {
        return context != null;
    }

    public URI url() {
        return URI.create("http://localhost:" + port);
    }

    @Override
    public void close() {
        stop();
    }
}
