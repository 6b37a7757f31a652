package com.agentnexus.launcher;

import static com.agentnexus.launcher.ConsolePage.QUICK;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.agentnexus.launcher.ConsolePage.LogLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;

/**
 * Who may see what in the web console, and whether everyone can use it: signing in
 * through the link the launcher prints, refused tokens, another user's execution, log
 * lines and names that carry HTML, a phone-sized screen and the keyboard. Headless
 * Chromium against the real embedded stack.
 */
class ConsoleAccessIT {

    private static final String HTML_AGENT = "console-html";

    private static final String HTML_NAME = "Console <img id=pwned-name src=x onerror=window.__pwned=3> HTML";

    private static final String SCRIPT_LINE = "<script>window.__pwned=1</script>";

    private static final String BOLD_LINE = "<b>bold</b>";

    private static final Pattern WEB_CONSOLE = Pattern.compile("Web console:\\s+(\\S+)");

    private static StackHandle stack;

    private static ConsoleApi api;

    @RegisterExtension
    final ConsoleBrowser browser = new ConsoleBrowser();

    private ConsolePage page;

    private String demo;

    @BeforeAll
    static void startStack() throws Exception {
        stack = StackHandle.start(Files.createTempDirectory("agentnexus-console-access"));
        api = new ConsoleApi(stack);
        api.createAgent(HTML_AGENT, HTML_NAME,
                "echo '" + SCRIPT_LINE + "'; echo '" + BOLD_LINE + "'; "
                        + "echo '{\"html\":\"<img id=pwned-output src=x onerror=window.__pwned=2>\"}'",
                "1", Duration.ofMinutes(1));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        page = new ConsolePage(browser.driver(), stack.gatewayUrl());
        demo = api.token("demo");
    }

    @Test
    void linkPrintedByTheLauncherSignsInAsDemoAndSignOutForgetsTheToken() {
        Matcher link = WEB_CONSOLE.matcher(stack.banner());
        assertThat(link.find()).as("the banner has a \"Web console:\" line:%n%s", stack.banner()).isTrue();
        assertThat(link.group(1)).startsWith(stack.gatewayUrl() + "/#token=");
        String token = link.group(1).substring(link.group(1).indexOf("#token=") + "#token=".length());

        page.driver().get(link.group(1));
        page.awaitText("#user-name", "demo"::equals, QUICK);
        page.await("the token leaves the address bar", QUICK,
                p -> p.driver().getCurrentUrl().contains(token) ? null : true);
        assertThat(page.js("const token = arguments[0]; return Object.keys(sessionStorage).some(function (k) {"
                + " return sessionStorage.getItem(k).indexOf(token) >= 0; });", token))
            .as("the token is kept in sessionStorage")
            .isEqualTo(true);
        assertThat(page.displayed("#signed-out")).isFalse();

        page.click("#sign-out");
        page.await("#signed-out shown after signing out", QUICK, p -> p.displayed("#signed-out") ? true : null);
        assertThat(page.js("return sessionStorage.length;")).isEqualTo(0L);
    }

