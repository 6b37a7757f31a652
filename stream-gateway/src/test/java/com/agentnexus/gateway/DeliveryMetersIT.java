package com.agentnexus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.support.ExpositionSample;
import com.agentnexus.support.PrometheusScrape;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The delivery meters after real traffic, as a scraper sees them on /metrics: messages
 * sent, the event-to-socket latency histogram and the outbound queue depths.
 */
class DeliveryMetersIT extends GatewayIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void deliveredEventsShowInTheDeliveryMeters() throws Exception {
        PrometheusScrape before = scrape();
        double sentBefore = before.value("agentnexus_websocket_messages_sent_total");
        double timedBefore = before.value("agentnexus_websocket_event_latency_seconds_count");
        ExecutionFixture run = ExecutionFixture.anExecution().ownedBy("alice");
        publish(List.of(run.pending()));

        try (StreamClient client = connect("alice")) {
            client.subscribe(run.executionId());
            client.awaitMessage(message -> message.path("seq").asLong() == 1);
            // a connection replays one execution at a time: once this one is answered,
            // the
            // first replay is over and what follows is live
            ExecutionId unknown = ExecutionFixture.anExecution().executionId();
            client.subscribe(unknown);
            client.awaitError(unknown);
            for (int i = 0; i < 20; i++) {
                run.stdout("line " + i);
            }
            run.completed("{}");
            publish(run.events().subList(1, run.events().size()));
            int live = run.events().size() - 1;
            int events = run.events().size();
            client.awaitTerminalStatus(run.executionId());
            client.roundTrip();

            // the queue depths are sampled once a second, the open connection among them
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                PrometheusScrape after = scrape();
                // the events, the error and the pong
                assertThat(after.value("agentnexus_websocket_messages_sent_total") - sentBefore)
                    .isGreaterThanOrEqualTo(events + 2);
                // the live events; the replayed PENDING is history, not timed
                assertThat(after.value("agentnexus_websocket_event_latency_seconds_count") - timedBefore)
                    .isGreaterThanOrEqualTo(live);
                assertThat(after.value("agentnexus_websocket_event_latency_seconds_bucket", Map.of("le", "+Inf")))
                    .isEqualTo(after.value("agentnexus_websocket_event_latency_seconds_count"));
                assertThat(after.samples("agentnexus_websocket_event_latency_seconds_bucket"))
                    .extracting(sample -> sample.labels().get("le"))
                    .contains("0.005", "0.1", "1.0", "30.0");
                assertThat(after.value("agentnexus_websocket_outbound_queue_max")).isGreaterThanOrEqualTo(0);
                assertThat(after.value("agentnexus_websocket_outbound_queue_depth_count")).isPositive();
                assertThat(after.samples("agentnexus_websocket_outbound_queue_depth_bucket"))
                    .extracting(sample -> sample.labels().get("le"))
                    .contains("1.0", "8192.0", "+Inf");
            });
        }
    }

    private PrometheusScrape scrape() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<ExpositionSample> samples = ExpositionSample.parse(response.body());
        assertThat(samples).isNotEmpty();
        return PrometheusScrape.of(response.body());
    }

}
