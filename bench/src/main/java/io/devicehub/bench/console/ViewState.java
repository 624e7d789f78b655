package io.devicehub.bench.console;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code jakarta.faces.ViewState} hidden field of a Faces page, which every form post must send back (it is
 * also the console's CSRF protection). Attributes may come in any order.
 */
final class ViewState {

    private static final Pattern INPUT = Pattern.compile("<input[^>]*name=\"jakarta\\.faces\\.ViewState\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");

    private ViewState() {
    }

    static Optional<String> in(String html) {
        Matcher input = INPUT.matcher(html);
        if (!input.find()) {
            return Optional.empty();
        }
        Matcher value = VALUE.matcher(input.group());
        return value.find() ? Optional.of(value.group(1).replace("&amp;", "&")) : Optional.empty();
    }
}
