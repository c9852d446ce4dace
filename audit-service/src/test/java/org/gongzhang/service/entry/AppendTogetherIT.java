package org.gongzhang.service.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.service.axon.HeldAppends;
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
 * in memory. A few reach the database only when the last is done, all at once; more go in parts of
 * {@link HeldAppends#SEND_AHEAD} while the next are built, in the same transaction. Either way
 * a chain that verifies. An append under a submission id used before fails the whole, whether in
 * the part sent at the end or in one sent ahead (after parts that were stored fine), and nothing of
 * it is stored; the book takes the next entry at its old head.
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
        String used = "used-" + UUID.randomUUID();
        SignedEntry earlier = acceptedUnder(book, used);
        long size = book.size();

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                writes.appendTogether(book.id, () -> {
                    SignedEntry first = voucherAt(book, size, earlier.hash(), UUID.randomUUID().toString(), "6.00");
                    submissions.submit(book.id, first.leaf());
                    submissions.submit(book.id, voucherAt(book, size + 1, first.hash(), used, "7.00").leaf());
                }))).isInstanceOf(RuntimeException.class);

        nothingStoredAndTheBookGoesOn(book, size);
    }

    @Test
    void manyEntriesAppendedTogetherReachTheDatabaseInPartsWhileTheNextAreBuilt() {
        TestBook book = TestBook.open(client);
        JsonNode head = client.get("/api/books/" + book.id + "/head").json();
        long size = head.get("size").asLong();
        int part = HeldAppends.SEND_AHEAD;
        int count = 2 * part + 3;
        List<Long> storedMeanwhile = new ArrayList<>();
        List<EntryReceipt> receipts = new ArrayList<>();

        new TransactionTemplate(transactions).executeWithoutResult(status -> writes.appendTogether(book.id, () -> {
            String prev = head.get("head").asText();
            for (int i = 0; i < count; i++) {
                SignedEntry entry = voucherAt(book, size + i, prev, UUID.randomUUID().toString(), (i + 1) + ".00");
                receipts.add(submissions.submit(book.id, entry.leaf()).receipt());
                prev = entry.hash();
                storedMeanwhile.add(entriesStored(book.id));
            }
            assertThat(entriesStoredElsewhere(book.id)).as("seen outside the transaction before its commit")
                    .isEqualTo(size);
        }));

        // the first part is sent when the part-th entry is held, and has arrived once the second part is sent
        assertThat(storedMeanwhile.subList(0, part - 1)).as("before the first part is full").containsOnly(size);
        assertThat(storedMeanwhile.get(2 * part - 1)).as("once the second part is sent")
                .isGreaterThanOrEqualTo(size + part);
        assertThat(receipts).extracting(EntryReceipt::index)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(size, size + count).boxed().toList());
        assertThat(entriesStored(book.id)).isEqualTo(size + count);
        assertThat(book.size()).isEqualTo(size + count);
        JsonNode verified = client.get("/api/books/" + book.id + "/verify").json();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
        book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("20.00")));
    }

    @Test
    void aSubmissionIdUsedBeforeInAPartSentAheadFailsTheWholeAndStoresNothing() {
        int part = HeldAppends.SEND_AHEAD;
        // in the first part (nothing stored before it), and in the second (after a first part stored fine)
        for (int failing : new int[] {1, part + 2}) {
            TestBook book = TestBook.open(client);
            String used = "used-" + UUID.randomUUID();
            SignedEntry earlier = acceptedUnder(book, used);
            long size = book.size();

            // the whole's last part is the one sent ahead: its failure must end the appends, not the commit
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                assertThatThrownBy(() -> writes.appendTogether(book.id, () -> {
                    String prev = earlier.hash();
                    for (int i = 0; i < 2 * part; i++) {
                        SignedEntry entry = voucherAt(book, size + i, prev,
                                i == failing ? used : UUID.randomUUID().toString(), (i + 1) + ".00");
                        submissions.submit(book.id, entry.leaf());
                        prev = entry.hash();
                    }
                })).as("used at entry %d", failing).isInstanceOf(RuntimeException.class);
                status.setRollbackOnly();
            });

            nothingStoredAndTheBookGoesOn(book, size);
        }
    }

    @Test
    void appendsTogetherNeedTheCallersTransaction() {
        assertThatThrownBy(() -> writes.appendTogether("any-book", () -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    /** A voucher entry accepted in {@code book} under submission id {@code submission}. */
    private SignedEntry acceptedUnder(TestBook book, String submission) {
        JsonNode head = client.get("/api/books/" + book.id + "/head").json();
        SignedEntry entry = voucherAt(book, head.get("size").asLong(), head.get("head").asText(), submission, "5.00");
        book.accept(entry);
        return entry;
    }

    /** Nothing was stored after {@code size} entries, and the book takes its next entry there and verifies. */
    private void nothingStoredAndTheBookGoesOn(TestBook book, long size) {
        assertThat(entriesStored(book.id)).as("entries stored").isEqualTo(size);
        assertThat(book.size()).isEqualTo(size);
        book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("8.00")));
        JsonNode verified = client.get("/api/books/" + book.id + "/verify").json();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
    }

    /** Counted on a connection of its own, outside the appending transaction. */
    private long entriesStoredElsewhere(String book) {
        return new TransactionTemplate(transactions, new org.springframework.transaction.support.DefaultTransactionDefinition(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW))
                .execute(status -> entriesStored(book));
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
