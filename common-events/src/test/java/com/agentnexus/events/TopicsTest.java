package com.agentnexus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void defaultsToTheDocumentedTopicNames() {
        assertThat(Topics.DEFAULTS.all()).containsExactly("agentnexus.execution.logs", "agentnexus.execution.status",
                "agentnexus.execution.resources");
    }

    @Test
    void routesEachEventTypeToItsOwnTopic() {
        Topics topics = new Topics("l", "s", "r");

        assertThat(topics.topicFor(EventType.LOG)).isEqualTo("l");
        assertThat(topics.topicFor(EventType.STATUS)).isEqualTo("s");
        assertThat(topics.topicFor(EventType.RESOURCE)).isEqualTo("r");
    }

    @Test
    void routesEveryEventOfAnExecutionByItsType() {
        var run = ExecutionFixture.anExecution();

        assertThat(Topics.DEFAULTS.topicFor(run.pending().type())).isEqualTo("agentnexus.execution.status");
        assertThat(Topics.DEFAULTS.topicFor(run.stdout("x").type())).isEqualTo("agentnexus.execution.logs");
        assertThat(Topics.DEFAULTS.topicFor(run.resources(1, 1).type())).isEqualTo("agentnexus.execution.resources");
    }

    @Test
    void rejectsAMissingName() {
        assertThatNullPointerException().isThrownBy(() -> new Topics("l", null, "r")).withMessage("status");
    }

}
