package com.aiassistants.common.channel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Bean-validation form of {@link OpaqueIds}: null passes (combine with {@code @NotBlank} when required). */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OpaqueId.Validator.class)
public @interface OpaqueId {

    String message() default "must be " + OpaqueIds.RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OpaqueId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || OpaqueIds.isValid(value);
        }
    }
}
