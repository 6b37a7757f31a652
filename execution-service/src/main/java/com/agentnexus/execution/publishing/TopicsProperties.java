package com.agentnexus.execution.publishing;

import com.agentnexus.events.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Topic names and partition count; all three topics share the partition count so keys align across them. */
@ConfigurationProperties("agentnexus.topics")
record TopicsProperties(
        @DefaultValue("agentnexus.execution.logs") String logs,
        @DefaultValue("agentnexus.execution.status") String status,
        @DefaultValue("agentnexus.execution.resources") String resources,
        @DefaultValue("3") int partitions) {

    Topics topics() {
        return new Topics(logs, status, resources);
    }
}
