package com.agentnexus.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Chromium per test, Debian's {@code /usr/bin/chromium} driven through
 * Debian's {@code /usr/bin/chromedriver} (both paths given, so Selenium Manager never
 * looks for, let alone downloads, a browser or a driver).
 * <p>
 * Every console message of the page is kept. A test fails when the page logged a
 * {@code SEVERE} message it did not {@link #tolerate declare}; a failing test leaves
 * {@code target/browser-screenshots/<class>-<method>.png} and, next to it, the page's
 * console log ({@code .console.log}) and DOM ({@code .html}). A passing test leaves
 * nothing and prints nothing.
 */
final class ConsoleBrowser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private static final File CHROMIUM = new File("/usr/bin/chromium");

    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final List<LogEntry> console = new ArrayList<>();

    private final List<Pattern> tolerated = new ArrayList<>();

    private ChromeDriver driver;

    private Path downloads;

    private boolean saved;

    ChromeDriver driver() {
        return driver;
    }

    /** Where the browser saves downloads, without asking. */
    Path downloads() {
        return downloads;
    }

    /**
     * A {@code SEVERE} console message matching {@code pattern} does not fail this test:
     * one the browser itself logs for something the test provokes on purpose (a refused
     * WebSocket while the gateway is down), which no page can keep out of the console.
     */
    void tolerate(String pattern) {
        tolerated.add(Pattern.compile(pattern));
    }

    /** The page's console so far, oldest first. */
    List<LogEntry> console() {
        drainConsole();
        return List.copyOf(console);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        console.clear();
        tolerated.clear();
        saved = false;
        downloads = Files.createTempDirectory("console-downloads");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800");
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.ACCEPT);
        options.setExperimentalOption("prefs",
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            save(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        List<LogEntry> severe;
        try {
            severe = console().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(entry -> tolerated.stream().noneMatch(p -> p.matcher(entry.getMessage()).find()))
                .toList();
            if (!severe.isEmpty()) {
                save(context);
            }
        }
        finally {
            driver.quit();
            driver = null;
            deleteDownloads();
        }
        if (!severe.isEmpty()) {
            throw new AssertionError("the page logged " + severe.size() + " SEVERE console message(s):\n"
                    + String.join("\n", severe.stream().map(LogEntry::getMessage).toList()));
        }
    }

    private void deleteDownloads() {
        try (var files = Files.walk(downloads)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (IOException e) {
            // a temporary directory; the OS cleans up what is left
        }
    }

    private void drainConsole() {
        try {
            driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
        }
        catch (WebDriverException browserGone) {
            // what was collected so far is all there is
        }
    }

    private void save(ExtensionContext context) {
        if (saved) {
            return;
        }
        saved = true;
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(SCREENSHOTS);
            try {
                Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
            catch (WebDriverException e) {
                Files.writeString(SCREENSHOTS.resolve(name + ".png.txt"), "no screenshot: " + e);
            }
            try {
                Files.writeString(SCREENSHOTS.resolve(name + ".html"),
                        "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
            }
            catch (WebDriverException e) {
                // the screenshot and console log are the essentials
            }
            StringBuilder log = new StringBuilder();
            for (LogEntry entry : console()) {
                log.append(Instant.ofEpochMilli(entry.getTimestamp()))
                    .append(' ')
                    .append(entry.getLevel())
                    .append(' ')
                    .append(entry.getMessage())
                    .append('\n');
            }
            Files.writeString(SCREENSHOTS.resolve(name + ".console.log"), log, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot save what the browser showed under " + SCREENSHOTS, e);
        }
    }

}
