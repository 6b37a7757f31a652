package com.agentnexus.launcher.faults;

import com.agentnexus.launcher.StackHandle;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One stack for every scenario class of the run, started by the first that asks and
 * stopped when the whole run ends, right after the table is printed.
 */
final class FaultSuite implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FaultSuite.class);

    /** What a scenario works with. */
    static final class Run implements AutoCloseable {

        final StackHandle stack;

        final StackApi api;

        final KafkaEvents kafka;

        final FaultTable table = new FaultTable();

        final PostgresSwitch postgres;

        private Run(StackHandle stack) {
            this.stack = stack;
            this.postgres = new PostgresSwitch(stack.dataDir().resolve("postgres"));
            this.api = StackApi.of(stack);
            this.kafka = new KafkaEvents(stack.kafkaBootstrap());
        }

        private static Run start() {
            try {
                return new Run(StackHandle.start(Files.createTempDirectory("agentnexus-faults")));
            }
            catch (Exception e) {
                throw new IllegalStateException("the stack did not start", e);
            }
        }

        @Override
        public void close() {
            try {
                table.print(System.out);
            }
            finally {
                stack.close();
                try {
                    postgres.close();
                }
                catch (Exception e) {
                    System.out.println("stopping the restarted PostgreSQL failed: " + e);
                }
            }
        }

    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Run.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Run.class, type -> Run.start(), Run.class);
    }

}
