package io.flowdesk.portal;

import io.flowdesk.security.TasklistInChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The customer portal in Debian's headless Chromium as a phone shows it (Chromium's mobile emulation: a narrow
 * screen, touch, a phone's user agent), for a customer whose phone speaks {@code language}. Started as
 * {@link TasklistInChromium} starts its browser. Screenshots are of the whole page, not only what the screen shows.
 */
final class PortalInChromium implements AutoCloseable {

    /** Generous: two shared cores, a browser and the application may each wait for the other. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/156.0 Mobile Safari/537.36";

    private final ChromeDriver browser;
    private final WebDriverWait wait;
    private final String site;
    private final Path profile;
    private final Path screenshots;

    PortalInChromium(int port, Path screenshots, String language, int width, int height) throws IOException {
        this.site = "http://localhost:" + port;
        this.screenshots = Files.createDirectories(screenshots);
        this.profile = Files.createTempDirectory("flowdesk-portal-chromium-");
        this.browser = TasklistInChromium.start(TasklistInChromium.options(profile, language)
                .setExperimentalOption("mobileEmulation", Map.of("userAgent", PHONE, "deviceMetrics",
                        Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true, "mobile", true))));
        this.wait = new WebDriverWait(browser, PATIENCE);
        // a page that re-renders while a wait reads it: Chromium says "stale element" or, for a node it has already
        // dropped, "Node with given id does not belong to the document" (an unknown error): both mean look again
        wait.ignoring(WebDriverException.class);
    }

    void open(String path) {
        browser.get(site + path);
    }

    void reload() {
        browser.navigate().refresh();
    }

    /** Waits until the page's visible text contains that text; the whole visible text then. */
    String waitForText(String text) {
        return wait.until(driver -> {
            String shown = browser.findElement(By.tagName("body")).getText();
            return shown.contains(text) ? shown : null;
        });
    }

    /** The visible text of the element, once it is shown and has text. */
    String textOf(String cssSelector) {
        return wait.until(driver -> browser.findElements(By.cssSelector(cssSelector)).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).filter(text -> !text.isBlank())
                .findFirst().orElse(null));
    }

    void type(String cssSelector, String text) {
        WebElement field = shown(cssSelector);
        field.clear();
        field.sendKeys(text);
    }

    /** Picks the option of that visible text, once the list offers it. */
    void choose(String cssSelector, String option) {
        wait.until(driver -> shown(cssSelector).findElements(By.tagName("option")).stream()
                .anyMatch(candidate -> candidate.getText().equals(option)));
        new Select(shown(cssSelector)).selectByVisibleText(option);
    }

    /** Attaches the file to the file input (as picking it on the phone would). */
    void attach(String cssSelector, Path file) {
        browser.findElement(By.cssSelector(cssSelector)).sendKeys(file.toAbsolutePath().toString());
    }

    void tap(String cssSelector) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector)));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Runs a script in the page and answers what it returns. */
    Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    String url() {
        return browser.getCurrentUrl();
    }

    /** Makes the phone narrower or wider (its screen's CSS pixels), as another phone would be. */
    void resize(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", true));
    }

    /** The whole page as a PNG under the screenshots folder. */
    void screenshot(String name) {
        Number height = (Number) script("return document.documentElement.scrollHeight");
        Number width = (Number) script("return document.documentElement.clientWidth");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width.intValue(),
                        "height", height.intValue(), "scale", 1)));
        try {
            Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebElement shown(String cssSelector) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    @Override
    public void close() throws IOException {
        TasklistInChromium.quit(browser, profile);
    }
}
