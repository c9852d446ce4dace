package org.gongzhang.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium from Debian ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; override
 * with {@code CHROMIUM} and {@code CHROMEDRIVER}), headless, driven as a person would. Nothing is
 * downloaded. Without Chromium the browser tests stop as not run, except under {@code CI=true},
 * where they fail: CI installs it ({@code .ci/run}).
 */
public final class Browser implements AutoCloseable {

    /** A phone (390×844) and a desktop window. */
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1280, 900);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A new browser with an empty profile, pages in {@code language}, at {@code size}. */
    public static Browser open(int port, String language, Dimension size) {
        Path chromium = Path.of(env("CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver"));
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        Prerequisites.require(present, "Chromium is missing: apt-get install chromium chromium-driver (.ci/run does)",
                "browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-features=Translate,MediaRouter,OptimizationHints",
                "--lang=" + language, "--force-device-scale-factor=1");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(size);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(180));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        return new Browser(driver, "http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /**
     * Logs in on the login page (it must be showing, or be the next page) as a demo person, and waits
     * until the page it lands on has loaded and looked for the person's key in this browser (the
     * signer badge's data-state). Leaving a page while it first creates the browser's key store can
     * hold the store up for the next pages in Chromium, as a person clicking on at once might.
     */
    public Browser logIn(String username) {
        if (!path().startsWith("/login")) {
            go("/login");
        }
        type(By.id("username"), username);
        type(By.id("password"), LedgerClient.DEMO_PASSWORD);
        find(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
        waitUntil(d -> !path().startsWith("/login") && Boolean.TRUE.equals(script(
                "const signer = document.getElementById('signer');"
                        + "return document.readyState === 'complete' && (!signer || !!signer.dataset.state);")));
        return this;
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public String text(By by) {
        return find(by).getText();
    }

    public Browser type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Waits up to 30 s; on a timeout the error carries the page's text, its console and a screenshot's path. */
    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        waitUntil(condition, Duration.ofSeconds(30));
    }

    /**
     * Waits up to {@code timeout}; on a timeout the error carries the page's text, its console, the
     * requests it sent and a screenshot's path.
     */
    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition, Duration timeout) {
        try {
            // an element not there yet, or a page re-rendered between finding an element and reading it:
            // stale, or (Chromium) "node does not belong to the document", a bare WebDriverException
            // (the superclass of the other two)
            new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(condition::apply);
        } catch (TimeoutException e) {
            throw new AssertionError("waited in vain on " + path() + " (screenshot " + screenshot("timeout-" + System.nanoTime())
                    + ")\n--- page ---\n" + driver.findElement(By.tagName("body")).getText()
                    + "\n--- console ---\n" + console() + "\n--- requests sent (last 10) ---\n" + lastRequests(10), e);
        }
    }

    /**
     * Every request the page sent since the last call, as "METHOD url" followed by its body (from
     * the DevTools network events of the performance log).
     */
    public List<String> requestsSent() {
        List<String> sent = new ArrayList<>();
        driver.manage().logs().get(LogType.PERFORMANCE).forEach(entry -> {
            try {
                com.fasterxml.jackson.databind.JsonNode message = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(entry.getMessage()).path("message");
                if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                    com.fasterxml.jackson.databind.JsonNode request = message.path("params").path("request");
                    sent.add(request.path("method").asText() + " " + request.path("url").asText() + "\n"
                            + request.path("postData").asText("") + request.path("postDataEntries").toString());
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(e);
            }
        });
        return sent;
    }

    /** Method and URL of the last {@code count} requests the page sent, a line each. */
    private String lastRequests(int count) {
        try {
            List<String> sent = requestsSent().stream().map(r -> r.lines().findFirst().orElse("")).toList();
            return String.join("\n", sent.subList(Math.max(0, sent.size() - count), sent.size()));
        } catch (RuntimeException | AssertionError e) {
            return "(not available: " + e + ")";
        }
    }

    /** What the page wrote to the browser console. */
    public String console() {
        StringBuilder lines = new StringBuilder();
        driver.manage().logs().get(LogType.BROWSER).forEach(entry -> lines.append(entry.getLevel()).append(' ')
                .append(entry.getMessage()).append('\n'));
        return lines.toString();
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Saves a PNG of the window to target/screenshots/{name}.png (and returns its path). */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new AssertionError("screenshot " + name, e);
        }
    }

    /**
     * Runs axe-core (from npm, as Deque packages it for Maven) in the page and returns the serious
     * and critical violations as "rule: target" lines; the test asserts there are none.
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() {
        script(axeSource());
        Object result = asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        return new ArrayList<>((List<String>) result);
    }

    /** Asserts the page has no serious or critical accessibility violation. */
    public Browser assertAccessible() {
        assertThat(seriousAccessibilityViolations()).as("axe-core on " + path()).isEmpty();
        return this;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertThat(in).as("axe.min.js on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
