package org.gongzhang.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.modelling.command.AggregateRoot;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.RefusalCode;
import org.junit.jupiter.api.Test;

/** The shape of ledger-core, as sentences that can fail. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gongzhang.core");

    @Test
    void ledger_core_depends_on_no_spring_web_jpa_or_other_module() {
        ArchRule rule = noClasses().that().resideInAPackage("org.gongzhang.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "org.gongzhang.service..", "org.gongzhang.reporting..")
                .allowEmptyShould(false);
        rule.check(CORE);
    }

    @Test
    void aggregates_are_package_private() {
        classes().that().areAnnotatedWith(AggregateRoot.class).should().notBePublic().allowEmptyShould(false).check(CORE);
    }

    @Test
    void messages_are_records_in_api_packages() {
        classes().that().haveSimpleNameEndingWith("Command").or().haveSimpleNameEndingWith("Event").and().areNotInterfaces()
                .should().beRecords().andShould().resideInAPackage("..api..")
                .allowEmptyShould(false).check(CORE);
    }

    @Test
    void refusals_are_raised_only_through_refusal_codes() {
        noClasses().that().doNotBelongToAnyOf(RefusalCode.class, LedgerRefusal.class)
                .should().callConstructor(LedgerRefusal.class, LedgerRefusal.Kind.class, String.class, String.class, Object[].class)
                .orShould().callMethod(LedgerRefusal.class, "invalid", String.class, String.class, Object[].class)
                .allowEmptyShould(false).check(CORE);
    }

    @Test
    void value_types_do_not_know_the_book() {
        noClasses().that().resideInAnyPackage("..core.money..", "..core.period..", "..core.account..", "..core.voucher..",
                        "..core.disclosure..")
                .should().dependOnClassesThat().resideInAPackage("..core.book..")
                .allowEmptyShould(false).check(CORE);
    }

    @Test
    void every_package_has_a_one_line_package_info() throws IOException {
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> packages = files.filter(p -> p.toString().endsWith(".java")).map(Path::getParent).distinct().toList();
            assertThat(packages).isNotEmpty().allSatisfy(dir -> assertThat(dir.resolve("package-info.java")).exists());
        }
    }
}
