package org.gongzhang.service.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.EntryDraft;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to one book together in one transaction ({@link BookWrites#appendTogether}, a voucher
 * import's chunk): only the first reads the book's head, each later one follows the one before it
 * in memory, and nothing reaches the database before the last is done; then all of it at once, a
 * chain that verifies. An append under a submission id used before fails the whole at that send,
 * and nothing of it is stored; the book takes the next entry at its old head.
 */
class AppendTogetherIT extends ServiceIT {

    @Autowired
    BookWrites writes;
    @Autowired
    EntrySubmissions submissions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void entriesAppendedTogetherReachTheDatabaseOnlyWhenAllAreDoneAndChainInOrder() {
        TestBook book = TestBook.open(client);
        JsonNode head = client.get("/api/books/" + book.id + "/head").json();
        long size = head.get("size").asLong();
        List<Long> storedMeanwhile = new ArrayList<>();
        List<EntryReceipt> receipts = new ArrayList<>();

        new TransactionTemplate(transactions).executeWithoutResult(status -> writes.appendTogether(book.id, () -> {
            String prev = head.get("head").asText();
            for (int i = 0; i < 3; i++) {
                SignedEntry entry = voucherAt(book, size + i, prev, UUID.randomUUID().toString(), "1" + i + ".00");
                receipts.add(submissions.submit(book.id, entry.leaf()).receipt());
                prev = entry.hash();
                // the transaction's own connection: it would see its own rows, were they sent
                storedMeanwhile.add(entriesStored(book.id));
            }
        }));

        assertThat(storedMeanwhile).as("entries in the database while the appends ran").containsOnly(size);
        assertThat(receipts).extracting(EntryReceipt::index).containsExactly(size, size + 1, size + 2);
        assertThat(entriesStored(book.id)).isEqualTo(size + 3);
        assertThat(book.size()).isEqualTo(size + 3);
        JsonNode verified = client.get("/api/books/" + book.id + "/verify").json();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
        book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("20.00")));
    }

    @Test
    void aSubmissionIdUsedBeforeFailsTheWholeAndStoresNothing() {
        TestBook book = TestBook.open(client);
        JsonNode head = client.get("/api/books/" + book.id + "/head").json();
        String used = "used-" + UUID.randomUUID();
        SignedEntry earlier = voucherAt(book, head.get("size").asLong(), head.get("head").asText(), used, "5.00");
        book.accept(earlier);
        long size = book.size();

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                writes.appendTogether(book.id, () -> {
                    SignedEntry first = voucherAt(book, size, earlier.hash(), UUID.randomUUID().toString(), "6.00");
                    submissions.submit(book.id, first.leaf());
                    submissions.submit(book.id, voucherAt(book, size + 1, first.hash(), used, "7.00").leaf());
                }))).isInstanceOf(RuntimeException.class);

        assertThat(entriesStored(book.id)).isEqualTo(size);
        assertThat(book.size()).isEqualTo(size);
        book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("8.00")));
        JsonNode verified = client.get("/api/books/" + book.id + "/verify").json();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
    }

    @Test
    void appendsTogetherNeedTheCallersTransaction() {
        assertThatThrownBy(() -> writes.appendTogether("any-book", () -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    private long entriesStored(String book) {
        return jdbc.queryForObject("select count(*) from ledger_entry where book_id = ?", Long.class, book);
    }

    private static SignedEntry voucherAt(TestBook book, long index, String prev, String submission, String amount) {
        return new EntryDraft(book.id, index, prev, "voucher.recorded", book.preparer.actor(), book.preparer.role(),
                book.preparer.keyId(), book.preparer.suite(), false, submission, Instant.now(), book.today,
                book.parkingVoucher(amount)).sign(book.preparer.pair().getPrivate());
    }
}
