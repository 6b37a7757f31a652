package com.agentnexus.gateway;

import static com.agentnexus.gateway.ReplayAndLiveIT.finishedRun;
import static com.agentnexus.gateway.ReplayAndLiveIT.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionFixture;
import org.junit.jupiter.api.Test;

/**
 * A client may send its first frame the moment it sees the 101 response. That frame once
 * got lost when the upgrade ran off the connection's event loop (see
 * {@code EventLoopUpgradeStrategy}); it did so on a few connections in every fifty.
 */
class ImmediateSubscribeIT extends GatewayIntegrationTest {

    private static final int CONNECTIONS = 50;

    @Test
    void aSubscribeSentRightAfterTheHandshakeIsAnsweredOnEveryConnection() {
        ExecutionFixture run = finishedRun("alice", 2);
        publish(run.events());

        for (int i = 0; i < CONNECTIONS; i++) {
            try (StreamClient client = connect("alice")) {
                client.subscribe(run.executionId());
                client.awaitTerminalStatus(run.executionId());

                assertThat(client.seqsOf(run.executionId())).as("connection %d", i)
                    .containsExactlyElementsOf(seqs(1, run.events().size()));
            }
        }
    }

}
