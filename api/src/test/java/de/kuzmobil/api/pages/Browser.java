package de.kuzmobil.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver; Selenium Manager cannot download
 * drivers offline). Under CI a missing browser fails the test; elsewhere it is skipped with how to
 * install it.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    final WebDriver driver;
    final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(int port) {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String how = "no browser at " + CHROMIUM + " / " + CHROMEDRIVER
                    + ": install Debian's packages with 'apt-get install chromium chromium-driver'";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(how);
            }
            Assumptions.abort("browser tests skipped, " + how);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-default-apps", "--window-size=1400,1100", "--lang=de-DE");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T await(Function<WebDriver, T> condition, int seconds) {
        // a page that navigates meanwhile leaves stale references behind: look again
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    WebElement awaitVisible(String css, int seconds) {
        return await(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null), seconds);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    void signIn(String user, String password) {
        go("/dispatch/");
        await(d -> d.getCurrentUrl().contains("/login"), 10);
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        find("#login-form button[type=submit]").click();
        await(d -> d.getCurrentUrl().contains("/dispatch/"), 10);
        awaitVisible("#who", 10);
        await(d -> !find("#who").getText().isBlank(), 10);
    }

    void signOut() {
        find("#logout-form button").click();
        await(d -> d.getCurrentUrl().contains("/login?logout"), 10);
    }

    /** Severe console messages since the last call (errors, failed loads). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** Every resource the page loaded, to prove nothing left the machine. */
    @SuppressWarnings("unchecked")
    List<String> loadedResources() {
        return (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".concat(performance.getEntriesByType('navigation').map(e => e.name));");
    }

    /**
     * After a scenario: no console errors but the refusals it provoked on purpose (their network lines
     * contain one of {@code expected}), and nothing loaded from another machine.
     */
    void assertCleanConsole(List<String> expected) {
        List<String> errors = consoleErrors().stream().filter(e -> expected.stream().noneMatch(e::contains)).toList();
        assertThat(errors).as("browser console errors").isEmpty();
        assertNothingLeftTheMachine();
    }

    void assertNothingLeftTheMachine() {
        assertThat(loadedResources()).allSatisfy(url -> assertThat(url).startsWith(base));
    }

    /** The window as it is, for docs/. */
    void screenshotAsIs(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tall window without the message toasts, for docs/. */
    void screenshot(String name) {
        org.openqa.selenium.Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1500));
        js("document.querySelectorAll('#messages .alert').forEach(a => a.style.display = 'none');");
        try {
            screenshotAsIs(name);
        } finally {
            js("document.querySelectorAll('#messages .alert').forEach(a => a.style.display = '');");
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
