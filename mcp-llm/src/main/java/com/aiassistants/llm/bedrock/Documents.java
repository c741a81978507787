package com.aiassistants.llm.bedrock;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/** Converts between plain JSON-like Java values (maps, lists, strings, numbers, booleans) and SDK {@link Document}s. */
final class Documents {

    private Documents() {
    }

    static Document from(Object value) {
        return switch (value) {
            case null -> Document.fromNull();
            case Document document -> document;
            case String text -> Document.fromString(text);
            case Boolean bool -> Document.fromBoolean(bool);
            case Integer number -> Document.fromNumber(number);
            case Long number -> Document.fromNumber(number);
            case Short number -> Document.fromNumber(number.intValue());
            case Byte number -> Document.fromNumber(number.intValue());
            case Float number -> Document.fromNumber(number);
            case Double number -> Document.fromNumber(number);
            case BigInteger number -> Document.fromNumber(number);
            case BigDecimal number -> Document.fromNumber(number);
            case Number number -> Document.fromNumber(number.toString());
            case Map<?, ?> map -> {
                Map<String, Document> members = new LinkedHashMap<>();
                map.forEach((key, member) -> members.put(String.valueOf(key), from(member)));
                yield Document.fromMap(members);
            }
            case List<?> list -> Document.fromList(list.stream().map(Documents::from).toList());
            default -> Document.fromString(value.toString());
        };
    }

    static Object toPlain(Document document) {
        if (document == null || document.isNull()) {
            return null;
        }
        if (document.isString()) {
            return document.asString();
        }
        if (document.isBoolean()) {
            return document.asBoolean();
        }
        if (document.isNumber()) {
            return number(document.asNumber());
        }
        if (document.isList()) {
            return document.asList().stream().map(Documents::toPlain).toList();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        document.asMap().forEach((key, member) -> map.put(key, toPlain(member)));
        return map;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(Document document) {
        Object plain = toPlain(document);
        return plain instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Number number(SdkNumber number) {
        BigDecimal decimal = number.bigDecimalValue();
        if (decimal.scale() <= 0 || decimal.stripTrailingZeros().scale() <= 0) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException tooBig) {
                return decimal.toBigInteger();
            }
        }
        return decimal.doubleValue();
    }
}
