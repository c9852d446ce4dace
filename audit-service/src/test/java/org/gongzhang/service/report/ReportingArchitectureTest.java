package org.gongzhang.service.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The reporting module's place in {@code audit-service → reporting → ledger-core}, stated as sentences. */
@AnalyzeClasses(packages = "org.gongzhang", importOptions = ImportOption.DoNotIncludeTests.class)
class ReportingArchitectureTest {

    @ArchTest
    static final ArchRule reporting_does_not_depend_on_the_service = noClasses()
            .that().resideInAPackage("org.gongzhang.reporting..")
            .should().dependOnClassesThat().resideInAPackage("org.gongzhang.service..");

    @ArchTest
    static final ArchRule reporting_reads_the_ledger_only_through_its_messages_and_values = noClasses()
            .that().resideInAPackage("org.gongzhang.reporting..")
            .should().dependOnClassesThat().resideInAPackage("org.gongzhang.core.book")
            .because("the book aggregate and its rules are the write model; reports are built from its events");

    @ArchTest
    static final ArchRule ledger_core_does_not_depend_on_reporting = noClasses()
            .that().resideInAPackage("org.gongzhang.core..")
            .should().dependOnClassesThat().resideInAPackage("org.gongzhang.reporting..");
}
