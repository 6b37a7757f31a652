package com.agentnexus.gateway.kafka;

import com.agentnexus.events.Topics;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The three event topics. Every service declares them with the same partition count, because one execution's
 * events must sit on the same partition index of each topic.
 */
@ConfigurationProperties("agentnexus.topics")
public record TopicsProperties(String logs, String status, String resources, int partitions) {

    /** Binds {@code agentnexus.topics.*}; anything unset falls back to {@link Topics#DEFAULTS} and 3 partitions. */
    @ConstructorBinding
    public TopicsProperties(@Nullable String logs, @Nullable String status, @Nullable String resources,
            @Nullable Integer partitions) {
        this(logs == null ? Topics.DEFAULTS.logs() : logs,
                status == null ? Topics.DEFAULTS.status() : status,
                resources == null ? Topics.DEFAULTS.resources() : resources,
                partitions == null ? 3 : partitions);
    }

    public Topics topics() {
        return new Topics(logs, status, resources);
    }
}
