package com.aiassistants.backend.assistant.replies;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.aiassistants.backend.assistant.nlu.Language;

/** Dates, times and prices the way customers read them (24-hour times in both languages). */
public final class Formats {

    private static final String[] ES_DAYS = {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"};
    private static final String[] ES_SHORT = {"lun", "mar", "mié", "jue", "vie", "sáb", "dom"};
    private static final String[] EN_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] EN_SHORT = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter ES_DATE = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private Formats() {
    }

    public static String time(LocalTime time) {
        return TIME.format(time);
    }

    /** "jueves 15/01" / "Thursday, Jan 15". */
    public static String day(LocalDate date, Language lang) {
        int i = date.getDayOfWeek().getValue() - 1;
        return lang.es() ? ES_DAYS[i] + " " + ES_DATE.format(date) : EN_DAYS[i] + ", " + EN_DATE.format(date);
    }

    /** "jue 15/01 10:30" / "Thu Jan 15 10:30" (fits a WhatsApp list row title). */
    public static String shortDateTime(LocalDateTime at, Language lang) {
        int i = at.getDayOfWeek().getValue() - 1;
        return lang.es() ? ES_SHORT[i] + " " + ES_DATE.format(at) + " " + time(at.toLocalTime())
                : EN_SHORT[i] + " " + EN_DATE.format(at) + " " + time(at.toLocalTime());
    }

    public static String weekdayShort(DayOfWeek day, Language lang) {
        return lang.es() ? ES_SHORT[day.getValue() - 1] : EN_SHORT[day.getValue() - 1];
    }

    public static String price(BigDecimal amount, String currency, Language lang) {
        if (amount == null) {
            return null;
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(lang.es() ? Locale.forLanguageTag("es-AR") : Locale.US);
        DecimalFormat format = new DecimalFormat(amount.scale() > 0 && amount.stripTrailingZeros().scale() > 0
                ? "#,##0.00" : "#,##0", symbols);
        String symbol = currency == null ? "$" : switch (currency) {
            case "ARS", "CLP", "COP", "MXN", "UYU" -> "$";
            case "USD" -> "US$";
            case "EUR" -> "€";
            default -> currency + " ";
        };
        return symbol + format.format(amount);
    }

    /** WhatsApp limits: list row titles 24 chars, button titles 20, descriptions 72. */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
