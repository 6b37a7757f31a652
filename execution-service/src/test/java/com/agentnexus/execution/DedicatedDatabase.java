package com.agentnexus.execution;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives a {@code @SpringBootTest} class a PostgreSQL of its own (with the shared Kafka
 * broker), started before its context and stopped when the context closes — for tests
 * whose data (added agents, a stopped database) must not reach other classes.
 * {@link DedicatedPostgres#of(Class)} hands the test its database. Orphan recovery is
 * off: a fresh database has nothing to recover.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ContextCustomizerFactories(DedicatedDatabase.Factory.class)
@interface DedicatedDatabase {

    /** Applies to classes annotated with {@link DedicatedDatabase}. */
    final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            return AnnotatedElementUtils.hasAnnotation(testClass, DedicatedDatabase.class) ? new Customizer(testClass)
                    : null;
        }

    }

    /** One per test class, so each class gets its own cached context and database. */
    record Customizer(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            DedicatedPostgres postgres = DedicatedPostgres.of(testClass);
            Map<String, Object> properties = new HashMap<>();
            postgres.register((name, value) -> properties.put(name, value.get()));
            properties.put("agentnexus.execution.recover-orphans", "false");
            context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("dedicatedDatabase", properties));
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) closed -> postgres.stop());
        }
    }

}
