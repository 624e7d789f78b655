package io.devicehub.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console as a user sees it in Chromium: signing up and in, the Devices list and the Add Device form, errors
 * beside their fields, escaping, and accounts that never see each other's devices.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    private static final String PASSWORD = "a long sign-in password";
    private static final Pattern STACK_TRACE =
            Pattern.compile("Exception: |Caused by|\\bat [\\w.$]+\\([\\w$]+\\.java:\\d+\\)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.devicehubWar();
    }

    @ArquillianResource
    URL base;

    private Browser browser;
    private Console console;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(base);
        console = new Console(browser, URI.create(base.toString()).getPath().replaceAll("/$", ""));
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aNewUserSignsUpAddsADeviceAndSeesItInTheList() {
        String username = Names.unique("ada");
        browser.open("/signup.xhtml");
        browser.screenshot("signup");
        console.signUp(username, PASSWORD);

        assertTrue(console.isOn("/devices/index.xhtml"), browser.path());
        assertTrue(browser.textOf("messages", "Welcome").contains(username));
        assertTrue(browser.textOf("empty", "No devices yet").contains("Add"));
        assertEquals(username, browser.element("account:username").getText());
        browser.screenshot("devices-empty");

        browser.submit("addDevice");
        assertTrue(console.isOn("/devices/add.xhtml"), browser.path());
        browser.type("add:identifier", "greenhouse-1").type("add:description", "Greenhouse climate sensor");
        browser.element("add:generate").click();
        String credential = waitForGeneratedCredential();
        assertTrue(credential.matches("[A-Za-z0-9]{24}"), credential);
        browser.screenshot("add-device");
        browser.submit("add:submit");

        assertTrue(console.isOn("/devices/index.xhtml"), browser.path());
        assertTrue(browser.textOf("messages", "added").contains("greenhouse-1"));
        List<String> row = rowTexts().get(0);
        assertEquals("greenhouse-1", row.get(0));
        assertEquals("Greenhouse climate sensor", row.get(1));
        assertEquals("Offline", row.get(2));
        assertEquals("never connected", row.get(3));
        assertFalse(browser.driver().getPageSource().contains(credential), "the credential is never shown again");
        browser.screenshot("devices-list");
    }

    @Test
    void theAddDeviceFormShowsErrorsBesideTheFieldsAndKeepsNothing() {
        console.signUp(Names.unique("errs"), PASSWORD);

        console.addDevice("not valid!", "x", "short");
        assertTrue(console.isOn("/devices/add.xhtml"), browser.path());
        assertTrue(browser.textOf("add:identifierMessage", "must be").contains("1 to 32 letters"));
        assertTrue(browser.textOf("add:credentialMessage", "must be").contains("12 to 128 characters"));
        browser.screenshot("add-device-errors");

        console.addDevice("", "", "long enough credential");
        assertTrue(browser.textOf("add:identifierMessage", "must be").contains("1 to 32"));

        console.addDevice("boiler", "first", "long enough credential");
        console.addDevice("boiler", "second", "long enough credential");
        assertTrue(console.isOn("/devices/add.xhtml"), browser.path());
        assertTrue(browser.textOf("add:identifierMessage", "already").contains("already have a device"));

        browser.open("/devices/index.xhtml");
        assertEquals(1, rowTexts().size());
        assertEquals("first", rowTexts().get(0).get(1));
    }

    @Test
    void aDescriptionIsShownAsTextAndNeverRuns() {
        console.signUp(Names.unique("xss"), PASSWORD);
        String attack = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";

        console.addDevice("xss-probe", attack, "long enough credential");

        assertEquals(attack, rowTexts().get(0).get(1));
        assertNull(browser.script("return window.pwned;"));
    }

    @Test
    void accountsNeverSeeEachOthersDevices() {
        console.signUp(Names.unique("owner"), PASSWORD).addDevice("owners-secret-device", "private", "long enough credential");
        assertEquals(1, rowTexts().size());
        console.signOut();

        console.signUp(Names.unique("other"), PASSWORD);
        assertTrue(browser.has("empty"), "a new account starts with no devices");
        assertFalse(browser.driver().getPageSource().contains("owners-secret-device"));
    }

    @Test
    void anotherAccountsDeviceIsNotFoundByUrlExactlyLikeAMissingOne() {
        console.signUp(Names.unique("mine"), PASSWORD).addDevice("private-sensor", "mine", "long enough credential");
        browser.open("/devices/dashboard.xhtml?id=private-sensor");
        assertTrue(browser.textOf("title", "private-sensor").contains("private-sensor"));
        console.signOut();

        console.signUp(Names.unique("snoop"), PASSWORD);
        for (String page : List.of("/devices/dashboard.xhtml?id=private-sensor", "/devices/api.xhtml?id=private-sensor",
                "/devices/dashboard.xhtml?id=no-such-device", "/devices/dashboard.xhtml?id=%3Cscript%3E",
                "/devices/api.xhtml")) {
            browser.open(page);
            assertTrue(browser.driver().getTitle().startsWith("Not found"), page + " -> " + browser.driver().getTitle());
            assertFalse(browser.driver().getPageSource().contains("mine"), page);
        }
    }

    @Test
    void theIdentifierIsCheckedAsItIsTyped() {
        console.signUp(Names.unique("typist"), PASSWORD).addDevice("taken", "", "long enough credential");
        browser.open("/devices/add.xhtml").type("add:identifier", "taken");
        assertTrue(browser.textOf("add:identifierMessage", "already").contains("already have a device"));
        browser.type("add:identifier", "has space");
        assertTrue(browser.textOf("add:identifierMessage", "must be").contains("1 to 32"));
        browser.type("add:identifier", "free-name");
        browser.waitUntil(d -> browser.element("add:identifierMessage").getText().isBlank());
    }

    @Test
    void aFormPostedWithoutTheViewsStateChangesNothing() throws Exception {
        console.signUp(Names.unique("csrf"), PASSWORD);
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> forged = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(base.toURI().resolve("devices/add.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "JSESSIONID=" + session)
                        .POST(HttpRequest.BodyPublishers.ofString("add=add&add%3Aidentifier=forged&add%3Acredential="
                                + "long+enough+credential&add%3Asubmit=&jakarta.faces.ViewState=guessed")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertTrue(forged.body().contains("Your page expired"), forged.body());
        browser.open("/devices/index.xhtml");
        assertTrue(browser.has("empty"), "no device was added");
    }

    @Test
    void theListPagesAndSearchesTheAccountsDevices() {
        console.signUp(Names.unique("many"), PASSWORD);
        for (int i = 1; i <= 12; i++) {
            console.addDevice(String.format("node-%02d", i), i % 2 == 0 ? "even" : "odd", "long enough credential");
        }
        browser.open("/devices/index.xhtml");
        assertEquals("12", browser.element("totalCount").getText());

        browser.type("devices:search", "even");
        browser.textOf("devices:table", "1–6 of 6");
        assertEquals(6, rowTexts().size());
        assertTrue(rowTexts().stream().allMatch(row -> row.get(1).equals("even")));
    }

    @Test
    void signInFailsWithOneGenericMessageAndSlowsDownRepeatedGuesses() {
        String username = Names.unique("guard");
        console.signUp(username, PASSWORD).signOut();

        console.signIn(username, "not the password");
        String wrongPassword = browser.textOf("messages", "Invalid");
        console.signIn("no-such-" + username, PASSWORD);
        assertEquals(wrongPassword, browser.textOf("messages", "Invalid"));
        browser.screenshot("login-error");

        for (int i = 0; i < 5; i++) {
            console.signIn(username, "still not the password " + i);
        }
        assertTrue(browser.textOf("messages", "Too many").contains("Try again in"));
        assertTrue(console.isOn("/login.xhtml"), browser.path());
    }

    @Test
    void consolePagesRequireSignInAndReturnThereAfterwards() {
        String username = Names.unique("back");
        console.signUp(username, PASSWORD).signOut();
        assertTrue(console.isOn("/login.xhtml"), browser.path());

        browser.open("/devices/add.xhtml");
        assertTrue(console.isOn("/login.xhtml"), "redirected to sign in, not " + browser.path());
        browser.type("login:username", username).type("login:password", PASSWORD).submit("login:signIn");
        assertTrue(console.isOn("/devices/add.xhtml"), "back where the user wanted to go, not " + browser.path());
    }

    @Test
    void errorsNeverShowServerDetails() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(base.toURI().resolve("no-such-page.xhtml"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(base.toURI().resolve("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("login=login&jakarta.faces.ViewState=forged")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertAll(
                () -> assertEquals(404, missing.statusCode()),
                () -> assertTrue(missing.body().contains("Not found")),
                () -> assertNoServerDetails(missing.body()),
                () -> assertTrue(forged.body().contains("Your page expired"), forged.body()),
                () -> assertNoServerDetails(forged.body()),
                () -> assertEquals("DENY", missing.headers().firstValue("X-Frame-Options").orElse("")));
    }

    @Test
    void theSessionLivesInACookieOnly() throws Exception {
        String username = Names.unique("cookie");
        SignUpForm signedIn = SignUpForm.account(base, username);
        HttpResponse<String> own = signedIn.http().send(HttpRequest.newBuilder(base.toURI()
                .resolve("devices/index.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(own.body().contains(username), "the cookie signs in");

        HttpClient stranger = HttpClient.newHttpClient();
        for (String named : List.of(";jsessionid=", "%3Bjsessionid=")) {
            HttpResponse<String> fromUrl = stranger.send(HttpRequest.newBuilder(URI.create(base.toURI()
                    .resolve("devices/index.xhtml") + named + signedIn.sessionId())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, fromUrl.statusCode(), named);
            assertFalse(fromUrl.body().contains(username), "a session id in the URL signs nobody in: " + named);
            assertTrue(fromUrl.body().contains("Something went wrong"), fromUrl.body());
        }

        HttpResponse<String> login = stranger.send(HttpRequest.newBuilder(base.toURI().resolve("login.xhtml"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("JSESSIONID=") && cookie.contains("HttpOnly")
                && cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), cookie);
        assertFalse(login.body().contains("jsessionid"), "no URL carries the session");
    }

    @Test
    void anAjaxRequestWithABrokenViewStateNamesNoException() throws Exception {
        SignUpForm signedIn = SignUpForm.account(base, Names.unique("ajax"));
        for (String viewState : List.of("bogus:123", "stateless")) {
            HttpResponse<String> answer = signedIn.http().send(HttpRequest.newBuilder(base.toURI()
                    .resolve("devices/index.xhtml"))
                    .header("Faces-Request", "partial/ajax")
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString("jakarta.faces.partial.ajax=true&jakarta.faces.source=x"
                            + "&jakarta.faces.partial.execute=%40all&x=x&jakarta.faces.ViewState=" + viewState))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(answer.body().startsWith("<?xml") && answer.body().contains("<partial-response>"),
                    answer.body());
            assertFalse(answer.body().contains("Exception") || answer.body().contains("jakarta.")
                    || answer.body().contains("could not be restored"), answer.body());
        }
    }

    @Test
    void pathsTheContainerRefusesGetDeviceHubsOwnPages() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("WEB-INF/web.xml", "WEB-INF/templates/console.xhtml", "web-inf/web.xml",
                "WEB-INF/no-such-file", "META-INF/MANIFEST.MF")) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(base.toURI().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, refused.statusCode(), path);
            assertTrue(refused.body().contains("Not found · DeviceHub"), path + ": " + refused.body());
            assertFalse(refused.body().contains("Payara") || refused.body().contains("<web-app"), refused.body());
        }
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(base.toURI().resolve("devicehub.css"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(put.statusCode() >= 400 && put.body().contains("DeviceHub") && !put.body().contains("Payara"),
                put.statusCode() + " " + put.body());
    }

    private static void assertNoServerDetails(String body) {
        assertFalse(STACK_TRACE.matcher(body).find(), body);
    }

    /** The generated credential, once the server has filled it in and the page shows it for copying. */
    private String waitForGeneratedCredential() {
        browser.waitUntil(d -> "text".equals(browser.element("add:credential").getDomAttribute("type")));
        return browser.element("add:credential").getDomProperty("value");
    }

    private List<List<String>> rowTexts() {
        browser.element("devices:table_data");
        return browser.driver().findElements(By.cssSelector("#devices\\:table_data > tr")).stream()
                .filter(row -> !row.getAttribute("class").contains("ui-datatable-empty-message"))
                .map(row -> row.findElements(By.tagName("td")).stream()
                        .map(WebElement::getText)
                        .toList())
                .toList();
    }
}
