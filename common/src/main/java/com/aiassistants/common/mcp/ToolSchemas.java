package com.aiassistants.common.mcp;

import java.util.Map;

import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;

import tools.jackson.core.type.TypeReference;

/**
 * JSON Schemas for tool inputs and outputs, generated from records so that schema and code
 * cannot drift apart. Property names are snake_case; {@link ToolParam} gives descriptions and
 * optionality.
 */
public final class ToolSchemas {

    private static final SchemaGenerator GENERATOR = createGenerator();

    private ToolSchemas() {
    }

    public static Map<String, Object> of(Class<?> type) {
        String json = GENERATOR.generateSchema(type).toString();
        return McpJson.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {
        });
    }

    private static SchemaGenerator createGenerator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.FLATTENED_ENUMS)
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
                .with(Option.INLINE_ALL_SCHEMAS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forFields()
                .withPropertyNameOverrideResolver(field -> snakeCase(field.getName()))
                .withDescriptionResolver(field -> {
                    ToolParam param = field.getAnnotationConsideringFieldAndGetter(ToolParam.class);
                    return param == null ? null : param.value();
                })
                // inputs annotate every component; unannotated (output) components are required
                // only when they cannot be null, since tool JSON leaves nulls out
                .withRequiredCheck(field -> {
                    ToolParam param = field.getAnnotationConsideringFieldAndGetter(ToolParam.class);
                    return param == null ? field.getType().getErasedType().isPrimitive() : param.required();
                })
                // a number the record cannot hold is refused by the schema, naming its field
                .withNumberInclusiveMinimumResolver(field -> intLike(field.getType().getErasedType())
                        ? java.math.BigDecimal.valueOf(Integer.MIN_VALUE) : null)
                .withNumberInclusiveMaximumResolver(field -> intLike(field.getType().getErasedType())
                        ? java.math.BigDecimal.valueOf(Integer.MAX_VALUE) : null)
                .withStringFormatResolver(field -> switch (field.getType().getErasedType().getSimpleName()) {
                    case "LocalDate" -> "date";
                    case "Instant", "OffsetDateTime", "ZonedDateTime" -> "date-time";
                    case "UUID" -> "uuid";
                    default -> null;
                });
        config.forTypesInGeneral().withStringFormatResolver(scope -> switch (scope.getType().getErasedType().getSimpleName()) {
            case "LocalDate" -> "date";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "date-time";
            default -> null;
        });
        // JSON Schema's "time" and "date-time" formats demand an offset; local times have none
        config.forTypesInGeneral().withCustomDefinitionProvider((javaType, context) -> {
            Class<?> type = javaType.getErasedType();
            if (type == java.time.LocalTime.class) {
                return new CustomDefinition(context.getGeneratorConfig().createObjectNode().put("type", "string")
                        .put("pattern", "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?$"));
            }
            if (type == java.time.LocalDateTime.class) {
                return new CustomDefinition(context.getGeneratorConfig().createObjectNode().put("type", "string")
                        .put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?$"));
            }
            return null;
        });
        return new SchemaGenerator(config.build());
    }

    private static boolean intLike(Class<?> type) {
        return type == Integer.class || type == int.class;
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
