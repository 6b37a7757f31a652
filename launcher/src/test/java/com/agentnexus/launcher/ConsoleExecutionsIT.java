package com.agentnexus.launcher;

import static com.agentnexus.launcher.ConsolePage.QUICK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.launcher.ConsoleApi.HistoryEvent;
import com.agentnexus.launcher.ConsolePage.LogLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The web console watching executions, in headless Chromium against the real embedded
 * stack (Kafka, PostgreSQL, the three services in their own JVMs): starting one from the
 * page, its lines live, the chart, the terminal badge and the page's own verification of
 * every event; failures, time-outs, cancel from the list, replay of a finished execution;
 * and, last (it kills the gateway), a watch that survives the gateway's restart. What the
 * page shows is checked against the gateway's NDJSON history and the REST API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleExecutionsIT {

    private static final String SLEEPER = "console-sleeper";

    private static final String TICKER = "console-ticker";

    private static final int TICKS = 300;

    private static final Duration TERMINAL = Duration.ofSeconds(90);

    private static final String RUNNING_BADGE = "document.querySelector('#watch-status .badge') !== null"
            + " && document.querySelector('#watch-status .badge').textContent.trim() === 'RUNNING'";

    private static final String HAS_LOG_LINE = "document.querySelector('#log .log-line') !== null";

    private static final Pattern VERIFIED = Pattern.compile("^verified: (\\d+) of (\\d+) events, checksum ok$");

    private static final Pattern RESUMED = Pattern.compile("^resumed at seq (\\d+)$");

    private static StackHandle stack;

    private static ConsoleApi api;

    @RegisterExtension
    final ConsoleBrowser browser = new ConsoleBrowser();

    private ConsolePage page;

    private String demo;

    @BeforeAll
    static void startStack() throws Exception {
        stack = StackHandle.start(Files.createTempDirectory("agentnexus-console-executions"));
        api = new ConsoleApi(stack);
        api.createAgent(SLEEPER, "Console sleeper",
                "i=0; while [ $i -lt 240 ]; do i=$((i+1)); echo \"sleeping $i\"; sleep 0.5; done; echo '{}'", "1",
                Duration.ofMinutes(3));
        api.createAgent(TICKER, "Console ticker",
                "i=0; while [ $i -lt " + TICKS
                        + " ]; do i=$((i+1)); echo \"tick $i\"; sleep 0.1; done; echo '{\"ticks\":" + TICKS + "}'",
                "1", Duration.ofMinutes(5));
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
    @Order(1)
    void demoWorkerStartedFromThePageShowsLinesLiveThenCompletedAndVerifiesEveryEvent() throws Exception {
        page.markOnLoad("firstLine", HAS_LOG_LINE);
        page.markOnLoad("lineWhileRunning", RUNNING_BADGE + " && " + HAS_LOG_LINE);
        page.open("#token=" + demo);
        page.awaitText("#user-name", "demo"::equals, QUICK);

        Select agents = page.agentSelect("demo-worker");
        assertThat(optionText(agents, "demo-worker")).contains("Demo worker", "1 ETH", "1000000000000000000 Wei");
        page.agentSelect("demo-failing");
        assertThat(optionText(agents, "demo-failing")).contains("Demo failing", "0.5 ETH", "500000000000000000 Wei");
        agents.selectByValue("demo-worker");

        page.typeInput("{\"task\": ");
        page.await("#input-error shown and #start-button disabled for invalid JSON", QUICK,
                p -> !p.text("#input-error").isEmpty() && !p.element("#start-button").isEnabled() ? true : null);
        page.typeInput("{\"task\":\"console\"}");
        page.await("#input-error empty and #start-button enabled for valid JSON", QUICK,
                p -> p.text("#input-error").isEmpty() && p.element("#start-button").isEnabled() ? true : null);
        double clickedAt = page.now();
        page.element("#start-button").click();
        String id = page.awaitWatchedExecution();

        page.awaitWatchStatus("COMPLETED", TERMINAL);
        JsonNode row = api.awaitEnded(demo, id, QUICK);
        assertThat(row.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(row.path("input").path("task").asString()).isEqualTo("console");
        assertThat(page.mark("lineWhileRunning")).as("a .log-line was shown while #watch-status said RUNNING")
            .isNotNull();

        List<HistoryEvent> history = api.history(demo, id);
        long eventCount = row.path("lastSeq").asLong();
        assertVerified(eventCount);
        assertThat(history).as("the NDJSON history holds every event").hasSize((int) eventCount);
        assertThat(terminal(history).data().path("eventCount").asLong()).isEqualTo(eventCount);
        assertLogMatches(page.logLines(), history);
        long samples = history.stream().filter(e -> e.type().equals("metrics") || e.type().equals("resource")).count();
        assertThat(samples).as("demo-worker's resource samples").isPositive();
        assertThat(Integer.parseInt(page.attribute("#resource-chart", "data-points")))
            .as("#resource-chart[data-points]: one point per resource sample")
            .isEqualTo(samples);
        assertThat(timeline()).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(ConsoleApi.JSON.readTree(page.text("#output"))).isEqualTo(row.path("output"));
        assertThat(page.text("#connection-state")).isEqualTo("ended");

        // the search hides what does not match, and only that
        page.element("#log-search").sendKeys("progress warning");
        page.await("lines without \"progress warning\" filtered out", QUICK,
                p -> p.logLines()
                    .stream()
                    .allMatch(line -> line.filteredOut() != line.text().contains("progress warning")) ? true : null);
        assertThat(page.logLines().stream().filter(line -> !line.filteredOut())).hasSize(4);

        Double firstLine = page.mark("firstLine");
        assertThat(firstLine).isNotNull();
        ConsoleTimings.record("demo-worker: page load to first log line", firstLine,
                "includes picking the agent and typing the input");
        ConsoleTimings.record("demo-worker: start click to first log line", firstLine - clickedAt, "");
    }

    @Test
    @Order(2)
    void failingAgentEndsFailedWithItsExitCodeAndSlowAgentEndsTimedOut() throws Exception {
        page.open("#token=" + demo);
        String failing = page.start("demo-failing", "{\"task\":\"fail\"}");
        page.awaitWatchStatus("FAILED", TERMINAL);
        page.awaitText("#exit-info", text -> Pattern.compile("exit code 3(?!\\d)").matcher(text).find(), QUICK);
        assertThat(api.awaitEnded(demo, failing, QUICK).path("exitCode").asInt()).isEqualTo(3);
        assertThat(page.logLines()).extracting(LogLine::text).contains("error: required model file is missing");
        assertThat(timeline()).contains("FAILED");
        assertVerified(api.execution(demo, failing).path("lastSeq").asLong());

        // a reload keeps the sign-in (sessionStorage)
        page.open("");
        page.awaitText("#user-name", "demo"::equals, QUICK);
        String slow = page.start("demo-slow", "{}");
        page.awaitWatchStatus("TIMED_OUT", TERMINAL);
        assertThat(page.logLines()).extracting(LogLine::text).contains("demo-slow: tick 1/30");
        assertThat(timeline()).contains("TIMED_OUT");
        assertThat(api.awaitEnded(demo, slow, QUICK).path("status").asString()).isEqualTo("TIMED_OUT");
        assertVerified(api.execution(demo, slow).path("lastSeq").asLong());
    }

    @Test
    @Order(3)
    void runningExecutionCancelledFromTheListEndsCancelled() throws Exception {
        String id = api.start(demo, SLEEPER, "{}");
        page.open("#token=" + demo);
        String row = ".execution-row[data-execution-id='" + id + "']";
        page.await(id + " listed RUNNING with a cancel button (the list refreshes itself)", Duration.ofSeconds(60),
                p -> p.exists(row + "[data-status='RUNNING'] button.cancel") ? true : null);

        List<String> newest = api.newestExecutionIds(demo, 100);
        page.await("#executions lists the newest first, like GET /api/executions", QUICK, p -> {
            List<String> shown = rowIds();
            return !shown.isEmpty() && shown.equals(newest.subList(0, Math.min(shown.size(), newest.size()))) ? true
                    : null;
        });
        for (Map<String, Object> shown : rows()) {
            String status = (String) shown.get("status");
            assertThat(shown.get("badge")).as("the .badge of %s", shown).isEqualTo(status);
            assertThat(shown.get("cancel")).as("button.cancel exactly on PENDING and RUNNING rows: %s", shown)
                .isEqualTo(status.equals("PENDING") || status.equals("RUNNING"));
            assertThat((String) shown.get("href")).as("a.watch of %s", shown).endsWith("#execution=" + shown.get("id"));
        }

        page.click(row + " button.cancel");
        page.await(id + " listed CANCELLED", Duration.ofSeconds(30),
                p -> "CANCELLED".equals(p.text(row + "[data-status='CANCELLED'] .badge")) ? true : null);
        assertThat(api.execution(demo, id).path("status").asString()).isEqualTo("CANCELLED");

        page.selectValue("#status-filter", "CANCELLED");
        page.await("#status-filter CANCELLED lists only cancelled executions", QUICK,
                p -> p.exists(row) && rowStatuses().stream().allMatch("CANCELLED"::equals) ? true : null);

        page.click(row + " a.watch");
        assertThat(page.awaitWatchedExecution()).isEqualTo(id);
        page.awaitWatchStatus("CANCELLED", QUICK);
        assertThat(timeline()).contains("CANCELLED");
        assertVerified(api.execution(demo, id).path("lastSeq").asLong());
    }

    @Test
    @Order(4)
    void finishedExecutionsLinkReplaysItFromItsFirstLogLineAndVerifiesIt() throws Exception {
        String id = api.start(demo, "demo-worker", "{\"task\":\"replay\"}");
        JsonNode row = api.awaitEnded(demo, id, TERMINAL);
        List<HistoryEvent> history = api.history(demo, id);

        page.markOnLoad("completed", "document.querySelector('#watch-status .badge') !== null"
                + " && document.querySelector('#watch-status .badge').textContent.trim() === 'COMPLETED'");
        page.open(demo, id);
        page.awaitWatchStatus("COMPLETED", QUICK);
        assertVerified(row.path("lastSeq").asLong());
        List<LogLine> lines = page.logLines();
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(0).seq()).as("the first line shown is the execution's first log line")
            .isEqualTo(history.stream().filter(HistoryEvent::isLog).mapToLong(HistoryEvent::seq).min().orElseThrow());
        assertLogMatches(lines, history);
        assertThat(timeline()).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(page.text("#connection-state")).isEqualTo("ended");
        Double completed = page.mark("completed");
        assertThat(completed).isNotNull();
        ConsoleTimings.record("finished demo-worker: page load (replay) to COMPLETED badge", completed, "");

        page.element("#download-log").click();
        List<String> downloaded = await("the NDJSON history downloaded").atMost(QUICK)
            .until(() -> downloadedLines(browser.downloads()), lines1 -> lines1.size() == history.size());
        assertThat(downloaded.stream().map(line -> ConsoleApi.JSON.readTree(line).path("seq").asLong()))
            .containsExactlyElementsOf(history.stream().map(HistoryEvent::seq).toList());
    }

    @Test
    @Order(5)
    void watchSurvivesAGatewayRestartResumingWithEveryLineOnce() throws Exception {
        String gateway = Pattern.quote(stack.gatewayUrl().replace("http://", ""));
        // what the browser itself logs while the gateway is down; no page can keep it out
        // of
        // the console
        browser.tolerate("WebSocket connection to 'ws://" + gateway + "/.*failed");
        browser.tolerate(gateway + "/\\S* .*net::ERR_");
        String id = api.start(demo, TICKER, "{}");
        page.traceOnLoad("connection", "document.querySelector('#connection-state').textContent.trim()");
        page.open(demo, id);
        page.await("20 ticks shown live", Duration.ofSeconds(60),
                p -> p.count("#log .log-line") >= 20 && "RUNNING".equals(p.watchStatus()) ? true : null);

        int restarts = api.gatewayRestarts();
        long killedAt = System.nanoTime();
        api.killGateway();
        long lastSeenBeforeKill = page.logLines().stream().mapToLong(LogLine::seq).max().orElseThrow();
        page.await("#connection-state reconnecting…", QUICK,
                p -> p.trace("connection").stream().anyMatch(s -> s.startsWith("reconnecting")) ? true : null);
        api.awaitGatewayRestarted(restarts, Duration.ofSeconds(240));
        String resumed = page.await("#connection-state resumed at seq N", Duration.ofSeconds(90),
                p -> p.trace("connection").stream().filter(s -> RESUMED.matcher(s).matches()).findFirst().orElse(null));
        double resumedAfter = (System.nanoTime() - killedAt) / 1e6;
        page.awaitWatchStatus("COMPLETED", Duration.ofSeconds(120));
        JsonNode row = api.awaitEnded(demo, id, QUICK);

        List<String> states = page.trace("connection");
        assertThat(states.indexOf(resumed)).as("resumed after reconnecting: %s", states)
            .isGreaterThan(firstIndex(states, "reconnecting"));
        Matcher resumedAt = RESUMED.matcher(resumed);
        assertThat(resumedAt.matches()).isTrue();
        long eventCount = row.path("lastSeq").asLong();
        assertThat(Long.parseLong(resumedAt.group(1))).as("resumed after the last event it had, before the end")
            .isGreaterThanOrEqualTo(lastSeenBeforeKill)
            .isLessThan(eventCount);
        List<HistoryEvent> history = api.history(demo, id);
        assertThat(history).hasSize((int) eventCount);
        List<LogLine> lines = page.logLines();
        assertLogMatches(lines, history);
        assertThat(lines).filteredOn(line -> line.text().startsWith("tick ")).hasSize(TICKS);
        assertVerified(eventCount);
        assertThat(page.text("#connection-state")).isEqualTo("ended");
        ConsoleTimings.record("gateway SIGKILL to page \"resumed at seq N\"", resumedAfter,
                "includes the launcher restarting the gateway; states seen: " + String.join(" -> ", states));
    }

    /**
     * {@code #verification} at the terminal status: every event received, the checksum
     * recomputed and equal.
     */
    private void assertVerified(long eventCount) {
        String text = page.awaitText("#verification", t -> t.startsWith("verified") || t.startsWith("WARNING"), QUICK);
        assertThat(text).isEqualTo("verified: %d of %d events, checksum ok", eventCount, eventCount);
        assertThat(page.hasClass("#verification", "verified")).as("#verification.verified").isTrue();
        assertThat(page.hasClass("#verification", "mismatch")).isFalse();
    }

    /**
     * The lines shown are exactly the execution's log events: same seqs (strictly
     * increasing, none twice, none missing), same streams, same text.
     */
    private static void assertLogMatches(List<LogLine> shown, List<HistoryEvent> history) {
        long[] seqs = shown.stream().mapToLong(LogLine::seq).toArray();
        for (int i = 1; i < seqs.length; i++) {
            assertThat(seqs[i]).as("data-seq strictly increasing at line %d", i).isGreaterThan(seqs[i - 1]);
        }
        List<HistoryEvent> logs = history.stream().filter(HistoryEvent::isLog).toList();
        assertThat(shown).extracting(LogLine::seq)
            .containsExactlyElementsOf(logs.stream().map(HistoryEvent::seq).toList());
        assertThat(shown).extracting(LogLine::stream)
            .containsExactlyElementsOf(logs.stream().map(HistoryEvent::stream).toList());
        assertThat(shown).extracting(LogLine::text)
            .containsExactlyElementsOf(logs.stream().map(HistoryEvent::line).toList());
        assertThat(shown).allSatisfy(line -> assertThat(line.seqText()).isEqualTo(Long.toString(line.seq())));
    }

    private static HistoryEvent terminal(List<HistoryEvent> history) {
        HistoryEvent last = history.get(history.size() - 1);
        assertThat(last.type()).isEqualTo("status");
        assertThat(ConsoleApi.TERMINAL).contains(last.data().path("status").asString());
        return last;
    }

    @SuppressWarnings("unchecked")
    private List<String> timeline() {
        return (List<String>) page.js("return Array.from(document.querySelectorAll('#timeline li[data-status]'))"
                + ".map(function (li) { return li.getAttribute('data-status'); });");
    }

    /** The rows of {@code #executions}, read in one go (the list refreshes itself). */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows() {
        return (List<Map<String, Object>>) page.js("""
                return Array.from(document.querySelectorAll('#executions .execution-row')).map(function (r) {
                  const badge = r.querySelector('.badge');
                  const watch = r.querySelector('a.watch');
                  return {id: r.getAttribute('data-execution-id'), status: r.getAttribute('data-status'),
                          badge: badge ? badge.textContent.trim() : null,
                          cancel: r.querySelector('button.cancel') !== null,
                          href: watch ? watch.getAttribute('href') : null};
                });
                """);
    }

    @SuppressWarnings("unchecked")
    private List<String> rowIds() {
        return (List<String>) page.js("return Array.from(document.querySelectorAll('#executions .execution-row'))"
                + ".map(function (r) { return r.getAttribute('data-execution-id'); });");
    }

    @SuppressWarnings("unchecked")
    private List<String> rowStatuses() {
        return (List<String>) page.js("return Array.from(document.querySelectorAll('#executions .execution-row'))"
                + ".map(function (r) { return r.getAttribute('data-status'); });");
    }

    private static String optionText(Select select, String value) {
        return select.getOptions()
            .stream()
            .filter(option -> value.equals(option.getDomAttribute("value")))
            .findFirst()
            .orElseThrow()
            .getText();
    }

    private static int firstIndex(List<String> states, String prefix) {
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> downloadedLines(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> done = files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")).toList();
            if (done.size() != 1) {
                return List.of();
            }
            return Files.readAllLines(done.get(0)).stream().filter(line -> !line.isBlank()).toList();
        }
    }

}
