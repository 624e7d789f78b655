package io.devicehub.device;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** A device's description: optional free text of at most {@value #MAX} characters. */
@Size(max = DeviceDescription.MAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER})
public @interface DeviceDescription {

    int MAX = 255;

    String message() default "must be at most 255 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
