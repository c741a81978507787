package com.aiassistants.common.database;

import java.util.regex.Pattern;

/** The one check of a role or schema name that is written into SQL (it cannot be a bind parameter). */
public final class PostgresIdentifiers {

    /** PostgreSQL truncates longer names (NAMEDATALEN − 1). */
    public static final int MAX_LENGTH = 63;

    private static final Pattern LOWER_CASE = Pattern.compile("[a-z_][a-z0-9_]*");

    private PostgresIdentifiers() {
    }

    /**
     * {@code value} if it is a lower-case unquoted identifier of at most {@code maxLength} characters; else an
     * {@link IllegalArgumentException} naming the setting it came from.
     */
    public static String require(String value, String setting, int maxLength) {
        if (value == null || value.length() > maxLength || !LOWER_CASE.matcher(value).matches()) {
            throw new IllegalArgumentException(setting + " must be a lower-case PostgreSQL identifier of at most "
                    + maxLength + " characters, got " + value);
        }
        return value;
    }
}
