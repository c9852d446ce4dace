package org.gongzhang.verifier.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.gongzhang.verifier.Finding;
import org.gongzhang.verifier.VerificationReport;
import org.gongzhang.verifier.Verifier;
import org.gongzhang.verifier.VerifyOptions;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.junit.jupiter.api.Test;

/**
 * A published statement (公示表) rests on the log before its draft, not on the checkpoint of the
 * bundle that later carries it: the verifier checks it against that prefix, finds the signed draft
 * whose content hash it has, and says which version it is and how far it went.
 */
class PublishedStatementTest {

    private final StatementBook march = new StatementBook();
    private final BookFixture book = march.book;

    @Test
    void aPublishedStatementVerifiesOnTheLogBeforeItsDraftAndTheReportNamesItsVersion() {
        String json = march.statement().toJson();
        long draftedAt = book.entries().size();
        String id = publish(json);
        book.recordVoucher(); // the log goes on after the publication

        VerificationReport report = verify(json);

        assertThat(report.findings()).isEmpty();
        assertThat(report.statement()).hasValueSatisfying(v -> {
            assertThat(v.statementId()).isEqualTo(id);
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.draftedAt()).isEqualTo(draftedAt);
            assertThat(v.drafter()).isEqualTo(book.preparer.actor());
            assertThat(v.contentHash()).isEqualTo(Digests.sha256Hex(CanonicalJson.canonicalBytes(json)));
            assertThat(v.signOff()).contains(new StatementVersion.SignOff(book.auditor.actor(), draftedAt + 1));
            assertThat(v.posting()).contains(new StatementVersion.Posting(LocalDate.of(2026, 4, 5),
                    LocalDate.of(2026, 4, 20), draftedAt + 2));
            assertThat(v.supersededBy()).isEmpty();
            assertThat(v.withdrawn()).isFalse();
        });
    }

    @Test
    void figuresChangedAfterSignOffAreNotTheSignedStatement() {
        String signed = march.statement().toJson();
        publish(signed);

        String tampered = changed(signed, s -> {
            ((ObjectNode) s.get("income").get(0)).put("amount", "12445.67");
            s.put("totalIncome", "15445.67").put("closingBalance", "57595.67");
        });

        VerificationReport report = verify(tampered);

        assertThat(report.findings()).extracting(Finding::code).containsExactlyInAnyOrder("statement.not-signed",
                "statement.figure-mismatch", "statement.figure-mismatch", "statement.figure-mismatch");
        assertThat(report.findings()).filteredOn(f -> f.code().equals("statement.not-signed")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(Statement.contentHash(tampered)));
        assertThat(report.statement()).isEmpty();
    }

    @Test
    void aChangeThatLeavesEveryFigureRightStillIsNotTheSignedStatement() {
        String signed = march.statement().toJson();
        publish(signed);

        VerificationReport report = verify(changed(signed, s -> s.put("itemThreshold", "6000.01").putArray("items")));

        assertThat(report.findings()).extracting(Finding::code).containsExactly("statement.not-signed");
    }

    @Test
    void aStatementOnAnEarlierCheckpointWithAnotherRootIsReported() {
        String json = changed(march.statement().toJson(), s -> ((ObjectNode) s.get("checkpoint")).put("root", "ab".repeat(32)));
        book.recordVoucher();

        VerificationReport report = verify(json);

        assertThat(report.findings()).extracting(Finding::code)
                .containsExactlyInAnyOrder("statement.checkpoint-mismatch", "statement.not-signed");
        assertThat(report.findings().get(0).message()).contains("ab".repeat(32), "the first " + (book.entries().size() - 1));
    }

    @Test
    void aDraftNotYetSignedOffIsNamedAndSaysSo() {
        String json = march.statement().toJson();
        book.draftStatement(json);

        VerificationReport report = verify(json);

        assertThat(report.findings()).isEmpty();
        assertThat(report.statement()).hasValueSatisfying(v -> {
            assertThat(v.signOff()).isEmpty();
            assertThat(v.posting()).isEmpty();
        });
    }

    @Test
    void aWithdrawnDraftSaysSo() {
        String json = march.statement().toJson();
        String id = book.draftStatement(json);
        book.append(book.reviewer, "statement.withdrawn", BookFixture.payload("statementId", id).put("reason", "漏记审计费"));

        assertThat(verify(json).statement()).hasValueSatisfying(v -> assertThat(v.withdrawn()).isTrue());
    }

    @Test
    void aPublishedCorrectionSupersedesTheFirstVersionAndBothStayVerifiable() {
        String first = march.statement().toJson();
        String firstId = publish(first);
        book.postVoucher(); // a March parking fee found after publication
        String second = march.statement().toJson();
        String secondId = book.draftStatement(second, firstId, "补录3月停车费");
        book.signStatement(secondId, second);
        book.publishStatement(secondId, "2026-04-22", "2026-05-06");

        VerificationReport old = verify(first);
        VerificationReport corrected = verify(second);

        assertThat(old.findings()).isEmpty();
        assertThat(old.statement()).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.supersededBy()).contains(secondId);
        });
        assertThat(corrected.findings()).isEmpty();
        assertThat(corrected.statement()).hasValueSatisfying(v -> {
            assertThat(v.statementId()).isEqualTo(secondId);
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.corrects()).contains(firstId);
            assertThat(v.supersededBy()).isEmpty();
        });
    }

    @Test
    void theDraftAndItsStatementMustRestOnTheSameCheckpoint() {
        int size = book.entries().size() - 1;
        Statement earlier = march.statement();
        String json = new Statement(earlier.book(), earlier.from(), earlier.to(), size, Digests.hex(book.root(size)),
                earlier.itemThreshold(), 0, earlier.figures()).toJson();
        ObjectNode payload = BookFixture.payload("statementId", "s-1").put("from", "2026-03").put("to", "2026-03")
                .put("contentHash", Statement.contentHash(json)).putNull("corrects").putNull("reason");
        payload.putObject("checkpoint").put("size", book.entries().size())
                .put("root", Digests.hex(book.root(book.entries().size())));
        long draftedAt = book.append(book.preparer, "statement.drafted", payload).header().index();

        VerificationReport report = verify(json);

        assertThat(report.findings()).extracting(Finding::index, Finding::code)
                .containsExactly(tuple(draftedAt, "statement.checkpoint-mismatch"));
    }

    @Test
    void aStatementOnExactlyTheBundlesCheckpointNeedsNoDraft() {
        VerificationReport report = verify(march.statement().toJson());

        assertThat(report.findings()).isEmpty();
        assertThat(report.statement()).isEmpty();
    }

    private String publish(String json) {
        String id = book.draftStatement(json);
        book.signStatement(id, json);
        book.publishStatement(id, "2026-04-05", "2026-04-20");
        return id;
    }

    private VerificationReport verify(String statementJson) {
        return Verifier.verify(book.bundle().withStatement(statementJson), VerifyOptions.trusting(book.logKey.verifierKey()));
    }

    private static String changed(String json, Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) CanonicalJson.parse(json);
        change.accept(node);
        return CanonicalJson.canonicalize(node);
    }
}
