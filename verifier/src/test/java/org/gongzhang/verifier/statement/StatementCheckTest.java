package org.gongzhang.verifier.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.gongzhang.verifier.Finding;
import org.gongzhang.verifier.VerificationReport;
import org.gongzhang.verifier.Verifier;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.bundle.BundleReader;
import org.gongzhang.verifier.bundle.BundleWriter;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.junit.jupiter.api.Test;

/** A statement's figures are recomputed from the entries; every difference is named. */
class StatementCheckTest {

    private final StatementBook march = new StatementBook();

    @Test
    void figuresAreWhatTheEntriesGiveWorkedOutByHand() {
        StatementFigures figures = march.statement().figures();

        assertThat(figures.openingBalance()).isEqualTo(5_100_000);
        assertThat(figures.income()).extracting(StatementFigures.Category::account, StatementFigures.Category::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("470101", 1_234_567L),
                        org.assertj.core.groups.Tuple.tuple("470102", 300_000L));
        assertThat(figures.totalIncome()).isEqualTo(1_534_567);
        assertThat(figures.expenses()).extracting(StatementFigures.Category::account, StatementFigures.Category::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("510101", 600_000L),
                        org.assertj.core.groups.Tuple.tuple("520102", 85_000L));
        assertThat(figures.expenses().get(0).name()).isEqualTo("共用部位及设施维修养护");
        assertThat(figures.transferToMaintenanceFund()).isEqualTo(200_000);
        assertThat(figures.closingBalance()).isEqualTo(5_749_567);
        assertThat(figures.items()).singleElement().satisfies(item -> {
            assertThat(item.entry()).isEqualTo(march.repairPostedAt);
            assertThat(item.voucherId()).isEqualTo(march.repairVoucher);
            assertThat(item.amount()).isEqualTo(600_000);
        });
    }

    @Test
    void aRedVoucherIsSummarisedAsTheLedgerDoesCitingTheOriginalsNumber() {
        StatementFigures all = StatementFigures.compute(BookReplay.of(march.book.entries()), StatementBook.MARCH,
                StatementBook.MARCH, 0);

        assertThat(all.items()).filteredOn(item -> item.amount() < 0).singleElement()
                .satisfies(red -> {
                    assertThat(red.summary()).isEqualTo("注销 3月15日 记-4号凭证");
                    assertThat(red.amount()).isEqualTo(-80_000);
                });
    }

    @Test
    void figuresComputedEntryByEntryAreTheFiguresOfTheWholeReplay() {
        for (long threshold : new long[] {0, StatementBook.THRESHOLD}) {
            for (YearMonth[] periods : new YearMonth[][] {{StatementBook.MARCH, StatementBook.MARCH},
                    {StatementBook.MARCH.minusMonths(1), StatementBook.MARCH.plusMonths(1)},
                    {StatementBook.MARCH.plusMonths(1), StatementBook.MARCH.plusMonths(1)}}) {
                StatementFigures.Computation computation = StatementFigures.computation(periods[0], periods[1], threshold);
                march.book.entries().forEach(entry -> computation.apply(entry.header()));

                StatementFigures whole = StatementFigures.compute(BookReplay.of(march.book.entries()), periods[0],
                        periods[1], threshold);
                assertThat(computation.figures()).as("%s…%s, threshold %d", periods[0], periods[1], threshold)
                        .isEqualTo(whole);
            }
        }
        assertThat(StatementFigures.compute(BookReplay.of(march.book.entries()), StatementBook.MARCH,
                StatementBook.MARCH, 0).items()).as("a book with items to compare").hasSizeGreaterThan(1);
    }

