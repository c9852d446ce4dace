package org.gongzhang.service.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.service.support.Cli;
import org.gongzhang.service.support.ClientKeys;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.Tamper;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Someone with database access changes a book's stored entries behind the service's back. Both
 * the service's own verification ({@code GET /api/books/{book}/verify}) and the offline verifier
 * run on the bundle it exports ({@code ./ledger verify}) must point at the tampered entry.
 *
 * <p>Every test starts from a fresh book that verifies clean: genesis (0), opening balances (1)
 * and three parking-fee vouchers, each recorded, reviewed and posted (2–4, 5–7, 8–10), with a
 * checkpoint signed over all eleven entries, as at period close.
 */
class TamperIT extends ServiceIT {

    /** {@code voucher.recorded} of the 12345.67 voucher, signed by the preparer. */
    private static final long RECORDED = 5;
    /** {@code voucher.reviewed} of the same voucher, signed by the reviewer. */
    private static final long REVIEWED = 6;
    private static final long SIZE = 11;

    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    private Path dir;

    private TestBook book;
    private Tamper tamper;

    @BeforeEach
    void aClosedBookWithThreeVouchers() {
        book = TestBook.open(client);
        book.postVoucher(book.parkingVoucher("100.00"));
        book.postVoucher(book.parkingVoucher("12345.67"));
        book.postVoucher(book.parkingVoucher("300.00"));
        assertThat(book.size()).isEqualTo(SIZE);
        LedgerClient.Answer checkpoint = client.as("zhao-min").post("/api/books/" + book.id + "/checkpoints", "", "en");
        assertThat(checkpoint.status()).as(checkpoint.body()).isEqualTo(200);
        JsonNode verify = verify();
        assertThat(verify.get("ok").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("checkpointSize").asLong()).isEqualTo(SIZE);
        tamper = new Tamper(jdbc, book.id);
    }

    @Test
    void aChangedAmountIsReportedAtItsEntry() {
        tamper.replaceInEntry(RECORDED, "12345.67", "12345.68");

        assertServiceReports(RECORDED, "entry.signature.invalid", "witness.entry-altered");
        assertServiceReports(RECORDED + 1, "chain.prev-mismatch");
        assertLedgerVerifyReports(RECORDED, "entry.signature.invalid");
        assertLedgerVerifyReports(RECORDED + 1, "chain.prev-mismatch");
    }

    @Test
    void aChangedAccountIsReportedAtItsEntry() {
        tamper.replaceInEntry(RECORDED, "470101", "470102");

        assertServiceReports(RECORDED, "entry.signature.invalid", "witness.entry-altered");
        assertServiceReports(RECORDED + 1, "chain.prev-mismatch");
        assertLedgerVerifyReports(RECORDED, "entry.signature.invalid");
        assertLedgerVerifyReports(RECORDED + 1, "chain.prev-mismatch");
    }

    @Test
    void aDeletedEntryIsReportedAtItsIndex() {
        tamper.deleteEntry(RECORDED);

        assertServiceReports(RECORDED, "witness.entry-missing", "index.gap", "chain.prev-mismatch");
        assertLedgerVerifyReports(RECORDED, "index.gap", "chain.prev-mismatch");
    }

    @Test
    void swappedEntriesAreReportedAtTheFirstOfThem() {
        tamper.swapEntries(RECORDED, REVIEWED);

        assertServiceReports(RECORDED, "index.gap", "chain.prev-mismatch", "witness.entry-altered");
        assertServiceReports(REVIEWED, "index.gap", "witness.entry-altered");
        assertLedgerVerifyReports(RECORDED, "index.gap", "chain.prev-mismatch");
    }

    /**
     * Proofs, receipts and roots are built from the Merkle subtrees stored as entries are appended;
     * a changed or missing one is reported at the first entry under it (the entries themselves are
     * untouched, so only the service's own witness can see it).
     */
    @Test
    void aChangedOrMissingStoredSubtreeIsReportedAtItsFirstEntry() {
        tamper.flipMerkleNode(1, 3); // entries 6 and 7

        assertServiceReports(6, "witness.subtree-wrong");

        tamper.deleteMerkleNode(0, 1); // entry 1's leaf
        assertServiceReports(1, "witness.subtree-wrong");
    }

    @Test
    void anInsertedEntrySignedByAnUnregisteredKeyIsReportedAtItsIndex() {
        ClientKeys mallory = ClientKeys.generate("agent:mallory-" + book.id, Role.AGENT_PREPARER);
        SignedEntry forged = client.next(mallory, book.id, "voucher.recorded", book.today,
                book.parkingVoucher("99999.00"));
        assertThat(forged.header().index()).isEqualTo(SIZE);
        assertThat(forged.header().prev()).as("chained to the head").isEqualTo(tamper.stored(SIZE - 1).hash());

        tamper.append(forged, "org.gongzhang.core.book.api.VoucherRecordedEvent");

        assertServiceReports(SIZE, "entry.key.unknown", "witness.entry-unknown");
        assertLedgerVerifyReports(SIZE, "entry.key.unknown");
    }

