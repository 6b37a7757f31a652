package com.agentnexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.launcher.logs.ChildLog;
import com.agentnexus.launcher.logs.LogRotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisedNodeTest {

    private static final RestartPolicy QUICK = new RestartPolicy(Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofMinutes(1), 3);

    @TempDir
    Path dir;

    private final List<FakeNode> incarnations = new CopyOnWriteArrayList<>();

    private final List<SupervisionEvent> events = new CopyOnWriteArrayList<>();

    private final AtomicLong pids = new AtomicLong(100);

    private volatile CountDownLatch readiness = new CountDownLatch(0);

    @Test
    void restartsANodeThatDiedAndReportsBoth() throws Exception {
        try (SupervisedNode node = started()) {
            incarnations.get(0).die(137);

            await().atMost(Duration.ofSeconds(10)).until(() -> node.restarts() == 1);
            assertThat(node.pid()).contains(101L);
            assertThat(events).first().isInstanceOfSatisfying(SupervisionEvent.Died.class, died -> {
                assertThat(died.pid()).isEqualTo(100);
                assertThat(died.exitCode()).isEqualTo(137);
                assertThat(died.lastLines()).containsExactly("started 100");
            });
            assertThat(events).last().isEqualTo(new SupervisionEvent.Restarted("fake", 101, 1));
        }
    }

    @Test
    void givesUpAfterTooManyCrashesInARow() throws Exception {
        try (SupervisedNode node = started()) {
            for (int crash = 0; crash < 3; crash++) {
                int incarnation = crash;
                await().atMost(Duration.ofSeconds(10))
                    .until(() -> incarnations.size() > incarnation && node.pid().isPresent());
                incarnations.get(incarnation).die(1);
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 5);
            assertThat(events).last()
                .isInstanceOfSatisfying(SupervisionEvent.Died.class, died -> assertThat(died.restartIn()).isEmpty());
            assertThat(node.pid()).isEmpty();
        }
    }

    @Test
    void closingDuringARestartStopsTheIncarnationBeingBroughtUp() throws Exception {
        SupervisedNode node = started();
        // the next incarnation never gets ready on its own
        readiness = new CountDownLatch(1);
        incarnations.get(0).die(137);
        await().atMost(Duration.ofSeconds(10)).until(() -> incarnations.size() == 2);

        node.close();

        assertThat(incarnations).allMatch(FakeNode::closed);
        assertThat(events).noneMatch(SupervisionEvent.Restarted.class::isInstance);
    }

    @Test
    void aNodeThatStoppedCleanlyIsNotRestartedButStillClosedWithTheStack() throws Exception {
        SupervisedNode node = started();
        incarnations.get(0).die(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());

        node.close();

        assertThat(events).containsExactly(new SupervisionEvent.Stopped("fake", 100));
        assertThat(incarnations).hasSize(1).allMatch(FakeNode::closed);
    }

    private SupervisedNode started() throws Exception {
        var log = new ChildLog(dir.resolve("fake.log"), LogRotation.DEFAULT);
        SupervisedNode node = SupervisedNode.start("fake", this::incarnation, log, QUICK, events::add);
        node.awaitReady();
        return node;
    }

    private RunningNode incarnation(ChildLog log) {
        var node = new FakeNode(pids.getAndIncrement(), readiness);
        log.line("started " + node.pid());
        incarnations.add(node);
        return node;
    }

    /**
     * A process stand-in: dies when told, ready when its latch opens, records that it was
     * closed.
     */
    private static final class FakeNode implements RunningNode {

        private final long pid;

        private final CountDownLatch ready;

        private final CompletableFuture<Integer> exited = new CompletableFuture<>();

        private volatile boolean closed;

        FakeNode(long pid, CountDownLatch ready) {
            this.pid = pid;
            this.ready = ready;
        }

        void die(int exitCode) {
            exited.complete(exitCode);
        }

        boolean closed() {
            return closed;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public CompletableFuture<Integer> exited() {
            return exited;
        }

        @Override
        public void awaitReady() throws InterruptedException {
            ready.await();
        }

        @Override
        public void close() {
            closed = true;
            exited.complete(143);
        }

    }

}
