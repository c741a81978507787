package com.aiassistants.common.mcp.server;

import java.util.Map;

import com.aiassistants.common.mcp.McpJson;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;

/**
 * The SDK's JSON Schema check (networknt, draft 2020-12) for the tools' inputs and outputs, made cheap for the valid
 * case, which is nearly every call: the compiled schema is kept per schema object (a tool's schemas are built once,
 * at start-up) instead of being looked up by the schema's text, and a valid answer does not carry the content as a
 * JSON string (the SDK's validator writes one on every call; the SDK reads it only to fill an empty text content,
 * and {@link McpToolAdapter} always sends one). An invalid answer comes from the SDK's validator itself, so its
 * messages, which {@link ToolArguments} reads, stay exactly the SDK's.
 */
final class ToolSchemaValidator implements JsonSchemaValidator {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
    private final Cache<Map<String, Object>, Schema> compiled = Caffeine.newBuilder().weakKeys().build();
    private final JsonSchemaValidator sdk = new DefaultJsonSchemaValidator();

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object content) {
        if (schema == null || content == null) {
            return sdk.validate(schema, content);
        }
        try {
            Schema checker = compiled.get(schema, s -> registry.getSchema(McpJson.MAPPER.valueToTree(s)));
            var node = content instanceof String text ? McpJson.MAPPER.readTree(text) : McpJson.MAPPER.valueToTree(content);
            if (checker.validate(node).isEmpty()) {
                return ValidationResponse.asValid(null);
            }
        } catch (RuntimeException e) {
            // whatever went wrong, the SDK's own validator gives the answer and its message
        }
        return sdk.validate(schema, content);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return sdk.validateSchema(schema);
    }
}
