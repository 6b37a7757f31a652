package com.agentnexus.execution.executions;

import com.agentnexus.events.LogStream;
import com.agentnexus.execution.output.LineCap;
import com.agentnexus.execution.output.LogLineSanitizer;
import com.agentnexus.execution.output.OutputCapture;
import com.agentnexus.execution.publishing.EventSequencer;
import com.agentnexus.execution.publishing.SequenceEndedException;
import com.agentnexus.execution.runner.ResourceSample;
import com.agentnexus.execution.runner.RunListener;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one running execution reports: each line sanitised, capped and published at once;
 * each sample published and folded into the peaks; stdout watched for the output object.
 */
final class ExecutionRun implements RunListener {

    private static final Logger log = LoggerFactory.getLogger(ExecutionRun.class);

    private final EventSequencer events;

    private final LogLineSanitizer sanitizer;

    private final LineCap cap;

    private final OutputCapture output = new OutputCapture();

    private @Nullable Long peakMemoryBytes;

    private @Nullable Double peakCpuPercent;

    ExecutionRun(EventSequencer events, LogLineSanitizer sanitizer, LineCap cap) {
        this.events = events;
        this.sanitizer = sanitizer.forExecution();
        this.cap = cap;
    }

    @Override
    public void line(LogStream stream, String line) {
        String published = cap.apply(sanitizer.sanitize(line));
        if (stream == LogStream.STDOUT) {
            output.offer(published);
        }
        watch(events.log(stream, published));
    }

    @Override
    public void sample(ResourceSample sample) {
        synchronized (this) {
            peakMemoryBytes = peakMemoryBytes == null ? sample.memoryBytes()
                    : Math.max(peakMemoryBytes, sample.memoryBytes());
            peakCpuPercent = peakCpuPercent == null ? sample.cpuPercent()
                    : Math.max(peakCpuPercent, sample.cpuPercent());
        }
        watch(events.resources(sample.memoryBytes(), sample.cpuPercent(), sample.elapsed().toMillis()));
    }

    @Nullable String output() {
        return output.output();
    }

    synchronized @Nullable Long peakMemoryBytes() {
        return peakMemoryBytes;
    }

    synchronized @Nullable Double peakCpuPercent() {
        return peakCpuPercent;
    }

    private static void watch(CompletableFuture<Void> sent) {
        sent.whenComplete((ok, error) -> {
            if (error instanceof SequenceEndedException) {
                log.debug("dropped an event after the terminal status: {}", error.getMessage());
            }
            else if (error != null) {
                log.warn("publishing an execution event failed", error);
            }
        });
    }

}
