package io.devicehub.credential;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A password or device credential: {@value #MIN} to {@value #MAX} characters. Length is what makes a secret strong;
 * any character is allowed.
 */
@NotNull
@Size(min = Secret.MIN, max = Secret.MAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER})
public @interface Secret {

    int MIN = 12;
    int MAX = 128;

    String message() default "must be " + MIN + " to " + MAX + " characters long";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
