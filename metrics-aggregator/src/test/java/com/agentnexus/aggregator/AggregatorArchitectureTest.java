package com.agentnexus.aggregator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Kafka stays inside {@code consumption}, and nothing depends on {@code consumption}:
 * meter logic only sees decoded events, so it is unit-testable and a new concern is a new
 * {@link ExecutionEventHandler}.
 */
@AnalyzeClasses(packages = "com.agentnexus.aggregator", importOptions = ImportOption.DoNotIncludeTests.class)
class AggregatorArchitectureTest {

    @ArchTest
    static final ArchRule onlyConsumptionTouchesKafka = noClasses().that()
        .resideOutsideOfPackage("com.agentnexus.aggregator.consumption..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                "com.agentnexus.aggregator.consumption..");

}
