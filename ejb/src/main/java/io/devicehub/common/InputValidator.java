package io.devicehub.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;

/**
 * Checks an input object against its Bean Validation rules and turns violations into an
 * {@link InvalidInputException}. Boundaries call it first, so that invalid input changes nothing and the caller
 * learns which field is wrong, whichever door (console, REST, WebSocket) it came through.
 */
@ApplicationScoped
public class InputValidator {

    @Inject
    Validator validator;

    public <T> T validate(T input) {
        if (input == null) {
            throw new InvalidInputException("input", "is required");
        }
        List<FieldError> errors = validator.validate(input).stream()
                .map(InputValidator::toFieldError)
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return input;
    }

    /**
     * Checks one value against the rules of {@code property} of {@code type}, e.g. a new description against the
     * rules of {@code DeviceRegistration.description}.
     */
    public void validateValue(Class<?> type, String property, Object value) {
        List<FieldError> errors = validator.validateValue(type, property, value).stream()
                .map(InputValidator::toFieldError)
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static FieldError toFieldError(ConstraintViolation<?> violation) {
        return new FieldError(violation.getPropertyPath().toString(), violation.getMessage());
    }
}
