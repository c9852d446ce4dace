package org.gongzhang.service.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.support.Forgery;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.StandaloneService;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.VerificationReport;
import org.gongzhang.verifier.Verifier;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An insider with write access to PostgreSQL — but not to the key store — rewrites or truncates a
 * book behind the service's back. The service keeps the last checkpoint it signed beside the key
 * store, so it signs nothing more for the book, answers 409 {@code book.integrity.failed} for
 * everything derived from it (a warning on its public page), and names it on {@code /actuator/health};
 * the offline verifier, pinning the log key published before, rejects the forged book.
 *
 * <p>Each test starts from a book of eleven entries (genesis, opening balances, three vouchers of
 * three entries each, the second of 12345.67) with a checkpoint signed over all of them.
 */
class BookIntegrityIT {

    private static final long RECORDED = 5;
    private static final long SIZE = 11;

    @TempDir
    Path data;

    @TempDir
    Path keys;

    @Test
    void aBookRewrittenAndResignedWithEverythingTheDatabaseHoldsIsRefused() {
        try (ConfigurableApplicationContext service = StandaloneService.start(data, keys)) {
            LedgerClient client = StandaloneService.client(service);
            TestBook book = aCheckpointedBook(client);
            NoteVerifierKey pinned = NoteVerifierKey.parse(client.get("/api/log-key").body().trim());

            Forgery forgery = new Forgery(service.getBean(JdbcTemplate.class), book.id)
                    .rewrite(RECORDED, "12345.67", "12345.68");

            VerificationReport underItsOwnKey = Verifier.verify(forgery.bundle(), Optional.empty());
            assertThat(underItsOwnKey.ok()).as("the forgery is complete: %s", underItsOwnKey.findings()).isTrue();
            VerificationReport pinning = Verifier.verify(forgery.bundle(), Optional.of(pinned));
            assertThat(pinning.ok()).isFalse();
            assertThat(pinning.findings()).extracting(f -> f.code()).anyMatch(code -> code.startsWith("checkpoint"));

            assertRefused(client.as("zhao-min").post("/api/books/" + book.id + "/checkpoints", "", "en"), book);
            assertNothingServed(client, book);
            assertHealthNames(client, book);
            CustodialKey custodial = service.getBean(CustodialKeys.class).forActor("agent:li-na", Role.AGENT_PREPARER);
            assertThatThrownBy(() -> service.getBean(CustodialSigner.class).submit(custodial, book.id,
                    "voucher.recorded", book.today, book.parkingVoucher("1.00"))).isInstanceOf(BookIntegrityFailed.class);
            assertThat(client.get("/api/log-key").body().trim()).isEqualTo(pinned.toString());
            assertThat(client.get("/api/books/lanyuan-public/head").status()).isEqualTo(200);
        }
    }

    @Test
    void aTruncatedBookIsRefusedBeforeTheNextSignatureAndFromTheNextStart() {
        TestBook book;
        try (ConfigurableApplicationContext service = StandaloneService.start(data, keys)) {
            LedgerClient client = StandaloneService.client(service);
            book = aCheckpointedBook(client);
            truncate(service.getBean(JdbcTemplate.class), book.id, SIZE - 3);

            assertRefused(client.as("zhao-min").post("/api/books/" + book.id + "/checkpoints", "", "en"), book);
            assertNothingServed(client, book);
            assertHealthNames(client, book);
        }
        try (ConfigurableApplicationContext restarted = StandaloneService.start(data, keys)) {
            LedgerClient client = StandaloneService.client(restarted);
            assertNothingServed(client, book);
            assertHealthNames(client, book);
            assertRefused(client.as("zhao-min").post("/api/books/" + book.id + "/checkpoints", "", "en"), book);
            assertThat(client.get("/api/books/lanyuan-public/head").status()).isEqualTo(200);
        }
    }

    private static TestBook aCheckpointedBook(LedgerClient client) {
        TestBook book = TestBook.open(client);
        book.postVoucher(book.parkingVoucher("100.00"));
        book.postVoucher(book.parkingVoucher("12345.67"));
        book.postVoucher(book.parkingVoucher("300.00"));
        assertThat(book.size()).isEqualTo(SIZE);
        LedgerClient.Answer checkpoint = client.as("zhao-min").post("/api/books/" + book.id + "/checkpoints", "", "en");
        assertThat(checkpoint.status()).as(checkpoint.body()).isEqualTo(200);
        assertThat(client.get("/api/books/" + book.id + "/verify").json().get("ok").asBoolean()).isTrue();
        assertThat(client.get("/actuator/health").json().path("components").path("bookIntegrity").path("status").asText())
                .isEqualTo("UP");
        return book;
    }

    /** Deletes entry {@code from} and every later one everywhere the database records them. */
    private static void truncate(JdbcTemplate jdbc, String book, long from) {
        assertThat(jdbc.update("delete from domain_event_entry where aggregate_identifier = ? and sequence_number >= ?",
                book, from)).isEqualTo((int) (SIZE - from));
        assertThat(jdbc.update("delete from ledger_entry where book_id = ? and entry_index >= ?", book, from))
                .isEqualTo((int) (SIZE - from));
        jdbc.queryForList("select ledger_merkle_rebuild(?)", book);
        assertThat(jdbc.update("delete from checkpoint where book_id = ? and tree_size > ?", book, from)).isPositive();
        jdbc.update("delete from snapshot_event_entry where aggregate_identifier = ?", book);
    }

    private static void assertNothingServed(LedgerClient client, TestBook book) {
        String api = "/api/books/" + book.id;
        String periods = "?from=" + book.start + "&to=" + YearMonth.from(book.today);
        for (String path : List.of(api + "/head", api + "/entries", api + "/entries/" + RECORDED, api + "/verify",
                api + "/bundle", api + "/checkpoint", api + "/reports/trial-balance" + periods,
                api + "/reports/trial-balance.pdf" + periods, api + "/reports/statement" + periods,
                api + "/reports/statement.pdf" + periods, api + "/exports/vouchers.csv" + periods)) {
            assertRefused(client.get(path), book);
        }
        LedgerClient.Answer page = client.get("/public/books/" + book.id + "?lang=en");
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.body()).contains("This book failed its integrity check", book.id).doesNotContain("12,345.67");
    }

    private static void assertRefused(LedgerClient.Answer answer, TestBook book) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("code").asText()).isEqualTo("book.integrity.failed");
        assertThat(problem.get("book").asText()).isEqualTo(book.id);
        assertThat(problem.get("checkpointSize").asLong()).isEqualTo(SIZE);
    }

    private static void assertHealthNames(LedgerClient client, TestBook book) {
        LedgerClient.Answer anonymous = client.get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(503);
        assertThat(anonymous.json().path("components").path("bookIntegrity").path("status").asText()).isEqualTo("DOWN");
        assertThat(anonymous.json().path("components").path("bookIntegrity").has("details"))
                .as("details only for an administrator: %s", anonymous.body()).isFalse();
        LedgerClient.Answer health = client.as("admin").get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
        JsonNode failed = health.json().path("components").path("bookIntegrity").path("details").path("failedBooks");
        assertThat(failed.has(book.id)).as(health.body()).isTrue();
        assertThat(failed.path(book.id).path("trustedSize").asLong()).isEqualTo(SIZE);
    }
}
