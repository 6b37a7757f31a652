package com.agentnexus.execution.runner.docker;

import com.agentnexus.events.LogStream;
import com.agentnexus.execution.runner.ResourceSample;
import com.agentnexus.execution.runner.RunListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Keeps everything a run reports, in arrival order. */
final class RecordingListener implements RunListener {

    record Line(LogStream stream, String text) {
    }

    final List<Line> lines = new CopyOnWriteArrayList<>();

    final List<ResourceSample> samples = new CopyOnWriteArrayList<>();

    @Override
    public void line(LogStream stream, String line) {
        lines.add(new Line(stream, line));
    }

    @Override
    public void sample(ResourceSample sample) {
        samples.add(sample);
    }

    List<String> texts(LogStream stream) {
        return lines.stream().filter(line -> line.stream() == stream).map(Line::text).collect(Collectors.toList());
    }

    List<String> texts() {
        return lines.stream().map(Line::text).collect(Collectors.toList());
    }

}
