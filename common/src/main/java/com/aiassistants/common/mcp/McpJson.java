package com.aiassistants.common.mcp;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON conventions of our MCP tools: snake_case names, ISO-8601 dates and times,
 * unknown properties rejected (the schema forbids them too).
 */
public final class McpJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private McpJson() {
    }

    public static Map<String, Object> toMap(Object value) {
        return value == null ? Map.of() : MAPPER.convertValue(value, MAP);
    }

    public static <T> T fromMap(Map<String, Object> map, Class<T> type) {
        return MAPPER.convertValue(map == null ? Map.of() : map, type);
    }

    public static String toJson(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
