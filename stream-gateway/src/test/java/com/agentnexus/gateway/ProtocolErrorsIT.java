package com.agentnexus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProtocolErrorsIT extends GatewayIntegrationTest {

    @Test
    void malformedJsonEarnsAnErrorAndTheConnectionStillAnswers() {
        try (StreamClient client = connect("alice")) {
            client.send("{this is not json");
            JsonNode error = client.awaitMessage(message -> StreamClient.type(message).equals("error"));
            client.roundTrip();

            assertThat(StreamClient.code(error)).isEqualTo("INVALID_JSON");
            assertThat(error.has("executionId")).isFalse();
            assertThat(error.get("timestamp").isIntegralNumber()).isTrue();
        }
    }

    @Test
    void unknownTypeAndInvalidIdsEarnTheirCodes() {
        try (StreamClient client = connect("alice")) {
            client.send("{\"type\":\"dance\"}");
            client.send("{\"type\":\"subscribe\"}");
            client.send("{\"type\":\"subscribe\",\"executionId\":\"not-a-uuid\"}");
            client.send("{\"type\":\"subscribe\",\"executionId\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\"}");
            client.roundTrip();

            assertThat(client.errorCodes()).containsExactly("UNKNOWN_TYPE", "INVALID_EXECUTION_ID",
                    "INVALID_EXECUTION_ID", "INVALID_EXECUTION_ID");
        }
    }

    @Test
    void anExecutionWithoutEventsIsNotFound() {
        ExecutionId unknown = ExecutionFixture.anExecution().executionId();

        try (StreamClient client = connect("alice")) {
            client.subscribe(unknown);

            assertThat(StreamClient.code(client.awaitError(unknown))).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void aBadMessageDoesNotDisturbOtherSubscriptions() {
        ExecutionFixture run = anExecutionWithPendingPublished();

        try (StreamClient client = connect("alice")) {
            client.subscribe(run.executionId());
            client.awaitMessage(message -> message.path("seq").asLong() == 1);
            client.send("[]");
            client.subscribe(run.executionId());
            client.send("{\"type\":\"unsubscribe\",\"executionId\":\"" + ExecutionFixture.anExecution().executionId()
                    + "\"}");
            run.running();
            run.stdout("still here");
            run.completed("{}");
            publish(run.events().subList(1, run.events().size()));

            client.awaitTerminalStatus(run.executionId());
            client.roundTrip();
            assertThat(client.seqsOf(run.executionId())).containsExactly(1L, 2L, 3L, 4L);
            assertThat(client.errorCodes()).containsExactly("INVALID_JSON", "ALREADY_SUBSCRIBED", "NOT_SUBSCRIBED");
        }
    }

    @Test
    void unsubscribeStopsTheStream() {
        ExecutionFixture run = anExecutionWithPendingPublished();

        try (StreamClient client = connect("alice")) {
            client.subscribe(run.executionId());
            client.awaitMessage(message -> message.path("seq").asLong() == 1);
            client.send("{\"type\":\"unsubscribe\",\"executionId\":\"" + run.executionId() + "\"}");
            client.roundTrip();
            run.running();
            run.completed("{}");
            publish(run.events().subList(1, run.events().size()));

            // a second connection sees the terminal status, so the first had every chance
            // to receive it
            try (StreamClient witness = connect("alice")) {
                witness.subscribe(run.executionId());
                witness.awaitTerminalStatus(run.executionId());
            }
            client.roundTrip();
            assertThat(client.seqsOf(run.executionId())).containsExactly(1L);
        }
    }

    private ExecutionFixture anExecutionWithPendingPublished() {
        ExecutionFixture run = ExecutionFixture.anExecution().ownedBy("alice");
        run.pending();
        publish(run.events());
        return run;
    }

}
