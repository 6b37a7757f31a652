package com.agentnexus.execution;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.agentnexus.execution.runner.AgentRunner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module's boundaries: feature packages, no layer packages, runners reachable only through their interface. */
@AnalyzeClasses(packages = "com.agentnexus.execution", importOptions = ImportOption.DoNotIncludeTests.class)
class ExecutionServiceArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles =
            slices().matching("com.agentnexus.execution.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noLayerPackages = noClasses().should()
            .resideInAnyPackage("..controller..", "..service..", "..repository..", "..dto..", "..impl..");

    @ArchTest
    static final ArchRule runnerImplementationsAreKnownOnlyToTheRunnerPackage = classes()
            .that().implement(AgentRunner.class)
            .should().onlyBeAccessed().byAnyPackage("com.agentnexus.execution.runner..");

    @ArchTest
    static final ArchRule theRunnerKnowsNothingOfPublishingOrPersistence = noClasses()
            .that().resideInAPackage("..execution.runner..")
            .should().dependOnClassesThat().resideInAnyPackage("..execution.publishing..", "..execution.executions..",
                    "org.springframework.kafka..", "org.springframework.r2dbc..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule onlyExecutionsAndRecoveryTalkToTheRunner = classes()
            .that().resideInAPackage("..execution.runner..")
            .should().onlyBeAccessed().byAnyPackage("..execution.runner..", "..execution.executions..",
                    "..execution.recovery..");
}
