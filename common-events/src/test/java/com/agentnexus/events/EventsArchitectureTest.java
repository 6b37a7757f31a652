package com.agentnexus.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The contract is shared by every service, so it must not drag a framework or a broker
 * client along.
 */
@AnalyzeClasses(packages = "com.agentnexus.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventsArchitectureTest {

    @ArchTest
    static final ArchRule contractDependsOnNeitherSpringNorKafka = noClasses().that()
        .resideInAPackage("com.agentnexus.events..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.apache.kafka..")
        .because("common-events is plain Java shared by every service");

}
