package com.agentnexus.support;

import com.agentnexus.events.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The three event topics and their partition count. Every service declares them with the
 * same count, because one execution's events must sit on the same partition index of each
 * topic. The defaults are declared here only (the services' application.yml files repeat
 * none of them).
 *
 * @param logs Topic of the executions' log lines (stdout and stderr). Every service must
 * use the same name.
 * @param status Topic of the executions' status changes (PENDING, RUNNING, then the
 * terminal status). Every service must use the same name.
 * @param resources Topic of the executions' resource samples (memory, CPU). Every service
 * must use the same name.
 * @param partitions Partitions each of the three topics is created with when a service
 * finds it missing. Every service must use the same count: one execution's events sit on
 * the same partition index of each topic.
 */
@ConfigurationProperties("agentnexus.topics")
public record TopicsProperties(@DefaultValue(Topics.DEFAULT_LOGS) String logs,
        @DefaultValue(Topics.DEFAULT_STATUS) String status, @DefaultValue(Topics.DEFAULT_RESOURCES) String resources,
        @DefaultValue("3") int partitions) {

    public TopicsProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("agentnexus.topics.partitions must be >= 1");
        }
    }

    public Topics toTopics() {
        return new Topics(logs, status, resources);
    }
}
