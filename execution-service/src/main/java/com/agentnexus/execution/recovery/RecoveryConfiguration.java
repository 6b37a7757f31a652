package com.agentnexus.execution.recovery;

import com.agentnexus.execution.publishing.EventPublisher;
import com.agentnexus.execution.publishing.HistoryReader;
import com.agentnexus.execution.runner.Leftovers;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecoveryConfiguration {

    @Bean
    RecoverOrphans recoverOrphans(UnfinishedExecutions executions, HistoryReader history, EventPublisher publisher,
            Leftovers leftovers, Clock clock) {
        return new RecoverOrphans(executions, history, publisher, leftovers, clock);
    }

    /**
     * Before traffic counts as ready, end what a previous process left unfinished (see
     * RecoverOrphans).
     */
    @Bean
    @ConditionalOnProperty(name = "agentnexus.execution.recover-orphans", havingValue = "true", matchIfMissing = true)
    ApplicationRunner orphanRecoveryAtStartup(RecoverOrphans recovery, Clock clock) {
        Instant processStart = clock.instant();
        return args -> recovery.recover(processStart);
    }

}
