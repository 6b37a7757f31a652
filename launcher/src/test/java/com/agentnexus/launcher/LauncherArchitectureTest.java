package com.agentnexus.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The launcher runs the services as separate processes; it must never reach into their
 * code or Spring.
 */
@AnalyzeClasses(packages = "com.agentnexus", importOptions = ImportOption.DoNotIncludeTests.class)
class LauncherArchitectureTest {

    @ArchTest
    static final ArchRule talksToServicesOnlyOverTheWire = noClasses().that()
        .resideInAPackage("com.agentnexus.launcher..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.agentnexus.execution..", "com.agentnexus.gateway..", "com.agentnexus.aggregator..",
                "org.springframework..");

}