    @Test
    void aTrueStatementVerifiesAndSurvivesTheBundleFile() throws IOException {
        Bundle bundle = march.bundle(march.statement().toJson());
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        BundleWriter.write(bundle, zip);
        Bundle read = BundleReader.read(zip.toByteArray());

        assertThat(read.statement()).isPresent();
        VerificationReport report = Verifier.verify(read, Optional.of(march.book.logKey.verifierKey()));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void anIncomeLineThatDiffersIsNamedWithBothAmounts() {
        List<Finding> findings = tampered(s -> {
            line(s, "income", 0).put("amount", "12345.76");
            s.put("totalIncome", "15345.76").put("closingBalance", "57495.76");
        });

        assertThat(findings).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("statement.figure-mismatch");
            assertThat(f.message()).contains("470101", "12345.76", "12345.67");
        });
    }

    @Test
    void aTotalThatDoesNotAddUpIsReported() {
        List<Finding> findings = tampered(s -> s.put("closingBalance", "58495.67"));

        assertThat(findings).extracting(Finding::code).contains("statement.does-not-add-up", "statement.figure-mismatch");
    }

    @Test
    void aPrintedTotalThatIsNotTheSumOfItsLinesIsReported() {
        List<Finding> findings = tampered(s -> s.put("totalExpenses", "6800.00").put("closingBalance", "57545.67"));

        assertThat(findings).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("statement.does-not-add-up");
            assertThat(f.message()).contains("totalExpenses 6800.00", "6850.00");
        });
    }

    @Test
    void anExpenseLeftOffIsReported() {
        List<Finding> findings = tampered(s -> {
            ((ArrayNode) s.get("expenses")).remove(1);
            s.put("totalExpenses", "6000.00").put("closingBalance", "58345.67");
        });

        assertThat(findings).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("statement.figure-mismatch");
            assertThat(f.message()).contains("520102", "no such line");
        });
    }

    @Test
    void theTransferShownAsAnExpenseIsReported() {
        List<Finding> findings = tampered(s -> {
            ((ArrayNode) s.get("expenses")).addObject().put("account", "5501").put("name", "转入维修资金").put("amount", "2000.00");
            s.put("totalExpenses", "8850.00").put("transferToMaintenanceFund", "0.00");
        });

        assertThat(findings).extracting(Finding::message).anyMatch(m -> m.contains("transferToMaintenanceFund"))
                .anyMatch(m -> m.contains("5501"));
    }

    @Test
    void anItemCitingAnotherPostingOrOutsideTheCheckpointOrLeftOffIsReported() {
        long size = march.statement().checkpointSize();
        assertThat(tampered(s -> line(s, "items", 0).put("entry", march.repairPostedAt - 3)))
                .extracting(Finding::code).contains("statement.item-mismatch", "statement.item-missing");
        assertThat(tampered(s -> line(s, "items", 0).put("entry", size + 5)))
                .extracting(Finding::code).contains("statement.item-not-included");
        assertThat(tampered(s -> ((ArrayNode) s.get("items")).removeAll()))
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo("statement.item-missing");
                    assertThat(f.index()).isEqualTo(march.repairPostedAt);
                });
    }

    @Test
    void aStatementThatRestsOnAnotherCheckpointIsReported() {
        assertThat(tampered(s -> ((ObjectNode) s.get("checkpoint")).put("root", "00".repeat(32))))
                .extracting(Finding::code).contains("statement.checkpoint-mismatch");
    }

    @Test
    void anUnreadableStatementIsOneFinding() {
        VerificationReport report = Verifier.verify(march.bundle("{\"format\":1}"),
                Optional.of(march.book.logKey.verifierKey()));

        assertThat(report.findings()).singleElement().extracting(Finding::code).isEqualTo("statement.unreadable");
    }

    @Test
    void aStatementRequiringACosignatureFailsWithoutOneAndPassesWithTheAuditors() {
        Statement statement = march.statement();
        String json = new Statement(statement.book(), statement.from(), statement.to(), statement.checkpointSize(),
                statement.checkpointRoot(), statement.itemThreshold(), 1, statement.figures()).toJson();
        Bundle plain = march.bundle(json);
        VerificationReport uncosigned = Verifier.verify(plain, Optional.of(march.book.logKey.verifierKey()));
        assertThat(uncosigned.findings()).extracting(Finding::code).containsExactly("cosignature.missing");

        NoteSigner auditor = NoteSigner.of(march.book.auditor.actor(),
                new KeyPair(march.book.auditor.key().publicKey(), march.book.auditor.key().privateKey()));
        String cosigned = SignedNote.parse(plain.checkpoint().orElseThrow()).cosignedBy(auditor).toString();
        Bundle witnessed = new Bundle(plain.manifest(), plain.leaves(), Optional.of(cosigned), plain.statement());
        VerificationReport report = Verifier.verify(witnessed, Optional.of(march.book.logKey.verifierKey()));
        assertThat(report.findings()).isEmpty();
        assertThat(report.witnesses()).containsExactly(march.book.auditor.actor());
    }

    @Test
    void statementJsonRoundTrips() {
        Statement statement = march.statement();
        assertThat(Statement.parse(statement.toJson())).isEqualTo(statement);
    }

    private List<Finding> tampered(Consumer<ObjectNode> change) {
        ObjectNode json = (ObjectNode) CanonicalJson.parse(march.statement().toJson());
        change.accept(json);
        VerificationReport report = Verifier.verify(march.bundle(CanonicalJson.canonicalize(json)),
                Optional.of(march.book.logKey.verifierKey()));
        assertThat(report.ok()).isFalse();
        return report.findings();
    }

    private static ObjectNode line(ObjectNode statement, String list, int index) {
        return (ObjectNode) statement.get(list).get(index);
    }
}
