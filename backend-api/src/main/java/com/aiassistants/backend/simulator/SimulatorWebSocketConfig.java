package com.aiassistants.backend.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.tenant.Tokens;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** Registers {@link SimulatorRelay} at {@code /v1/ws/simulator} (same origin, or a configured CORS origin). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SimulatorWebSocketConfig implements WebSocketConfigurer {

    private final SimulatorRelay relay;
    private final BackendProperties properties;

    public SimulatorWebSocketConfig(Tokens tokens, GatewaySimulator simulator, BackendProperties properties,
            JsonMapper json, MeterRegistry meters) {
        this.relay = new SimulatorRelay(tokens, simulator, properties, json, meters);
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(relay, "/v1/ws/simulator")
                .setAllowedOrigins(properties.cors().allowedOrigins().toArray(String[]::new));
    }
}
