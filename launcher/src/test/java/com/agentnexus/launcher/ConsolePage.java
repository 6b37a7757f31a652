package com.agentnexus.launcher;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console as a test sees it, through the DOM contract of issue 11 (ids, classes
 * and data attributes), read with one script per question so that a page that changes
 * while it is read never gives a torn answer.
 */
final class ConsolePage {

    static final Duration QUICK = Duration.ofSeconds(30);

    private static final Pattern EXECUTION_FRAGMENT = Pattern.compile("#execution=([0-9a-f-]{36})$");

    private final ChromeDriver driver;

    private final String baseUrl;

    ConsolePage(ChromeDriver driver, String gatewayUrl) {
        this.driver = driver;
        this.baseUrl = gatewayUrl;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Loads the console with this fragment ({@code ""}, {@code "#token=…"}, …). */
    void open(String fragment) {
        driver.get(baseUrl + "/" + fragment);
    }

    void open(String token, String executionId) {
        open("#token=" + token + "&execution=" + executionId);
    }

    /**
     * From the next page load on, {@code window.__marks[name]} holds the
     * {@code performance.now()} (ms since navigation start) of the first DOM change after
     * which {@code predicate} (a JavaScript expression) held. Injected before the page's
     * own scripts run, so nothing is missed.
     */
    void markOnLoad(String name, String predicate) {
        onNewDocument("""
                (function () {
                  window.__marks = window.__marks || {};
                  const name = %s;
                  const check = function () {
                    if (window.__marks[name] !== undefined) return true;
                    let held = false;
                    try { held = !!(%s); } catch (e) { held = false; }
                    if (held) window.__marks[name] = performance.now();
                    return held;
                  };
                  const observer = new MutationObserver(function () { if (check()) observer.disconnect(); });
                  observer.observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
                })();
                """.formatted(jsString(name), predicate));
    }

    /**
     * From the next page load on, {@code window.__traces[name]} lists every distinct
     * successive value of {@code expression}, as seen after each DOM change.
     */
    void traceOnLoad(String name, String expression) {
        onNewDocument("""
                (function () {
                  window.__traces = window.__traces || {};
                  const trace = window.__traces[%1$s] = [];
                  const observer = new MutationObserver(function () {
                    let value = null;
                    try { value = (%2$s); } catch (e) { value = null; }
                    if (value !== null && value !== undefined && trace[trace.length - 1] !== String(value)) {
                      trace.push(String(value));
                    }
                  });
                  observer.observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
                })();
                """.formatted(jsString(name), expression));
    }

    /** The mark's time in ms since navigation start; null if it never held. */
    Double mark(String name) {
        Object value = js("return window.__marks ? window.__marks[arguments[0]] : undefined;", name);
        return value == null ? null : ((Number) value).doubleValue();
    }

    @SuppressWarnings("unchecked")
    List<String> trace(String name) {
        Object value = js("return window.__traces ? window.__traces[arguments[0]] : [];", name);
        return value == null ? List.of() : (List<String>) value;
    }

    Double now() {
        return ((Number) js("return performance.now();")).doubleValue();
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    private void onNewDocument(String source) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
    }

    /** The element's {@code textContent}, trimmed; null if there is no such element. */
    String text(String css) {
        return (String) js("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;",
                css);
    }

    boolean exists(String css) {
        return Boolean.TRUE.equals(js("return document.querySelector(arguments[0]) !== null;", css));
    }

    int count(String css) {
        return ((Number) js("return document.querySelectorAll(arguments[0]).length;", css)).intValue();
    }

    String attribute(String css, String attribute) {
        return (String) js(
                "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;", css,
                attribute);
    }

    boolean hasClass(String css, String className) {
        return Boolean.TRUE.equals(
                js("const e = document.querySelector(arguments[0]); return !!e && e.classList.contains(arguments[1]);",
                        css, className));
    }

    /** Rendered and not hidden (Selenium's idea of visible). */
    boolean displayed(String css) {
        try {
            return driver.findElement(By.cssSelector(css)).isDisplayed();
        }
        catch (NoSuchElementException | StaleElementReferenceException e) {
            return false;
        }
    }

    WebElement element(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /**
     * Clicks the element once it is there, clickable and not replaced while being clicked
     * (lists re-render).
     */
    void click(String css) {
        await("click " + css, QUICK, page -> {
            page.element(css).click();
            return true;
        });
    }

    /** Polls (every 100 ms) until {@code condition} answers neither null nor false. */
    <T> T await(String what, Duration timeout, Function<ConsolePage, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).withMessage(what)
            .ignoring(NoSuchElementException.class)
            .ignoring(StaleElementReferenceException.class)
            .ignoring(JavascriptException.class)
            .ignoring(ElementNotInteractableException.class)
            .ignoring(ElementClickInterceptedException.class)
            .until(d -> condition.apply(this));
    }

    String awaitText(String css, Function<String, Boolean> accepted, Duration timeout) {
        return await(css + " text as expected (last: \"" + text(css) + "\")", timeout, page -> {
            String text = page.text(css);
            return text != null && accepted.apply(text) ? text : null;
        });
    }

    /** {@code #watch-status .badge}: the watched execution's status. */
    String watchStatus() {
        return text("#watch-status .badge");
    }

    String awaitWatchStatus(String status, Duration timeout) {
        return await("#watch-status .badge = " + status, timeout,
                page -> status.equals(page.watchStatus()) ? status : null);
    }

    /** A {@code #log .log-line} as shown. */
    record LogLine(long seq, String seqText, String stream, String text, boolean filteredOut) {
    }

    /** Every line of {@code #log}, top to bottom. */
    @SuppressWarnings("unchecked")
    List<LogLine> logLines() {
        var raw = (List<Map<String, Object>>) js("""
                return Array.from(document.querySelectorAll('#log .log-line')).map(function (e) {
                  const seq = e.querySelector('.seq');
                  const text = e.querySelector('.text');
                  return {seq: e.getAttribute('data-seq'), stream: e.getAttribute('data-stream'),
                          seqText: seq ? seq.textContent.trim() : null, text: text ? text.textContent : null,
                          filtered: e.classList.contains('filtered-out')};
                });
                """);
        return raw.stream()
            .map(m -> new LogLine(Long.parseLong((String) m.get("seq")), (String) m.get("seqText"),
                    (String) m.get("stream"), (String) m.get("text"), Boolean.TRUE.equals(m.get("filtered"))))
            .toList();
    }

    /** Waits for the signed-in start form and the agent in {@code #agent-select}. */
    Select agentSelect(String agentId) {
        await("#agent-select offers " + agentId, QUICK,
                page -> page.exists("#agent-select option[value='" + agentId + "']") ? true : null);
        return new Select(element("#agent-select"));
    }

    /**
     * Picks the option whose value is {@code value}: the value property, which is the
     * option's text when it has no value attribute ({@code <option>CANCELLED</option>}).
     */
    void selectValue(String css, String value) {
        Select select = new Select(element(css));
        List<WebElement> options = select.getOptions();
        for (int i = 0; i < options.size(); i++) {
            if (value.equals(options.get(i).getDomProperty("value"))) {
                select.selectByIndex(i);
                return;
            }
        }
        throw new NoSuchElementException(css + " has no option of value " + value);
    }

    /** Replaces the text of {@code #input-editor} by typing it. */
    void typeInput(String json) {
        WebElement editor = element("#input-editor");
        editor.clear();
        editor.sendKeys(json);
    }

    /**
     * Picks the agent, types the input and clicks {@code #start-button}; returns the id
     * the watch view opened (fragment {@code #execution=<id>} and
     * {@code #watch[data-execution-id]}).
     */
    String start(String agentId, String inputJson) {
        agentSelect(agentId).selectByValue(agentId);
        typeInput(inputJson);
        await("#start-button enabled", QUICK, page -> page.element("#start-button").isEnabled() ? true : null);
        element("#start-button").click();
        return awaitWatchedExecution();
    }

    /** The execution the watch view shows, once the fragment and {@code #watch} agree. */
    String awaitWatchedExecution() {
        return await("the watch view opens (#execution=<id> and #watch[data-execution-id])", QUICK, page -> {
            Matcher id = EXECUTION_FRAGMENT.matcher(page.driver.getCurrentUrl());
            return id.find() && id.group(1).equals(page.attribute("#watch", "data-execution-id")) ? id.group(1) : null;
        });
    }

    private static String jsString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

}
