package io.devicehub.common;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.Reader;
import java.io.StringReader;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads one JSON document from outside the server — a REST body, a device message — under rules that make reading
 * it cheap and unambiguous, whatever the sender had in mind:
 * <ul>
 *   <li>arrays and objects nest at most {@value #MAX_DEPTH} levels; deeper input is refused at the first level too
 *       many, before anything below it is read (a parser building values recursively would otherwise spend its stack
 *       on a few kilobytes of {@code [});</li>
 *   <li>a number is at most {@value #MAX_NUMBER_CHARACTERS} characters with an exponent of at most
 *       {@value #MAX_EXPONENT_DIGITS} digits, so that no arithmetic on it can take long;</li>
 *   <li>an object names each member once: a repeated name is refused rather than one of the two silently chosen;</li>
 *   <li>exactly one value, nothing before or after it.</li>
 * </ul>
 * The values are built from the parser's events here, level by level, never by the provider's recursive readers.
 */
public final class StrictJson {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_NUMBER_CHARACTERS = 100;
    public static final int MAX_EXPONENT_DIGITS = 3;

    /** Looked up once: {@code Json.create…} would search the class path for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private StrictJson() {
    }

    /** @throws InvalidJsonException when the text is not one JSON value that keeps the rules above */
    public static JsonValue parse(String text) {
        return parse(new StringReader(text));
    }

    /** @throws InvalidJsonException when the input is not one JSON value that keeps the rules above */
    public static JsonValue parse(Reader input) {
        try (JsonParser parser = JSON.createParser(input)) {
            if (!parser.hasNext()) {
                throw new InvalidJsonException("the document is empty", null);
            }
            JsonValue value = value(parser, parser.next(), 1);
            if (parser.hasNext()) {
                throw new InvalidJsonException("more follows the first value",
                        parser.getLocation());
            }
            return value;
        } catch (JsonParsingException malformed) {
            // The parser's own message repeats the location in its words; the exception says it once, plainly.
            String what = String.valueOf(malformed.getMessage()).replaceAll(" at \\(line no=.*?\\)", "");
            throw new InvalidJsonException(what, malformed.getLocation());
        } catch (JsonException | IllegalStateException | NoSuchElementException unreadable) {
            throw new InvalidJsonException(String.valueOf(unreadable.getMessage()), null);
        }
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
        return switch (event) {
            case START_OBJECT -> object(parser, deeper(parser, depth));
            case START_ARRAY -> array(parser, deeper(parser, depth));
            case VALUE_NUMBER -> number(parser);
            case VALUE_STRING, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> parser.getValue();
            default -> throw new InvalidJsonException("unexpected " + event, parser.getLocation());
        };
    }

    private static int deeper(JsonParser parser, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidJsonException("nested deeper than " + MAX_DEPTH + " levels",
                    parser.getLocation());
        }
        return depth + 1;
    }

    private static JsonValue object(JsonParser parser, int depth) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        Set<String> names = new HashSet<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString();
            if (!names.add(name)) {
                throw new InvalidJsonException("the member '" + clip(name) + "' appears twice in one object",
                        parser.getLocation());
            }
            builder.add(name, value(parser, parser.next(), depth));
        }
        return builder.build();
    }

    private static JsonValue array(JsonParser parser, int depth) {
        JsonArrayBuilder builder = JSON.createArrayBuilder();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            builder.add(value(parser, event, depth));
        }
        return builder.build();
    }

    private static JsonValue number(JsonParser parser) {
        String literal = parser.getString();
        int marker = Math.max(literal.indexOf('e'), literal.indexOf('E'));
        long exponentDigits = marker < 0 ? 0 : literal.substring(marker + 1).chars().filter(Character::isDigit).count();
        if (literal.length() > MAX_NUMBER_CHARACTERS || exponentDigits > MAX_EXPONENT_DIGITS) {
            throw new InvalidJsonException("a number may have at most " + MAX_NUMBER_CHARACTERS
                    + " characters and an exponent of at most " + MAX_EXPONENT_DIGITS + " digits",
                    parser.getLocation());
        }
        return parser.getValue();
    }

    static String clip(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
