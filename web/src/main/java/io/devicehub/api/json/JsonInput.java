package io.devicehub.api.json;

import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Takes a request's JSON object apart: each accessor returns the member as the type it must be, or records a field
 * error and returns {@code null}; {@link #check()} then throws them all at once as an
 * {@link InvalidInputException}. Members the request does not know are errors too, so that a misspelt optional
 * member is not silently ignored.
 */
public final class JsonInput {

    private final JsonObject json;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonInput(JsonObject json, Set<String> known, String prefix, List<FieldError> errors) {
        this.json = json;
        this.prefix = prefix;
        this.errors = errors;
        json.keySet().stream()
                .filter(member -> !known.contains(member))
                .sorted()
                .forEach(member -> errors.add(new FieldError(prefix + member, "is not a member of this request; "
                        + "expected " + String.join(", ", known.stream().sorted().toList()))));
    }

    public static JsonInput of(JsonObject json, String... knownMembers) {
        return new JsonInput(json, Set.of(knownMembers), "", new ArrayList<>());
    }

    /**
     * An object member, taken apart like the whole: its errors are named {@code name.member} and reported by this
     * input's {@link #check()}. {@code null} when the member is absent or null.
     */
    public JsonInput object(String name, String... knownMembers) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonObject object) {
            return new JsonInput(object, Set.of(knownMembers), prefix + name + ".", errors);
        }
        return invalid(name, "must be an object, not " + JsonBody.describe(value));
    }

    /** A whole number member (within int); {@code null} when absent or null. */
    public Integer integer(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException tooLarge) {
                return invalid(name, "is too large");
            }
        }
        return invalid(name, "must be a whole number, not " + JsonBody.describe(value));
    }

    /** A member of any JSON type, as it is; {@code null} when absent. */
    public JsonValue value(String name) {
        return json.get(name);
    }

    /** Whether the member is present, even as {@code null} (a merge patch tells "absent" from "null"). */
    public boolean has(String name) {
        return json.containsKey(name);
    }

    /** A string member; {@code null} when absent or null. */
    public String string(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        return invalid(name, "must be a string, not " + JsonBody.describe(value));
    }

    /** A boolean member; {@code null} when absent or null. */
    public Boolean bool(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        return invalid(name, "must be true or false, not " + JsonBody.describe(value));
    }

    /** An ISO-8601 instant such as {@code 2026-12-31T23:59:59Z}; {@code null} when absent or null. */
    public Instant instant(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException unreadable) {
            return invalid(name, "must be an ISO-8601 instant such as 2026-12-31T23:59:59Z");
        }
    }

    /** An array of strings; {@code null} when absent or null. A wrong element is reported as {@code name[i]}. */
    public List<String> strings(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            return invalid(name, "must be an array of strings, not " + JsonBody.describe(value));
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString text) {
                strings.add(text.getString());
            } else {
                error(name + "[" + i + "]", "must be a string, not " + JsonBody.describe(array.get(i)));
            }
        }
        return strings;
    }

    /** Records an error that only the request's own rules can see, e.g. two members that exclude each other. */
    public void error(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    /** @throws InvalidInputException with every error recorded, sorted by field */
    public void check() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
        }
    }

    private <T> T invalid(String name, String message) {
        error(name, message);
        return null;
    }
}