    @Test
    void afterSigningOutAndInAsSomeoneElseInTheSameTabThePageStartsAndListsOnlyAsThem() throws Exception {
        String ada = api.token("ada");
        String bob = api.token("bob");
        String adas = api.start(ada, "demo-worker", "{\"task\":\"ada\"}");
        api.awaitEnded(ada, adas, Duration.ofSeconds(90));
        page.open("#token=" + ada);
        page.awaitText("#user-name", "ada"::equals, QUICK);
        page.agentSelect("demo-worker");
        page.await("ada's execution listed", QUICK,
                p -> p.exists(".execution-row[data-execution-id='" + adas + "']") ? true : null);
        page.click("#sign-out");
        page.await("#signed-out shown", QUICK, p -> p.displayed("#signed-out") ? true : null);

        // the same document: only the fragment changes, as when a second link is opened
        // in this tab
        page.open("#token=" + bob);
        page.awaitText("#user-name", "bob"::equals, QUICK);
        page.js("window.__sawOtherUser = false; const other = arguments[0];"
                + " new MutationObserver(function () { if (document.querySelector("
                + "'#executions .execution-row[data-execution-id=\"' + other + '\"]')) window.__sawOtherUser = true; })"
                + ".observe(document.getElementById('executions'), {subtree: true, childList: true});", adas);
        String bobs = page.start("demo-worker", "{\"task\":\"bob\"}");
        api.awaitEnded(bob, bobs, Duration.ofSeconds(90));
        assertThat(api.executionCount(bob)).as("bob's executions").isEqualTo(1);
        assertThat(api.executionCount(ada)).as("ada's executions: one click started nothing as her").isEqualTo(1);

        page.selectValue("#status-filter", "COMPLETED");
        page.await("#executions lists bob's execution alone", QUICK, p -> {
            List<?> ids = (List<?>) p.js("return Array.from(document.querySelectorAll('#executions .execution-row'))"
                    + ".map(function (r) { return r.getAttribute('data-execution-id'); });");
            return ids.equals(List.of(bobs)) ? true : null;
        });
        assertThat(page.js("return window.__sawOtherUser;")).as("ada's execution shown to bob").isEqualTo(false);
    }

    @Test
    void withoutATokenThePageSaysHowToSignIn() {
        page.open("");
        page.await("#signed-out shown", QUICK, p -> p.displayed("#signed-out") ? true : null);
        page.awaitText("#signin-message", text -> text.toLowerCase().contains("sign in"), QUICK);
    }

    @Test
    void expiredTokenIsRefusedAsExpired() {
        String expired = DemoTokens.mint(stack.jwtSecret(), "demo", List.of(), Duration.ofMinutes(-5));
        page.open("#token=" + expired);
        page.await("#signed-out shown", QUICK, p -> p.displayed("#signed-out") ? true : null);
        page.awaitText("#signin-message", text -> text.toLowerCase().contains("expired"), QUICK);
    }

    @Test
    void malformedTokenIsRefusedAsInvalid() {
        page.open("#token=not-a.jwt");
        page.await("#signed-out shown", QUICK, p -> p.displayed("#signed-out") ? true : null);
        page.awaitText("#signin-message", text -> text.toLowerCase().contains("invalid"), QUICK);
    }

    @Test
    void htmlInLogLinesOutputAndAgentNamesIsShownAsText() throws Exception {
        String id = api.start(demo, HTML_AGENT, "{}");
        page.open(demo, id);
        page.awaitWatchStatus("COMPLETED", Duration.ofSeconds(60));
        page.awaitText("#verification", text -> !text.isEmpty(), QUICK);
        assertThat(page.logLines()).extracting(LogLine::text).as("the lines, as text").contains(SCRIPT_LINE, BOLD_LINE);
        page.awaitText("#output", text -> text.contains("<img id=pwned-output"), QUICK);

        assertThat(page.js("return typeof window.__pwned;")).as("no script of the execution ran")
            .isEqualTo("undefined");
        assertThat(page.count("#log b")).as("#log b").isZero();
        assertThat(page.count("#log script")).as("#log script").isZero();
        assertThat(page.exists("#pwned-output")).as("an element made of the output").isFalse();

        page.open("");
        page.agentSelect(HTML_AGENT);
        assertThat(page.text("#agent-select option[value='" + HTML_AGENT + "']")).contains(HTML_NAME);
        assertThat(page.exists("#pwned-name")).as("an element made of the agent's name").isFalse();
        assertThat(page.js("return typeof window.__pwned;")).isEqualTo("undefined");
    }

    @Test
    void anotherUsersExecutionLinkSaysNotYoursAndShowsNoLine() throws Exception {
        String id = api.start(demo, "demo-worker", "{\"task\":\"private\"}");
        api.awaitEnded(demo, id, Duration.ofSeconds(90));

        page.open(api.token("mallory"), id);
        page.awaitText("#user-name", "mallory"::equals, QUICK);
        page.awaitText("#watch-error", text -> text.contains("not yours"), QUICK);
        assertThat(page.count("#log .log-line")).as("#log .log-line").isZero();
        assertThat(page.text("#verification")).doesNotStartWith("verified");
    }

