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

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's Buckets section in Chromium, with a real device: a bucket created from the form (and refused with
 * its reasons), its chart moving without a reload while the device pushes, its CSV export read back row by row, a
 * sampled resource picked from what the device declared, clear and delete confirmed; another account sees none of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BucketConsoleIT {

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
        username = Names.unique("buckets");
        console.signUp(username, PASSWORD).addDevice("sensor-1", "Greenhouse climate", CREDENTIAL);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aBucketCreatedInTheConsoleChartsLiveExportsAndIsDeleted() throws Exception {
        browser.open("/buckets/index.xhtml");
        assertTrue(browser.textOf("buckets:table", "No buckets yet").contains("No buckets yet"));
        browser.submit("addBucket");
        assertTrue(console.isOn("/buckets/edit.xhtml"), browser.path());

        browser.type("bucket:identifier", "bad id!").submit("bucket:save");
        assertTrue(browser.textOf("bucket:identifierMessage", "letters").contains("letters"));
        assertTrue(browser.textOf("bucket:nameMessage", "required").contains("required"));

        browser.type("bucket:identifier", "climate").type("bucket:name", "Greenhouse climate")
                .submit("bucket:save");
        assertTrue(console.isOn("/buckets/bucket.xhtml"), browser.path());
        assertTrue(browser.textOf("messages", "created").contains("Bucket climate created."));
        assertEquals("0", browser.element("range:recordCount").getText());
        assertTrue(browser.element("range:source").getText().contains("data messages of all devices"));

        try (TestDevice device = TestDevice.online(base, username, "sensor-1", CREDENTIAL)) {
            browser.script("window.notReloaded = true;");
            for (int i = 0; i < 5; i++) {
                device.push("climate", Json.createObjectBuilder().add("celsius", 20 + i).add("humidity", 40)
                        .build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            assertEquals("5", browser.textOf("range:recordCount", "5"), "the count follows without a reload");
            browser.waitUntil(d -> ((Number) browser.script("var c = PF('bucketChart') && PF('bucketChart').chart;"
                    + " return c ? c.data.labels.length : 0;")).intValue() == 5);
            assertEquals(List.of("celsius", "humidity"), browser.script(
                    "return PF('bucketChart').chart.data.datasets.map(function (d) { return d.label; });"));
            assertTrue((Boolean) browser.script("return window.notReloaded === true;"), "the page was not reloaded");
            assertTrue(browser.textOf("records:table", "sensor-1").contains("{\"celsius\":24,\"humidity\":40}"),
                    "newest first");
            browser.screenshot("bucket-page");

            String csv = fetch(browser.element("exportCsv").getDomAttribute("href"));
            List<String> rows = csv.lines().toList();
            assertEquals("ts,device,celsius,humidity", rows.get(0));
            assertEquals(6, rows.size(), csv);
            assertTrue(rows.get(1).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z,sensor-1,20,40"), rows.get(1));
            assertTrue(rows.get(5).endsWith(",sensor-1,24,40"), rows.get(5));
            assertTrue(fetch(browser.element("exportNdjson").getDomAttribute("href")).lines()
                    .allMatch(line -> line.contains("\"device\":\"sensor-1\"")));

            browser.open("/devices/dashboard.xhtml?id=sensor-1");
            assertTrue(browser.textOf("dashboard:buckets", "climate").contains("data messages of all devices"));
        }

        browser.open("/buckets/index.xhtml");
        assertEquals("5", browser.element("buckets:table:0:records").getText());
        browser.screenshot("buckets");
        browser.submit("buckets:table:0:open");
        browser.click("danger:clearAll");
        browser.click("confirmYes");
        assertTrue(browser.textOf("messages", "deleted").contains("All 5 records of climate deleted."));
        assertEquals("0", browser.textOf("range:recordCount", "0"));
        browser.click("danger:delete");
        browser.click("confirmYes");
        browser.waitUntil(d -> console.isOn("/buckets/index.xhtml"));
        assertTrue(browser.textOf("messages", "deleted").contains("Bucket climate deleted, with its records."));
        assertFalse(browser.has("buckets:table:0:open"));
    }

    @Test
    void theSourcePickerOffersTheDeviceOutputsAndTheSamplesArrive() {
        try (TestDevice device = TestDevice.online(base, username, "sensor-1", CREDENTIAL)) {
            assertEquals(ConnectionState.Status.ONLINE, device.state().status(), "its resources are known");
            browser.open("/buckets/edit.xhtml");
            browser.type("bucket:identifier", "sampled").type("bucket:name", "Sampled temperature");
            browser.waitUntil(d -> { // "Sample a device resource": its label, as a person clicks it
                d.findElement(By.cssSelector("label[for='bucket:source:0']")).click();
                return true;
            });
            browser.type("bucket:device_input", "sensor-1" + org.openqa.selenium.Keys.TAB); // change: resources
            List<String> offered = browser.waitUntil(d -> {
                List<String> options = d.findElements(By.cssSelector("#bucket\\:resource_input option")).stream()
                        .map(option -> option.getDomProperty("value")).toList();
                return options.isEmpty() ? null : options;
            });
            assertEquals(List.of("temperature", "echo", "broken"), offered, "outputs only, as declared");
            browser.script("document.getElementById('bucket:source').scrollIntoView();");
            browser.screenshot("bucket-form");
            browser.type("bucket:seconds_input", org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a")
                    + "1").submit("bucket:save");
            assertTrue(browser.textOf("messages", "created").contains("Bucket sampled created."));
            String source = browser.element("range:source").getText();
            assertTrue(source.contains("temperature of sensor-1 every 1 s"), source);
            browser.waitUntil(d -> !browser.element("range:recordCount").getText().equals("0"));
            assertTrue(browser.textOf("records:table", "celsius").contains("{\"celsius\":21.5}"));
        }

        Browser stranger = new Browser(base);
        try {
            new Console(stranger, URI.create(base.toString()).getPath().replaceAll("/$", ""))
                    .signUp(Names.unique("stranger"), PASSWORD);
            stranger.open("/buckets/bucket.xhtml?id=sampled");
            assertTrue(stranger.driver().getPageSource().contains("not found")
                    || stranger.driver().getPageSource().contains("Not found"), "another account's bucket is 404");
            stranger.open("/buckets/edit.xhtml?id=sampled");
            assertFalse(stranger.driver().getPageSource().contains("Sampled temperature"));
            stranger.open("/buckets/index.xhtml");
            assertTrue(stranger.textOf("buckets:table", "No buckets yet").contains("No buckets yet"));
            Object status = stranger.script("var x = new XMLHttpRequest(); x.open('GET', '"
                    + browser.element("exportCsv").getDomAttribute("href") + "', false); x.send(); return x.status;");
            assertEquals(404L, status);
        } finally {
            stranger.close();
        }
    }

    /** What the signed-in browser downloads from {@code href} (same origin, its session cookie). */
    private String fetch(String href) {
        return (String) browser.script("var x = new XMLHttpRequest(); x.open('GET', '" + href + "', false);"
                + " x.send(); return x.status === 200 ? x.responseText : 'status ' + x.status;");
    }
}
