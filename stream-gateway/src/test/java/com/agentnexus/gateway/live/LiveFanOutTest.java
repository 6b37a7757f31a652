package com.agentnexus.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LiveFanOutTest {

    @Test
    void deliversToEveryRegisteredListenerUntilItCancels() {
        var fanOut = new LiveFanOut();
        var run = ExecutionFixture.anExecution();
        List<ExecutionEvent> first = new CopyOnWriteArrayList<>();
        List<ExecutionEvent> second = new CopyOnWriteArrayList<>();
        LiveFanOut.Registration one = fanOut.register(run.executionId(), first::add);
        fanOut.register(run.executionId(), second::add);

        fanOut.dispatch(run.pending());
        one.cancel();
        fanOut.dispatch(run.running());

        assertThat(first).extracting(ExecutionEvent::seq).containsExactly(1L);
        assertThat(second).extracting(ExecutionEvent::seq).containsExactly(1L, 2L);
        assertThat(fanOut.isWatched(run.executionId())).isTrue();
    }

    @Test
    void aRegistrationRacingTheLastCancelIsNeverOrphaned() throws Exception {
        var fanOut = new LiveFanOut();
        var run = ExecutionFixture.anExecution();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int attempt = 0; attempt < 100_000; attempt++) {
                LiveFanOut.Registration leaving = fanOut.register(run.executionId(), event -> {
                });
                var start = new CyclicBarrier(2);
                List<ExecutionEvent> received = new CopyOnWriteArrayList<>();
                Future<LiveFanOut.Registration> joining = pool.submit(() -> {
                    start.await();
                    return fanOut.register(run.executionId(), received::add);
                });
                Future<?> cancelling = pool.submit(() -> {
                    start.await();
                    leaving.cancel();
                    return null;
                });
                LiveFanOut.Registration joined = joining.get();
                cancelling.get();

                assertThat(fanOut.isWatched(run.executionId()))
                    .as("attempt %d: the joining listener must stay registered", attempt)
                    .isTrue();
                fanOut.dispatch(run.stdout("line " + attempt));
                assertThat(received).as("attempt %d", attempt).hasSize(1);
                joined.cancel();
                assertThat(fanOut.isWatched(run.executionId())).isFalse();
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

}
