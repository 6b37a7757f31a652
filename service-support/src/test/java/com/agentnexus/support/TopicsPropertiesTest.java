package com.agentnexus.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.Topics;
import org.junit.jupiter.api.Test;

class TopicsPropertiesTest {

    @Test
    void fallsBackToTheDefaultNamesAndThreePartitions() {
        var props = new TopicsProperties(null, null, null, (Integer) null);

        assertThat(props.toTopics()).isEqualTo(Topics.DEFAULTS);
        assertThat(props.partitions()).isEqualTo(3);
    }

    @Test
    void keepsWhatIsSet() {
        var props = new TopicsProperties("l", null, "r", Integer.valueOf(6));

        assertThat(props.toTopics()).isEqualTo(new Topics("l", Topics.DEFAULTS.status(), "r"));
        assertThat(props.partitions()).isEqualTo(6);
    }
}
