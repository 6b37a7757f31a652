package com.agentnexus.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Every service depends on this module, so it must know none of them. */
@AnalyzeClasses(packages = "com.agentnexus.support", importOptions = ImportOption.DoNotIncludeTests.class)
class SupportArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoService = noClasses().that()
        .resideInAPackage("com.agentnexus.support..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.agentnexus.execution..", "com.agentnexus.gateway..", "com.agentnexus.aggregator..",
                "com.agentnexus.launcher..")
        .because("service-support is shared by every service");

}
