package com.aiassistants.calendar.support;

import java.net.URI;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import com.aiassistants.common.mcp.server.McpTool;
import com.aiassistants.common.mcp.server.McpToolServerAutoConfiguration;

/**
 * A stand-in MCP service inside the test JVM: the given {@link McpTool}s served by the real
 * common MCP server support (Streamable HTTP, service token) on an embedded Tomcat. It can be
 * stopped and started again on the same port to simulate an outage.
 */
public final class FakeMcpServer implements AutoCloseable {

    public static final String TOKEN = "fake-service-token-0123456789";

    /** Not a component: only used as the source of the fake's own application context. */
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, McpToolServerAutoConfiguration.class})
    static class App {
    }

    private final String name;
    private final List<McpTool<?, ?>> tools;
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
                .properties("spring.config.name=" + name + "-fake", "spring.application.name=" + name,
                        "server.port=" + port, "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "ai-assistants.mcp.server.service-token=" + TOKEN, "logging.level.root=WARN",
                        "server.shutdown=immediate")
                .initializers(ctx -> tools.forEach(tool -> ((GenericApplicationContext) ctx)
                        .registerBean(tool.name(), McpTool.class, () -> tool)))
                .run();
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public synchronized void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
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
