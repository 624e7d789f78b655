package io.devicehub.bench.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser-like session with the console: a cookie jar, no automatic redirects (a redirect to the login page must
 * be seen, not followed), HTTP/1.1.
 */
final class ConsoleSession {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    ConsoleSession(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Signs in through the login form; the password is sent once and not kept. */
    void signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login.xhtml");
        String viewState = ViewState.in(page.body()).orElseThrow(() ->
                new IOException("no Faces view state on the login page (HTTP " + page.statusCode() + ")"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", username);
        form.put("login:password", password);
        form.put("login:signIn", "");
        form.put("jakarta.faces.ViewState", viewState);
        HttpRequest post = HttpRequest.newBuilder(base.resolve("/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() / 100 != 3 || location.contains("login")) {
            throw new IOException("signing in to the console failed: HTTP " + answer.statusCode()
                    + (location.isEmpty() ? "" : " to " + location));
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
