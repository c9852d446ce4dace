package org.gongzhang.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/** Module boundaries of the whole reactor, stated as sentences. */
@AnalyzeClasses(packages = "org.gongzhang", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule ledger_core_does_not_depend_on_the_service = noClasses()
            .that().resideInAPackage("org.gongzhang.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.gongzhang.service..", "org.springframework..");

    @ArchTest
    static final ArchRule the_verifier_depends_on_neither_spring_nor_axon_nor_the_ledger = noClasses()
            .that().resideInAPackage("org.gongzhang.verifier..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                    "org.gongzhang.core..", "org.gongzhang.service..");

    @ArchTest
    static final ArchRule controllers_are_package_private = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule only_the_service_speaks_http = noClasses()
            .that().resideOutsideOfPackage("org.gongzhang.service..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..");
}
