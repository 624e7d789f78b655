package io.devicehub.account;

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
 * A username: 3 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit. It becomes part of device
 * addresses and URLs, so it is kept plain; case does not matter.
 */
@NotNull
@Pattern(regexp = Username.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER})
public @interface Username {

    String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{2,31}";

    String message() default "must be 3 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
