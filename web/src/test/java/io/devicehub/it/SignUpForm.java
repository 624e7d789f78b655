package io.devicehub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creates accounts the way a person does, through the console's sign-up form, but over plain HTTP (faster than a
 * browser): it reads the form's view state and posts the form back with it. The client keeps the session cookie,
 * so it is then signed in to the console.
 */
final class SignUpForm {

    static final String PASSWORD = "a long sign-in password";
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final URI base;

    private SignUpForm(URL base) {
        try {
            this.base = base.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Signs up a new account with {@link #PASSWORD} and returns its client, signed in to the console. */
    static SignUpForm account(URL base, String username) {
        SignUpForm form = new SignUpForm(base);
        HttpResponse<String> done = form.submit("signup.xhtml", "signup", Map.of("username", username,
                "email", username + "@example.com", "password", PASSWORD, "confirmation", PASSWORD), "create");
        assertTrue(done.uri().getPath().endsWith("/devices/index.xhtml"), done.uri() + "\n" + done.body());
        return form;
    }

    /** The console's HTTP client, with its session cookie. */
    HttpClient http() {
        return http;
    }

    /** The id of the signed-in session, as its cookie holds it. */
    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .findFirst().orElseThrow().getValue();
    }

    private HttpResponse<String> submit(String path, String formId, Map<String, String> fields, String button) {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher viewState = VIEW_STATE.matcher(page.body());
            if (!viewState.find()) {
                throw new IllegalStateException("no form on " + path + ":\n" + page.body());
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put(formId, formId);
            fields.forEach((name, value) -> form.put(formId + ":" + name, value));
            form.put(formId + ":" + button, "");
            form.put("jakarta.faces.ViewState", viewState.group(1));
            String body = form.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(base.resolve(path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
