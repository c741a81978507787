package com.aiassistants.common.mcp.server;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Serves every {@link McpTool} bean over MCP Streamable HTTP at {@code ai-assistants.mcp.server.path}
 * (default {@code /mcp}), stateless so any task behind a load balancer can answer any call,
 * behind {@link ServiceTokenFilter}.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "ai-assistants.mcp.server", name = "service-token")
@EnableConfigurationProperties(McpServerProperties.class)
public class McpToolServerAutoConfiguration {

    @Bean
    HttpServletStatelessServerTransport mcpServerTransport(McpServerProperties properties) {
        McpJsonMapper jsonMapper = new JacksonMcpJsonMapper(tools.jackson.databind.json.JsonMapper.builder().build());
        return HttpServletStatelessServerTransport.builder()
                .jsonMapper(jsonMapper)
                .messageEndpoint(properties.path())
                .contextExtractor(request -> io.modelcontextprotocol.common.McpTransportContext.create(Map.of(
                        McpToolAdapter.TENANT, headerOrEmpty(request.getHeader("X-Tenant-Id")),
                        McpToolAdapter.REQUEST_ID, headerOrEmpty(request.getHeader("X-Request-Id")),
                        McpToolAdapter.CALLER, headerOrEmpty(request.getHeader("X-Caller")))))
                .build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnBean(McpTool.class)
    McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, List<McpTool<?, ?>> tools,
            org.springframework.core.env.Environment environment, ObjectProvider<MeterRegistry> meterRegistry) {
        ToolSchemaValidator schemas = new ToolSchemaValidator();
        McpToolAdapter adapter = new McpToolAdapter(meterRegistry.getIfAvailable(), new ToolArguments(schemas));
        return McpServer.sync(transport)
                .jsonSchemaValidator(schemas)
                .serverInfo(environment.getProperty("spring.application.name", "ai-assistants-mcp"),
                        environment.getProperty("ai-assistants.version", "0.1.0"))
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                // run handlers on the (virtual) request thread, not a small shared Reactor pool
                .immediateExecution(true)
                // ToolArguments validates against the same schema and answers in the tools' error format
                .validateToolInputs(false)
                .tools(tools.stream().map(adapter::toSpecification).toList())
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(HttpServletStatelessServerTransport transport,
            McpServerProperties properties) {
        ServletRegistrationBean<HttpServletStatelessServerTransport> registration =
                new ServletRegistrationBean<>(transport, properties.path(), properties.path() + "/*");
        registration.setName("mcp");
        registration.setAsyncSupported(true);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ServiceTokenFilter> mcpServiceTokenFilter(McpServerProperties properties) {
        FilterRegistrationBean<ServiceTokenFilter> registration =
                new FilterRegistrationBean<>(new ServiceTokenFilter(properties));
        registration.addUrlPatterns(properties.path(), properties.path() + "/*", "/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<JsonRpcErrorFilter> mcpJsonRpcErrorFilter(McpServerProperties properties) {
        FilterRegistrationBean<JsonRpcErrorFilter> registration = new FilterRegistrationBean<>(new JsonRpcErrorFilter());
        registration.addUrlPatterns(properties.path(), properties.path() + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    private static String headerOrEmpty(String value) {
        return value == null ? "" : value;
    }
}
