package io.devicehub.it;

import io.devicehub.client.ConnectionState;
import jakarta.json.Json;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console with real devices connected (built with the SDK): rows turn online and offline without a reload,
 * the dashboard's figures grow as the device talks, the device API screen calls every kind of resource, and the
 * row actions take effect on the live device.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveConsoleIT {

    private static final String PASSWORD = "a long sign-in password";
    private static final String CREDENTIAL = "a long device credential";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.devicehubWar();
    }

    @ArquillianResource
    URL base;

    private Browser browser;
    private Console console;
    private String username;

    @BeforeEach
    void signUpWithADevice() {
        browser = new Browser(base);
        console = new Console(browser, URI.create(base.toString()).getPath().replaceAll("/$", ""));
        username = Names.unique("live");
        console.signUp(username, PASSWORD).addDevice("sensor-1", "Greenhouse climate", CREDENTIAL);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aRowTurnsOnlineAndOfflineWithoutAReload() {
        browser.open("/devices/index.xhtml");
        assertEquals("Offline", browser.textOf("devices:table:0:status", "Offline"));
        assertEquals("0", browser.element("onlineCount").getText());
        browser.script("window.notReloaded = true;");

        try (TestDevice device = TestDevice.online(base, username, "sensor-1", CREDENTIAL)) {
            assertEquals("Online", browser.textOf("devices:table:0:status", "Online"));
            assertEquals("1", browser.textOf("onlineCount", "1"));
            assertTrue((Boolean) browser.script("return window.notReloaded === true;"), "the page was not reloaded");
            browser.screenshot("devices-live");
            assertTrue(device.state().status() == ConnectionState.Status.ONLINE);
        }
        assertEquals("Offline", browser.textOf("devices:table:0:status", "Offline"));
        assertTrue((Boolean) browser.script("return window.notReloaded === true;"));
    }

    @Test
    void theDashboardShowsTheConnectionAndItsTrafficGrowingLive() {
        try (TestDevice device = TestDevice.online(base, username, "sensor-1", CREDENTIAL)) {
            browser.open("/devices/dashboard.xhtml?id=sensor-1");
            assertEquals("Online", browser.textOf("dashboard:status", "Online"));
            String before = browser.element("dashboard:bytesUp").getText();
            for (int i = 0; i < 20; i++) {
                device.push("climate", Json.createObjectBuilder().add("celsius", 20 + i).build());
            }
            browser.waitUntil(d -> !browser.element("dashboard:bytesUp").getText().equals(before));
            assertFalse(browser.driver().findElements(By.cssSelector("#dashboard\\:chart canvas")).isEmpty(),
                    "the activity chart is drawn");
            assertTrue(browser.element("connectedFor").getText().matches("\\d+s|\\d+m \\d+s"));
            assertTrue(browser.textOf("dashboard:history", "Connected").contains("Connected"));
            browser.waitUntil(d -> (Boolean) browser.script(
                    "var c = PF('activity') && PF('activity').chart; return !!c && c.data.labels.length > 0;"));
            browser.screenshot("dashboard");

            browser.submit("api");
            assertTrue(console.isOn("/devices/api.xhtml"), browser.path());
        }
    }

    @Test
    void theApiScreenCallsEveryKindOfResourceAndShowsFailuresPlainly() {
        try (TestDevice device = TestDevice.online(base, username, "sensor-1", CREDENTIAL)) {
            browser.open("/devices/api.xhtml?id=sensor-1");
            String temperature = run("temperature");
            assertTrue(temperature.contains("\"celsius\": 21.5") && temperature.contains("Answered in"), temperature);

            assertEquals("true", browser.element(inputOf("led")).getDomProperty("value"), "seeded from the example");
            browser.type(inputOf("led"), "false");
            assertTrue(run("led").contains("(no output)"));
            assertEquals(jakarta.json.JsonValue.FALSE, device.led());

            browser.type(inputOf("echo"), "{\"nested\": [1, 2, 3]}");
            assertTrue(run("echo").contains("\"nested\""));
            assertTrue(run("reboot").contains("Answered in"));
            assertTrue(run("broken").contains("sensor unplugged"));

            browser.type(inputOf("echo"), "{not json");
            assertTrue(run("echo").contains("The input is not valid JSON"));
            assertTrue(browser.driver().getPageSource().contains("/api/v1/devices/sensor-1/resources/temperature"),
                    "a curl command for the REST API");
            browser.screenshot("device-api");
        }
        browser.open("/devices/api.xhtml?id=sensor-1");
        assertTrue(browser.textOf("api:offline", "offline").contains("sensor-1 is offline"));
    }

    @Test
    void rowActionsDescribeDisableRotateAndDeleteTheDevice() {
        String fresh;
        try (TestDevice device = TestDevice.online(base, username, "sensor-1", CREDENTIAL)) {
            browser.open("/devices/index.xhtml");
            browser.click("devices:table:0:edit");
            browser.type("describe:description", "Moved to the shed");
            browser.click("describe:save");
            assertTrue(browser.textOf("devices:table_data", "Moved to the shed").contains("Moved to the shed"));

            browser.click("devices:table:0:rotate");
            browser.click("rotate:generate");
            browser.waitUntil(d -> "text".equals(browser.element("rotate:credential").getDomAttribute("type")));
            fresh = browser.element("rotate:credential").getDomProperty("value");
            browser.click("rotate:confirmRotate");
            assertEquals(fresh, browser.waitUntil(d -> browser.element("rotate:newCredential").getDomProperty("value")));
            browser.screenshot("rotate-credentials");
            browser.waitUntil(d -> device.state().status() == ConnectionState.Status.STOPPED);
            assertEquals(4410, device.state().closeCode().orElse(0), "the old session was closed");
            browser.click("rotate:done");
        }
        try (TestDevice rotated = TestDevice.online(base, username, "sensor-1", fresh)) {
            assertEquals(ConnectionState.Status.ONLINE, rotated.state().status(), "the new credentials work");
        }

        browser.open("/devices/index.xhtml");
        browser.click("devices:table:0:toggle");
        assertTrue(browser.textOf("devices:table_data", "Disabled").contains("Disabled"));
        browser.click("devices:table:0:delete");
        browser.click("confirmYes");
        assertTrue(browser.textOf("messages", "deleted").contains("sensor-1 deleted"));
        browser.waitUntil(d -> browser.driver().findElements(By.id("devices:table:0:status")).isEmpty());
    }

    private String run(String resource) {
        String button = idOf(resource, "run");
        String outcome = idOf(resource, "outcome");
        WebElement before = browser.element(outcome);
        browser.click(button);
        try {
            browser.waitUntil(d -> Browser.isGone(before));
            return browser.waitUntil(d -> {
                String text = browser.element(outcome).getText();
                return text.isBlank() || text.contains("Waiting") ? null : text;
            });
        } catch (RuntimeException e) {
            browser.screenshot("failed-run-" + resource);
            throw e;
        }
    }

    private String inputOf(String resource) {
        return idOf(resource, "input");
    }

    /**
     * The client id of a component in the section of {@code resource} on the API screen. Looked up again when an
     * update of the page (the answer of the previous call, pushed) replaced the element between finding and reading.
     */
    private String idOf(String resource, String component) {
        By selector = By.cssSelector("#resource-" + resource + " [id$=':" + component + "']");
        return browser.waitUntil(d -> d.findElement(selector).getAttribute("id"));
    }
}
