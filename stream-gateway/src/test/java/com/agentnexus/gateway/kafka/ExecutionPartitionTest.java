package com.agentnexus.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionId;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class ExecutionPartitionTest {

    @Test
    void matchesTheProducersDefaultPartitionerForKeyedRecords() {
        for (int i = 0; i < 500; i++) {
            ExecutionId id = ExecutionFixture.anExecution().executionId();
            byte[] key = id.toString().getBytes(StandardCharsets.UTF_8);
            for (int partitions : new int[] { 1, 3, 7, 12 }) {
                assertThat(ExecutionPartition.of(id, partitions))
                    .isEqualTo(BuiltInPartitioner.partitionForKey(key, partitions));
            }
        }
    }

    @Test
    void rejectsANonPositivePartitionCount() {
        ExecutionId id = ExecutionFixture.anExecution().executionId();

        assertThatIllegalArgumentException().isThrownBy(() -> ExecutionPartition.of(id, 0));
    }

}
