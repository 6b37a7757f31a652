package com.agentnexus.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.SimpleHttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.SimpleStatusAggregator;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.DefaultHealthContributorRegistry;
import org.springframework.boot.health.registry.DefaultReactiveHealthContributorRegistry;
import reactor.core.publisher.Mono;

/**
 * The readiness meters against stubbed statuses, and their source against a real Boot
 * health endpoint.
 */
class ReadinessMetricsTest {

    private final AtomicReference<Status> readiness = new AtomicReference<>(Status.UP);

    private final MockClock clock = new MockClock();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final ReadinessMetrics metrics = new ReadinessMetrics(readiness::get, clock);

    ReadinessMetricsTest() {
        metrics.bindTo(registry);
    }

    @Test
    void upIsReady() {
        metrics.refresh();

        assertThat(ready()).isEqualTo(1.0);
        assertThat(statuses()).containsEntry("UP", 1.0);
    }

    @Test
    void degradedStillServesSoItIsReady() {
        readiness.set(HealthStatuses.DEGRADED);

        metrics.refresh();

        assertThat(ready()).isEqualTo(1.0);
        assertThat(statuses()).containsEntry("DEGRADED", 1.0).containsEntry("UP", 0.0);
    }

    @Test
    void downAndOutOfServiceAreNotReady() {
        readiness.set(Status.DOWN);
        metrics.refresh();
        assertThat(ready()).isZero();
        assertThat(statuses()).containsEntry("DOWN", 1.0);

        readiness.set(Status.OUT_OF_SERVICE);
        metrics.refresh();
        assertThat(ready()).isZero();
        assertThat(statuses()).containsEntry("OUT_OF_SERVICE", 1.0).containsEntry("DOWN", 0.0);
    }

    @Test
    void everyStatusHasASeriesAndExactlyOneIsCurrent() {
        readiness.set(HealthStatuses.DEGRADED);
        metrics.refresh();

        assertThat(statuses()).containsOnlyKeys("UP", "DEGRADED", "OUT_OF_SERVICE", "DOWN", "UNKNOWN");
        assertThat(statuses().values()).containsExactlyInAnyOrder(1.0, 0.0, 0.0, 0.0, 0.0);
    }

    @Test
    void isNotReadyBeforeTheFirstEvaluation() {
        assertThat(ready()).isZero();
        assertThat(statuses()).containsEntry("UNKNOWN", 1.0);
    }

    @Test
    void anEvaluationOlderThanThreeIntervalsIsUnknown() {
        metrics.refresh();

        clock.add(ReadinessMetrics.INTERVAL.multipliedBy(3));
        assertThat(ready()).isEqualTo(1.0);

        clock.add(Duration.ofMillis(1));
        assertThat(ready()).isZero();
        assertThat(statuses()).containsEntry("UNKNOWN", 1.0).containsEntry("UP", 0.0);
    }

    @Test
    void anEvaluationThatThrowsIsNotReadyAndTheNextOneCounts() {
        var failing = new AtomicReference<RuntimeException>(new IllegalStateException("no health endpoint"));
        var throwingFirst = new ReadinessMetrics(() -> {
            if (failing.get() != null) {
                throw failing.get();
            }
            return Status.UP;
        }, clock);

        throwingFirst.refresh();
        assertThat(throwingFirst.ready()).isFalse();
        assertThat(throwingFirst.current()).isEqualTo(Status.UNKNOWN);

        failing.set(null);
        throwingFirst.refresh();
        assertThat(throwingFirst.ready()).isTrue();
    }

    @Test
    void onceStartedItEvaluatesWithoutAScrapeAndForgetsTheValueWhenStopped() throws InterruptedException {
        var evaluated = new CountDownLatch(1);
        var scheduled = new ReadinessMetrics(() -> {
            evaluated.countDown();
            return Status.UP;
        }, clock);

        scheduled.start();
        try {
            assertThat(evaluated.await(5, TimeUnit.SECONDS)).as("evaluated right after start").isTrue();
            assertThat(scheduled.isRunning()).isTrue();
        }
        finally {
            scheduled.stop();
        }
        assertThat(scheduled.isRunning()).isFalse();
        assertThat(scheduled.ready()).isFalse();
    }

    @Test
    void readsTheReadyGroupOfBootsHealthEndpointIncludingReactiveChecks() {
        var blocking = new DefaultHealthContributorRegistry();
        var reactive = new DefaultReactiveHealthContributorRegistry();
        var heap = new AtomicReference<>(Health.up().build());
        var kafka = new AtomicReference<>(Health.up().build());
        blocking.registerContributor("heap", (HealthIndicator) heap::get);
        reactive.registerContributor("kafka", (ReactiveHealthIndicator) () -> Mono.fromSupplier(kafka::get));
        blocking.registerContributor("notInTheGroup", (HealthIndicator) () -> Health.down().build());
        var groups = HealthEndpointGroups.of(group(name -> true),
                Map.of("ready", group(Set.of("heap", "kafka")::contains)));
        var endpoint = new HealthEndpoint(blocking, reactive, groups, Duration.ofSeconds(10));
        var readyGroup = ReadinessMetrics.readyGroupOf(() -> endpoint);

        assertThat(readyGroup.get()).isEqualTo(Status.UP);

        heap.set(Health.status(HealthStatuses.DEGRADED).build());
        assertThat(readyGroup.get()).isEqualTo(HealthStatuses.DEGRADED);

        kafka.set(Health.down().build());
        assertThat(readyGroup.get()).isEqualTo(Status.DOWN);
    }

    @Test
    void withoutAReadyGroupTheStatusIsUnknown() {
        var groups = HealthEndpointGroups.of(group(name -> true), Map.of());
        var endpoint = new HealthEndpoint(new DefaultHealthContributorRegistry(),
                new DefaultReactiveHealthContributorRegistry(), groups, Duration.ofSeconds(10));

        assertThat(ReadinessMetrics.readyGroupOf(() -> endpoint).get()).isEqualTo(Status.UNKNOWN);
    }

    private double ready() {
        return registry.get("agentnexus.health.ready").gauge().value();
    }

    private Map<String, Double> statuses() {
        return registry.get("agentnexus.health.status")
            .gauges()
            .stream()
            .collect(Collectors.toMap(gauge -> gauge.getId().getTag("status"), gauge -> gauge.value()));
    }

    /**
     * A group as the services configure theirs: DEGRADED ranks between OUT_OF_SERVICE and
     * UP.
     */
    private static HealthEndpointGroup group(Predicate<String> members) {
        return new HealthEndpointGroup() {
            @Override
            public boolean isMember(String name) {
                return members.test(name);
            }

            @Override
            public boolean showComponents(SecurityContext securityContext) {
                return true;
            }

            @Override
            public boolean showDetails(SecurityContext securityContext) {
                return true;
            }

            @Override
            public StatusAggregator getStatusAggregator() {
                return new SimpleStatusAggregator("DOWN", "OUT_OF_SERVICE", "DEGRADED", "UP", "UNKNOWN");
            }

            @Override
            public HttpCodeStatusMapper getHttpCodeStatusMapper() {
                return new SimpleHttpCodeStatusMapper();
            }

            @Override
            public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
                return null;
            }
        };
    }

}
