package org.gongzhang.reporting.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shape of the reporting module, as sentences that can fail. */
class ReportingModuleTest {

    private static final JavaClasses REPORTING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gongzhang.reporting");

    @Test
    void only_the_pdf_package_knows_jasperreports_and_qr_codes() {
        noClasses().that().resideOutsideOfPackage("org.gongzhang.reporting.pdf..")
                .should().dependOnClassesThat().resideInAnyPackage("net.sf.jasperreports..", "com.google.zxing..")
                .allowEmptyShould(false).check(REPORTING);
    }

    @Test
    void pdfs_print_report_views_and_never_query_the_read_model() {
        noClasses().that().resideInAPackage("org.gongzhang.reporting.pdf..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gongzhang.reporting.projection..",
                        "org.gongzhang.reporting.book..", "org.gongzhang.reporting.statement..",
                        "org.gongzhang.reporting.balance..", "org.gongzhang.reporting.ledger..",
                        "org.gongzhang.reporting.voucher..", "org.springframework..")
                .allowEmptyShould(false).check(REPORTING);
    }
}
