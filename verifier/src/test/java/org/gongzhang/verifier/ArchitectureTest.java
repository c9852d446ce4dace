package org.gongzhang.verifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.gongzhang.verifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule verifier_depends_on_neither_spring_nor_axon = noClasses()
            .that().resideInAPackage("org.gongzhang.verifier..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..");

    @ArchTest
    static final ArchRule the_library_does_not_depend_on_its_command_line = noClasses()
            .that().resideInAPackage("org.gongzhang.verifier..").and().resideOutsideOfPackage("org.gongzhang.verifier.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.gongzhang.verifier.cli..");
}
