package com.aiassistants.common.mcp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a component of a tool's input or output record for the generated JSON Schema.
 * Components are required unless marked {@code required = false}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.PARAMETER})
public @interface ToolParam {

    /** Text an LLM reads to fill the field. */
    String value();

    boolean required() default true;
}
