package com.agentnexus.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The gateway's boundaries: feature packages do not form cycles; the protocol is pure
 * mapping (no Spring, no Kafka); only the Kafka-facing packages touch the Kafka client.
 */
@AnalyzeClasses(packages = "com.agentnexus.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("com.agentnexus.gateway.(*)..")
        .should()
        .beFreeOfCycles();

    @ArchTest
    static final ArchRule protocolIsPureMapping = classes().that()
        .resideInAPackage("..gateway.protocol..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.jspecify..", "tools.jackson..", "com.agentnexus.events..",
                "com.agentnexus.gateway.protocol..");

    @ArchTest
    static final ArchRule onlyKafkaFacingPackagesUseTheKafkaClient = noClasses().that()
        .resideOutsideOfPackages("..gateway.kafka..", "..gateway.live..", "..gateway.replay..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.kafka..");

}
