package com.agentnexus.support;

import com.agentnexus.events.Topics;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The three event topics and their partition count. Every service declares them with the same count, because one
 * execution's events must sit on the same partition index of each topic.
 */
@ConfigurationProperties("agentnexus.topics")
public record TopicsProperties(String logs, String status, String resources, int partitions) {

    static final int DEFAULT_PARTITIONS = 3;

    /** Binds {@code agentnexus.topics.*}; anything unset falls back to {@link Topics#DEFAULTS} and 3 partitions. */
    @ConstructorBinding
    public TopicsProperties(@Nullable String logs, @Nullable String status, @Nullable String resources,
            @Nullable Integer partitions) {
        this(logs == null ? Topics.DEFAULTS.logs() : logs,
                status == null ? Topics.DEFAULTS.status() : status,
                resources == null ? Topics.DEFAULTS.resources() : resources,
                partitions == null ? DEFAULT_PARTITIONS : partitions);
    }

    public Topics toTopics() {
        return new Topics(logs, status, resources);
    }
}
