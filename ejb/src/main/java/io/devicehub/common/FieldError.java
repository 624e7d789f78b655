package io.devicehub.common;

/**
 * What is wrong with one field of the input, in words a user understands.
 *
 * @param field   the field's name as the caller knows it, e.g. {@code identifier}
 * @param message what is wrong, e.g. "must be 1 to 32 letters, digits, '_' or '-'"
 */
public record FieldError(String field, String message) {
}
