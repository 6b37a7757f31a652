package com.agentnexus.launcher.logs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.appender.rolling.DefaultRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.SizeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.NullConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;

/**
 * A text file rotated by size: {@code name.log} is renamed {@code name.1.log} (the older
 * ones shift up, the oldest is deleted) once it exceeds the limit. Log4j's rolling
 * appender does the rotation, detached from any logging configuration: the lines are the
 * child's own output, written as they are, without a pattern of ours.
 */
public final class RotatingLogFile implements AutoCloseable {

    private final RollingFileAppender appender;

    public RotatingLogFile(Path file, LogRotation rotation) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
        // a private configuration: the launcher's own log4j2.xml must not route, filter
        // or reconfigure these lines
        Configuration configuration = new NullConfiguration();
        this.appender = RollingFileAppender.newBuilder()
            .setName("child-log-" + file)
            .withFileName(file.toString())
            .withFilePattern(file.resolveSibling(stem + ".%i.log").toString())
            .withAppend(true)
            // no empty file for a child that never printed anything
            .withCreateOnDemand(true)
            .withPolicy(SizeBasedTriggeringPolicy.createPolicy(rotation.maxBytes() + " B"))
            .withStrategy(DefaultRolloverStrategy.newBuilder()
                .withMin("1")
                .withMax(Integer.toString(rotation.keep()))
                .withFileIndex("min")
                .withConfig(configuration)
                .build())
            .setLayout(PatternLayout.newBuilder()
                .withPattern("%m%n")
                .withCharset(StandardCharsets.UTF_8)
                .withConfiguration(configuration)
                .build())
            .setImmediateFlush(true)
            .setConfiguration(configuration)
            .build();
        appender.start();
    }

    /** Appends one line; rotates first when the file has grown past the limit. */
    public synchronized void append(String line) {
        if (!appender.isStarted()) {
            return; // closed with the stack while a pump still drained the child's last
                    // lines
        }
        appender.append(Log4jLogEvent.newBuilder().setMessage(new SimpleMessage(line)).build());
    }

    @Override
    public synchronized void close() {
        appender.stop();
    }

}
