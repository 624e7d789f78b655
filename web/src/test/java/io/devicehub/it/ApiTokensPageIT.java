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
import org.openqa.selenium.Keys;

import java.net.URI;
import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's API Tokens page in Chromium: a token is created, shown once with a copy button and the warning,
 * works against the API, is listed without its secret, and stops working when revoked through the confirm dialog.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiTokensPageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.devicehubWar();
    }

    @ArquillianResource
    URL base;

    private Browser browser;
    private Console console;
    private Api api;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(base);
        console = new Console(browser, URI.create(base.toString()).getPath().replaceAll("/$", ""));
        api = new Api(base);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        console.signUp(Names.unique("page"), SignUpForm.PASSWORD);
        browser.element("menuTokens").click();
        browser.waitForPage();
        assertTrue(console.isOn("/tokens/index.xhtml"), browser.path());
        assertTrue(browser.textOf("tokens:table", "No API tokens").contains("No API tokens yet."));

        browser.type("create:name", "greenhouse dashboard");
        browser.driver().findElement(By.cssSelector("label[for='create:scopes:2']")).click();
        browser.element("create:submit").click();
        String secret = browser.waitUntil(d -> {
            String value = browser.has("newTokenValue") ? browser.element("newTokenValue").getDomProperty("value")
                    : null;
            return value == null || value.isEmpty() ? null : value;
        });
        assertTrue(secret.matches("dh_pat_[0-9A-Za-z]{38}"), secret);
        assertTrue(browser.textOf("newToken", "won't be shown again").contains("stores only a hash"));
        assertTrue(browser.has("copyToken"));
        assertTrue(browser.textOf("messages", "created").contains("greenhouse dashboard"));
        assertTrue(browser.textOf("tokens:table", "greenhouse dashboard").contains("devices:read, resources:call"));
        browser.screenshot("api-tokens-created");

        assertEquals(200, api.get("api/v1/devices", secret).status());
        api.get("api/v1/devices/x/resources/led", secret).assertProblem(404, "device-not-found");

        browser.open("/tokens/index.xhtml");
        assertFalse(browser.has("newTokenValue"), "the secret is gone after the request that created it");
        assertFalse(browser.driver().getPageSource().contains(secret), "the secret is never shown again");
        assertTrue(browser.textOf("tokens:table", "Active").contains(secret.substring(0, 11)), "the hint is");

        browser.element("tokens:table:0:revoke").click();
        browser.waitUntil(d -> browser.element("tokens:confirm").isDisplayed());
        browser.screenshot("api-tokens-revoke");
        browser.element("tokens:confirmYes").click();
        assertTrue(browser.textOf("tokens:table", "Revoked").contains("greenhouse dashboard"));
        assertTrue(browser.textOf("messages", "revoked").contains("greenhouse dashboard"));
        assertFalse(browser.has("tokens:table:0:revoke"), "a revoked token cannot be revoked again");
        assertEquals("The token has been revoked.",
                api.get("api/v1/devices", secret).assertProblem(401, "not-authenticated").detail());
    }

    @Test
    void theFormShowsErrorsBesideItsFieldsAndLimitsTokensToADevice() {
        console.signUp(Names.unique("form"), SignUpForm.PASSWORD)
                .addDevice("boiler", "Boiler", "long enough credential");
        browser.open("/tokens/index.xhtml");

        browser.driver().findElement(By.cssSelector("label[for='create:scopes:0']")).click();
        browser.element("create:submit").click();
        assertTrue(browser.textOf("create:nameMessage", "required").contains("is required"));
        assertTrue(browser.textOf("create:scopesMessage", "scope").contains("at least one scope"));
        assertFalse(browser.has("newTokenValue"));

        browser.type("create:name", "boiler only");
        browser.driver().findElement(By.cssSelector("label[for='create:scopes:2']")).click();
        browser.type("create:device_input", "not-mine");
        browser.element("create:device_input").sendKeys(Keys.ESCAPE);
        browser.element("create:submit").click();
        assertTrue(browser.textOf("create:deviceMessage", "not one of").contains("your devices"));

        browser.type("create:device_input", "boiler");
        browser.element("create:device_input").sendKeys(Keys.ESCAPE);
        browser.element("create:submit").click();
        String secret = browser.waitUntil(d -> browser.has("newTokenValue")
                ? browser.element("newTokenValue").getDomProperty("value") : null);
        assertTrue(browser.textOf("tokens:table", "boiler only").contains("boiler"));
        api.get("api/v1/devices/boiler/resources/led", secret).assertProblem(503, "device-offline");
        api.get("api/v1/devices/other/resources/led", secret).assertProblem(403, "token-restricted");
    }
}
