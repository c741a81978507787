package com.aiassistants.common.mcp.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.aiassistants.common.mcp.McpJson;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns a tool call's {@code arguments} into the tool's input record, or refuses it with one format for every
 * kind of bad input: a {@link ToolException} with code {@value #INVALID_ARGUMENTS}, a readable message and the
 * offending {@code field} (snake_case, dotted for nested values). In order:
 * <ol>
 * <li>no string anywhere may hold a control character other than tab, line feed and carriage return (NUL
 * and friends never reach SQL);</li>
 * <li>the arguments must match the tool's input schema (required, types, no unknown names);</li>
 * <li>binding to the record must succeed (dates, enums, numbers in range of their Java type);</li>
 * <li>every date and time must fall in the years {@value #MIN_YEAR}–{@value #MAX_YEAR} (a service may
 * bound tighter, e.g. mcp-calendar's booking horizon).</li>
 * </ol>
 */
public final class ToolArguments {

    public static final String INVALID_ARGUMENTS = "invalid_arguments";
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2200;

    private static final Pattern REQUIRED = Pattern.compile("required property '([^']+)'");
    private static final Pattern UNKNOWN = Pattern.compile("property '([^']+)' is not (?:defined|allowed|evaluated)");
    private static final Pattern LOCATION = Pattern.compile("^\\s*(?:\\$|/)?([^:\\s]*):");

    private static final Instant FIRST_INSTANT = LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LAST_INSTANT = LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private final JsonSchemaValidator validator;

    public ToolArguments(JsonSchemaValidator validator) {
        this.validator = validator;
    }

    /** The input record for {@code arguments}; throws {@link ToolException} ({@value #INVALID_ARGUMENTS}). */
    public <I> I bind(String tool, Map<String, Object> schema, Map<String, Object> arguments, Class<I> type) {
        Map<String, Object> given = arguments == null ? Map.of() : arguments;
        checkStrings("", given);
        if (validator != null && schema != null) {
            JsonSchemaValidator.ValidationResponse result = validator.validate(schema, given);
            if (!result.valid()) {
                throw schemaFailure(tool, result.errorMessage());
            }
        }
        I input;
        try {
            input = McpJson.fromMap(given, type);
        } catch (JacksonException e) {
            String field = e instanceof DatabindException databind ? path(databind.getPath()) : null;
            Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            throw invalid(field, (field == null ? "the arguments of " + tool : field) + " must be " + describe(target));
        } catch (IllegalArgumentException e) {
            throw invalid(null, "Invalid arguments for " + tool + ": " + firstLine(rootMessage(e)));
        }
        checkDates("", input);
        return input;
    }

    /** A refusal in the common format; {@code field} may be null when no single field is to blame. */
    public static ToolException invalid(String field, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (field != null && !field.isEmpty()) {
            details.put("field", field);
        }
        return new ToolException(INVALID_ARGUMENTS, message, details);
    }

    /** Refuses control characters (other than tab, LF, CR) in {@code value}, naming {@code field}. */
    public static void requirePrintable(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                throw invalid(field, field + " contains a control character (U+" + String.format("%04X", (int) c)
                        + ") at position " + i + "; remove it");
            }
        }
    }

    private static void checkStrings(String path, Object value) {
        if (value instanceof String text) {
            requirePrintable(path.isEmpty() ? "arguments" : path, text);
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                requirePrintable(path.isEmpty() ? "argument name" : path + " (a key)", key);
                checkStrings(path.isEmpty() ? key : path + "." + key, entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkStrings(path + "[" + i + "]", list.get(i));
            }
        }
    }

    /** A record component as {@link #checkDates} walks it: its accessor and its name as the JSON has it. */
    private record Component(java.lang.reflect.Method accessor, String name) {
    }

    /** Every call binds the same few input records: their components are looked up once per class. */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return java.util.Arrays.stream(type.getRecordComponents()).map(component -> {
                java.lang.reflect.Method accessor = component.getAccessor();
                accessor.trySetAccessible();
                return new Component(accessor, snakeCase(component.getName()));
            }).toList();
        }
    };

    private static void checkDates(String path, Object value) {
        if (value == null) {
            return;
        }
        Integer year = switch (value) {
            case LocalDate d -> d.getYear();
            case LocalDateTime d -> d.getYear();
            case OffsetDateTime d -> d.getYear();
            case ZonedDateTime d -> d.getYear();
            case Instant i -> i.isBefore(FIRST_INSTANT) ? MIN_YEAR - 1 : i.isAfter(LAST_INSTANT) ? MAX_YEAR + 1 : MIN_YEAR;
            default -> null;
        };
        if (year != null) {
            if (year < MIN_YEAR || year > MAX_YEAR) {
                throw invalid(path, path + " must fall in the years " + MIN_YEAR + "–" + MAX_YEAR + " (was " + value + ")");
            }
            return;
        }
        if (value instanceof Record record) {
            for (Component component : COMPONENTS.get(record.getClass())) {
                Object child;
                try {
                    child = component.accessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    continue;
                }
                checkDates(path.isEmpty() ? component.name() : path + "." + component.name(), child);
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                checkDates(path + "[" + i++ + "]", item);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> checkDates(path.isEmpty() ? String.valueOf(k) : path + "." + k, v));
        }
    }

    /** What a value of {@code type} looks like, for people and LLMs. */
    private static String describe(Class<?> type) {
        if (type == null) {
            return "well-formed";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date such as 2026-03-15 (years " + MIN_YEAR + "–" + MAX_YEAR + ")";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "a date-time with an offset such as 2026-03-15T10:00:00-03:00";
            case "LocalDateTime" -> "a local date-time such as 2026-03-15T10:00";
            case "LocalTime" -> "a time such as 10:30";
            case "Integer", "int", "Long", "long", "Short", "short" -> "a whole number in range";
            case "Double", "double", "Float", "float", "BigDecimal" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "UUID" -> "a UUID";
            case "String" -> "a string";
            default -> type.isRecord() || java.util.Map.class.isAssignableFrom(type) ? "an object"
                    : Collection.class.isAssignableFrom(type) ? "an array" : "a valid " + type.getSimpleName();
        };
    }

    private static ToolException schemaFailure(String tool, String errorMessage) {
        String message = errorMessage == null ? ""
                : errorMessage.replaceFirst("^(?:(?:Validation failed|JSON schema validation errors): ?)+", "");
        message = message.startsWith("[") && message.endsWith("]") ? message.substring(1, message.length() - 1) : message;
        String field = null;
        Matcher required = REQUIRED.matcher(message);
        Matcher unknown = UNKNOWN.matcher(message);
        Matcher location = LOCATION.matcher(message);
        if (required.find()) {
            field = required.group(1);
        } else if (unknown.find()) {
            field = unknown.group(1);
        } else if (location.find() && !location.group(1).isEmpty()) {
            field = location.group(1).replaceFirst("^[./]", "").replace('/', '.');
        }
        return invalid(field, "Invalid arguments for " + tool + ": " + firstLine(message));
    }

    private static String path(List<tools.jackson.databind.DatabindException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (var reference : references) {
            if (reference.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
