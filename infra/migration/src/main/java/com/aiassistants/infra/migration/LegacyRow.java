package com.aiassistants.infra.migration;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One row of an old SQLite table, read by column name (case-insensitive). Accessors take several
 * candidate names because the old tables were not consistent ({@code id} vs {@code booking_id});
 * the first column present with a non-blank value wins. Columns nobody asks for are ignored.
 */
final class LegacyRow {

    private final Map<String, Object> values = new LinkedHashMap<>();

    LegacyRow(Map<String, Object> columns) {
        columns.forEach((name, value) -> values.put(name.toLowerCase(Locale.ROOT), value));
    }

    /** The trimmed text of the first named column that has a non-blank value, or null. */
    String text(String... columns) {
        for (String column : columns) {
            String value = asText(values.get(column));
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    /** The raw value (String, Long, Double, byte[] …) of the first named column that is not null. */
    Object raw(String... columns) {
        for (String column : columns) {
            Object value = values.get(column);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String asText(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Double d when d == Math.rint(d) && !d.isInfinite() -> BigDecimal.valueOf(d).toBigInteger().toString();
            case byte[] bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            default -> value.toString();
        };
    }
}
