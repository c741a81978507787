package com.aiassistants.gateway.admin;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.ops.GatewayEvents;

/**
 * The admin token filter and the two event streams: {@code /admin/ws} (every event, admin token) and
 * {@code /simulator/ws} (simulator chats, when the simulator is enabled).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class AdminWebConfiguration implements WebSocketConfigurer {

    private final GatewayProperties properties;
    private final GatewayEvents events;

    public AdminWebConfiguration(GatewayProperties properties, GatewayEvents events) {
        this.properties = properties;
        this.events = events;
    }

    @Bean
    FilterRegistrationBean<AdminTokenFilter> adminTokenFilter() {
        FilterRegistrationBean<AdminTokenFilter> registration =
                new FilterRegistrationBean<>(new AdminTokenFilter(properties.adminToken()));
        registration.addUrlPatterns("/admin/*", "/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(events.channel(event -> true), "/admin/ws");
        if (properties.simulator().enabled()) {
            registry.addHandler(events.channel(event -> properties.tenants().containsKey(event.get("tenant_id"))
                    && properties.tenants().get(event.get("tenant_id")).provider()
                            == com.aiassistants.gateway.provider.ProviderType.SIMULATOR), "/simulator/ws")
                    .setAllowedOriginPatterns("*");
        }
    }
}
