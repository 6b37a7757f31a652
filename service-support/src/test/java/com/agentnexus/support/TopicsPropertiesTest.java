package com.agentnexus.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.Topics;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TopicsPropertiesTest {

    @Test
    void fallsBackToTheDefaultNamesAndThreePartitions() {
        var props = bind(Map.of());

        assertThat(props.toTopics()).isEqualTo(Topics.DEFAULTS);
        assertThat(props.partitions()).isEqualTo(3);
    }

    @Test
    void keepsWhatIsSet() {
        var props = bind(Map.of("agentnexus.topics.logs", "l", "agentnexus.topics.resources", "r",
                "agentnexus.topics.partitions", "6"));

        assertThat(props.toTopics()).isEqualTo(new Topics("l", Topics.DEFAULTS.status(), "r"));
        assertThat(props.partitions()).isEqualTo(6);
    }

    private static TopicsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("agentnexus.topics",
                TopicsProperties.class);
    }

}
