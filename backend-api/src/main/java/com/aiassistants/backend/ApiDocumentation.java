package com.aiassistants.backend;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI document at {@code /v3/api-docs}: relative server URL (the console calls its own
 * origin), both credentials. The console's TypeScript types are generated from the committed copy
 * {@code admin-frontend/openapi/backend-api.json}, which {@code OpenApiDocumentTest} keeps current.
 */
@Configuration(proxyBeanMethods = false)
@SuppressWarnings({"unchecked", "rawtypes"})
class ApiDocumentation {

    /**
     * Schemas with the snake_case names the API really writes (swagger-core reads records through its
     * own Jackson 2 mapper, which does not know the application's naming strategy).
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)).openapi31(true);
    }

    /**
     * Every property of a schema that only appears in responses is required (the API writes nulls, it
     * never omits a field), so the generated TypeScript types are not all-optional; fields that can be
     * null say so with {@code @Schema(types = {"...", "null"})}.
     */
    @Bean
    OpenApiCustomizer responsePropertiesAreRequired() {
        return openApi -> {
            Map<String, Schema<?>> schemas = openApi.getComponents() == null ? null
                    : (Map<String, Schema<?>>) (Map<String, ?>) openApi.getComponents().getSchemas();
            if (schemas == null || openApi.getPaths() == null) {
                return;
            }
            Set<String> inRequests = new HashSet<>();
            Set<String> inResponses = new HashSet<>();
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().values()
                            .forEach(media -> collect(media.getSchema(), schemas, inRequests));
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().values().stream().filter(r -> r.getContent() != null)
                            .forEach(r -> r.getContent().values().forEach(media -> collect(media.getSchema(), schemas, inResponses)));
                }
            }));
            inResponses.removeAll(inRequests);
            inResponses.forEach(name -> {
                Schema<?> schema = schemas.get(name);
                if (schema.getProperties() != null) {
                    schema.setRequired(new ArrayList<>(new TreeSet<>(schema.getProperties().keySet())));
                }
            });
        };
    }

    /** Adds the names of the component schemas {@code schema} refers to, transitively. */
    private static void collect(Schema<?> schema, Map<String, Schema<?>> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (names.add(name)) {
                collect(schemas.get(name), schemas, names);
            }
            return;
        }
        collect(schema.getItems(), schemas, names);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> collect(p, schemas, names));
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            collect(values, schemas, names);
        }
    }

    @Bean
    OpenAPI backendOpenApi() {
        return new OpenAPI()
                .info(new Info().title("ai-assistants backend-api").version("v1")
                        .description("Conversations, console administration and live events. JSON is snake_case; "
                                + "errors are RFC 9457 problem details."))
                .addServersItem(new Server().url("/"))
                .components(new Components()
                        .addSecuritySchemes("console", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("Console session from POST /v1/admin/login (or Cognito)"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key").description("Integration API key")))
                .addSecurityItem(new SecurityRequirement().addList("console"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