    @Test
    void onAPhoneTheStartButtonAndTheExecutionsFitTheScreenWidth() throws Exception {
        String id = api.start(demo, "demo-worker", "{\"task\":\"phone\"}");
        api.awaitEnded(demo, id, Duration.ofSeconds(90));
        page.driver()
            .executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
        page.open("#token=" + demo);
        page.agentSelect("demo-worker");
        page.await("the execution listed", Duration.ofSeconds(30),
                p -> p.exists(".execution-row[data-execution-id='" + id + "']") ? true : null);

        assertThat(page.displayed("#start-button")).as("#start-button displayed").isTrue();
        assertThat(page.displayed("#executions")).as("#executions displayed").isTrue();
        assertNoHorizontalScroll();

        page.click(".execution-row[data-execution-id='" + id + "'] a.watch");
        page.awaitWatchStatus("COMPLETED", QUICK);
        page.await("log lines", QUICK, p -> p.count("#log .log-line") > 0 ? true : null);
        assertNoHorizontalScroll();
    }

    @Test
    void startFormIsReachableByTabAndEnterStartsTheExecution() throws Exception {
        page.open("#token=" + demo);
        page.agentSelect("demo-worker").selectByValue("demo-worker");
        page.typeInput("{\"task\":\"keyboard\"}");
        page.js("document.getElementById('agent-select').focus();");
        assertThat(activeElementId()).isEqualTo("agent-select");

        tabUntil("input-editor");
        tabUntil("start-button");
        new Actions(page.driver()).sendKeys(Keys.ENTER).perform();

        String id = page.awaitWatchedExecution();
        JsonNode row = api.execution(demo, id);
        assertThat(row.path("agentId").asString()).isEqualTo("demo-worker");
        assertThat(row.path("input").path("task").asString()).isEqualTo("keyboard");
    }

    private void tabUntil(String id) {
        StringBuilder path = new StringBuilder(activeElementId());
        for (int i = 0; i < 5 && !id.equals(activeElementId()); i++) {
            new Actions(page.driver()).sendKeys(Keys.TAB).perform();
            path.append(" -> ").append(activeElementId());
        }
        assertThat(activeElementId()).as("TAB reaches #%s within 5 presses (%s)", id, path).isEqualTo(id);
    }

    private String activeElementId() {
        return (String) page.js("return document.activeElement ? document.activeElement.id : null;");
    }

    /**
     * Nothing makes the page wider than the phone: with a mobile viewport Chromium would
     * zoom out to fit wider content (innerWidth grows with it), so both are checked. The
     * message names what sticks out (outside a container that scrolls by itself).
     */
    private void assertNoHorizontalScroll() {
        @SuppressWarnings("unchecked")
        var widths = (Map<String, Object>) page
            .js("""
                    // clipped by an ancestor that scrolls by itself; an absolutely positioned
                    // element only by one that is also its containing block (or inside it)
                    const clipped = function (e) {
                      let free = ['absolute', 'fixed'].includes(getComputedStyle(e).position);
                      for (let a = e.parentElement; a; a = a.parentElement) {
                        const style = getComputedStyle(a);
                        if (style.overflowX !== 'visible' && (!free || style.position !== 'static')) return true;
                        if (free && style.position !== 'static') free = ['absolute', 'fixed'].includes(style.position);
                      }
                      return false;
                    };
                    const wide = Array.from(document.querySelectorAll('body *')).filter(function (e) {
                      const r = e.getBoundingClientRect();
                      return r.width > 0 && r.right > 390.5 && !clipped(e);
                    }).slice(0, 8).map(function (e) {
                      return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                          + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                          + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + ' px)';
                    });
                    return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth, wider: wide};
                    """);
        assertThat(widths.get("inner")).as("window.innerWidth on a 390 px phone (%s)", widths).isEqualTo(390L);
        assertThat((Long) widths.get("scroll"))
            .as("document.documentElement.scrollWidth <= window.innerWidth (%s)", widths)
            .isLessThanOrEqualTo((Long) widths.get("inner"));
    }

}
