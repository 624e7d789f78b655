package io.devicehub.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) driving the console, with the few steps every
 * test needs: open a page, fill a field, click and wait, read a message, save a screenshot.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final URL base;
    private final Path profile;

    public Browser(URL base) {
        this.base = base;
        try {
            this.profile = Files.createTempDirectory("devicehub-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
        this.driver = new ChromeDriver(options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
        return this;
    }

    public WebElement element(String id) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    public boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** Replaces a field's text; tries again if scripts replaced the field while the page settled. */
    public Browser type(String id, String text) {
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class).until(d -> {
            WebElement field = d.findElement(By.id(id));
            field.clear();
            field.sendKeys(text);
            return true;
        });
        return this;
    }

    /** Clicks an element once it can be clicked (dialogs and ajax updates may be settling). */
    public Browser click(String id) {
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class).until(d -> {
            d.findElement(By.id(id)).click();
            return true;
        });
        return this;
    }

    /** Clicks a button that submits the whole page, and waits until the next page has loaded. */
    public Browser submit(String id) {
        WebElement button = element(id);
        button.click();
        new WebDriverWait(driver, WAIT).until(d -> isGone(button));
        waitForPage();
        return this;
    }

    /** Waits until {@code condition} holds, looking again when the page replaced an element meanwhile. */
    public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** Whether the page that held {@code element} has gone (Chromium reports this in more than one way). */
    public static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }

    public Browser waitForPage() {
        new WebDriverWait(driver, WAIT).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /**
     * Waits until the element's text contains {@code expected}, and returns that text. An ajax update may replace the
     * element between finding it and reading it (Chromium: "Node with given id does not belong to the document"):
     * each try finds it again.
     */
    public String textOf(String id, String expected) {
        return new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class).until(d -> {
            String text = d.findElement(By.id(id)).getText();
            return text.contains(expected) ? text : null;
        });
    }

    public String path() {
        return URL_PATH.apply(driver.getCurrentUrl());
    }

    public Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    /** Saves what the browser shows to target/screenshots/{name}.png. */
    public void screenshot(String name) {
        Path target = Path.of(System.getProperty("screenshots.dir", "target/screenshots"), name + ".png");
        try {
            Files.createDirectories(target.getParent());
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static final java.util.function.Function<String, String> URL_PATH = url -> {
        String path = java.net.URI.create(url).getPath();
        return path == null ? "" : path;
    };
}
