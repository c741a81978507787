package com.aiassistants.calendar.config;


import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.tracing.Traces;

import io.micrometer.core.instrument.MeterRegistry;

/** The MCP clients of the services we call (the injectable Clock comes from common's ClockAutoConfiguration). */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

    public static final String CALLER = "mcp-calendar";

    @Bean(destroyMethod = "close")
    McpToolClient professionalsClient(CalendarProperties properties, ObjectProvider<MeterRegistry> meterRegistry,
            ObjectProvider<Traces> traces) {
        return new McpToolClient("mcp-professionals", properties.professionals(), CALLER, meterRegistry.getIfAvailable(),
                traces.getIfAvailable(() -> Traces.NONE));
    }

    @Bean(destroyMethod = "close")
    McpToolClient bookingLogClient(CalendarProperties properties, ObjectProvider<MeterRegistry> meterRegistry,
            ObjectProvider<Traces> traces) {
        return new McpToolClient("mcp-booking-log", properties.bookingLog().target(), CALLER,
                meterRegistry.getIfAvailable(), traces.getIfAvailable(() -> Traces.NONE));
    }
}