    @Test
    void anEntryThatBypassedTheServiceIsNeverCoveredByANewCheckpoint() {
        SignedEntry bypassing = client.next(book.preparer, book.id, "voucher.recorded", book.today,
                book.parkingVoucher("99999.00"));
        tamper.append(bypassing, "org.gongzhang.core.book.api.VoucherRecordedEvent");

        assertThat(client.as("zhao-min").post("/api/books/" + book.id + "/checkpoints", "", "en").status()).isEqualTo(409);
        assertServiceReports(SIZE, "checkpoint.size-mismatch", "witness.entry-unknown");
        assertThat(client.get("/api/books/" + book.id + "/verify").json().get("checkpointSize").asLong())
                .isEqualTo(SIZE);
        assertLedgerVerifyReports(SIZE, "checkpoint.size-mismatch");
    }

    @Test
    void aSignatureTakenFromAnotherEntryIsReportedAtItsEntry() {
        tamper.replaceSignature(RECORDED, REVIEWED);

        assertServiceReports(RECORDED, "entry.signature.invalid", "witness.entry-altered");
        assertServiceReports(RECORDED + 1, "chain.prev-mismatch");
        assertLedgerVerifyReports(RECORDED, "entry.signature.invalid");
    }

    @Test
    void aTruncatedTailIsReportedAtTheFirstMissingIndex() {
        tamper.deleteEntriesFrom(SIZE - 2);

        assertServiceReports(SIZE - 2, "checkpoint.size-mismatch", "witness.entry-missing");
        assertServiceReports(SIZE - 1, "witness.entry-missing");
        assertLedgerVerifyReports(SIZE - 2, "checkpoint.size-mismatch");
    }

    @Test
    void anAmountChangedInAnExportedBundleIsReportedAtItsEntry() throws IOException {
        Path bundle = exportBundle();
        Cli clean = ledgerVerify(bundle);
        assertThat(clean.exit()).as(clean.toString()).isZero();

        Tamper.rewriteEntries(bundle, lines -> {
            lines.set((int) RECORDED, lines.get((int) RECORDED).replace("12345.67", "12345.68"));
            return lines;
        });

        Cli run = ledgerVerify(bundle);
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("entry " + RECORDED + ": entry.signature.invalid:",
                "entry " + (RECORDED + 1) + ": chain.prev-mismatch:");
    }

    @Test
    void aLineRemovedFromAnExportedBundleIsReportedAtItsEntry() throws IOException {
        Path bundle = exportBundle();
        Cli clean = ledgerVerify(bundle);
        assertThat(clean.exit()).as(clean.toString()).isZero();

        Tamper.rewriteEntries(bundle, lines -> {
            lines.remove((int) RECORDED);
            return lines;
        });

        Cli run = ledgerVerify(bundle);
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("entry " + RECORDED + ": index.gap:",
                "entry " + (SIZE - 1) + ": checkpoint.size-mismatch:");
    }

    // --- the two verifiers ---------------------------------------------------------------------

    private JsonNode verify() {
        LedgerClient.Answer answer = client.get("/api/books/" + book.id + "/verify");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The verify endpoint says not ok, with a finding of each code at {@code index}. */
    private void assertServiceReports(long index, String... codes) {
        JsonNode verify = verify();
        assertThat(verify.get("ok").asBoolean()).as(verify.toString()).isFalse();
        List<String> findings = new ArrayList<>();
        verify.get("findings").forEach(f -> findings.add(f.get("index").asLong() + " " + f.get("code").asText()));
        for (String code : codes) {
            assertThat(findings).as(verify.toString()).contains(index + " " + code);
        }
    }

    /** {@code ./ledger verify} on the bundle the service exports now fails, naming each code at {@code index}. */
    private void assertLedgerVerifyReports(long index, String... codes) {
        Cli run = ledgerVerify(exportBundle());
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("entry " + index + ":");
        for (String code : codes) {
            assertThat(run.out()).contains("entry " + index + ": " + code + ":");
        }
    }

    private Path exportBundle() {
        try {
            Path file = Files.createTempFile(dir, book.id, ".bundle.zip");
            Files.write(file, client.getBytes("/api/books/" + book.id + "/bundle"));
            return file;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Exit code, standard output and standard error of one {@code ./ledger} run. */
    /** {@code ./ledger verify FILE --log-key KEY}, pinning the log key the service publishes. */
    private Cli ledgerVerify(Path bundle) {
        return Cli.run("verify", bundle.toString(), "--log-key", client.get("/api/log-key").body().trim());
    }
}
