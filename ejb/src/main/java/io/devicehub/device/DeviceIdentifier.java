package io.devicehub.device;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A device identifier: 1 to 32 letters, digits, '_' or '-', case-sensitive as typed. It appears in URLs, topics
 * and device firmware, so nothing in it ever needs escaping.
 */
@NotNull
@Pattern(regexp = DeviceIdentifier.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER})
public @interface DeviceIdentifier {

    int MAX = 32;
    String PATTERN = "[A-Za-z0-9_-]{1," + MAX + "}";

    String message() default "must be 1 to 32 letters, digits, '_' or '-'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
