package com.agentnexus.execution;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.agentnexus.execution.runner.AgentRunner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module's boundaries: feature packages without cycles, no layer packages, runners
 * reachable only through their interface, and the parts of an execution (executions,
 * output, recovery, publishing, runner) leaning on each other only one way.
 */
@AnalyzeClasses(packages = "com.agentnexus.execution", importOptions = ImportOption.DoNotIncludeTests.class)
class ExecutionServiceArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("com.agentnexus.execution.(*)..")
        .should()
        .beFreeOfCycles();

    @ArchTest
    static final ArchRule noLayerPackages = noClasses().should()
        .resideInAnyPackage("..controller..", "..service..", "..repository..", "..dto..", "..impl..");

    @ArchTest
    static final ArchRule runnerImplementationsAreKnownOnlyToTheRunnerPackage = classes().that()
        .implement(AgentRunner.class)
        .should()
        .onlyBeAccessed()
        .byAnyPackage("com.agentnexus.execution.runner..");

    @ArchTest
    static final ArchRule theRunnerKnowsNothingOfPublishingOrPersistence = noClasses().that()
        .resideInAPackage("..execution.runner..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..execution.publishing..", "..execution.executions..", "..execution.recovery..",
                "..execution.output..", "org.springframework.kafka..", "org.springframework.r2dbc..",
                "org.apache.kafka..");

    @ArchTest
    static final ArchRule onlyExecutionsAndRecoveryTalkToTheRunner = classes().that()
        .resideInAPackage("..execution.runner..")
        .should()
        .onlyBeAccessed()
        .byAnyPackage("..execution.runner..", "..execution.executions..", "..execution.recovery..");

    /**
     * Who may use whom among the parts of an execution (the runner's side is kept by the
     * two rules above). executions drives them and nothing reaches back into it: recovery
     * gets what it needs of the executions through its own interface
     * (UnfinishedExecutions), which executions implements. Each package is reached only
     * through the types it declares public (javac keeps the rest to it); this rule keeps
     * the direction of those uses.
     */
    @ArchTest
    static final ArchRule thePartsOfAnExecutionLeanOnEachOtherOneWay = layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("executions")
        .definedBy("com.agentnexus.execution.executions..")
        .layer("output")
        .definedBy("com.agentnexus.execution.output..")
        .layer("recovery")
        .definedBy("com.agentnexus.execution.recovery..")
        .layer("publishing")
        .definedBy("com.agentnexus.execution.publishing..")
        .whereLayer("recovery")
        .mayOnlyAccessLayers("publishing")
        .whereLayer("recovery")
        .mayOnlyBeAccessedByLayers("executions")
        .whereLayer("publishing")
        .mayOnlyBeAccessedByLayers("executions", "recovery")
        .whereLayer("publishing")
        .mayNotAccessAnyLayer()
        .whereLayer("output")
        .mayOnlyBeAccessedByLayers("executions")
        .whereLayer("output")
        .mayNotAccessAnyLayer()
        .whereLayer("executions")
        .mayNotBeAccessedByAnyLayer();

    /**
     * Log-line handling stands alone: redaction, capping and output capture need nothing
     * else of the service.
     */
    @ArchTest
    static final ArchRule outputDependsOnNothingElseInTheService = classes().that()
        .resideInAPackage("com.agentnexus.execution.output..")
        .should()
        .onlyDependOnClassesThat(resideInAPackage("com.agentnexus.execution.output..")
            .or(resideOutsideOfPackage("com.agentnexus.execution..")));

}
