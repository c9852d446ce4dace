package org.gongzhang.service.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.RowFault;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An entry is stored together with its index rows or not at all: when a {@code ledger-index} handler
 * fails (here the index table refuses the row, as it once did for an over-long id), the append is
 * answered with a problem and leaves nothing behind — no event, no index row, the head unchanged —
 * and the same entry is accepted once the fault is gone.
 */
class IndexFailureIT extends ServiceIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFailingIndexHandlerFailsTheWholeAppend() {
        TestBook book = TestBook.open(client);
        long size = book.size();
        long events = events(book.id);
        SignedEntry entry = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("120.00"));

        Answer failed = submitRefusedBy(book, entry, "ledger_entry", "before insert");

        assertThat(failed.status()).as(failed.body()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.json().path("code").asText()).isEqualTo("service.storage.failed");
        assertThat(failed.json().path("detail").asText()).contains("nothing of it was kept");
        assertThat(events(book.id)).as("no event stored without its index").isEqualTo(events);
        assertThat(book.size()).isEqualTo(size);

        book.accept(entry);
        assertThat(book.size()).isEqualTo(size + 1);
        assertThat(events(book.id)).isEqualTo(events + 1);
        assertThat(client.get("/api/books/" + book.id + "/verify").json().path("ok").asBoolean()).isTrue();
    }

    /**
     * The index remembers a book's compact range only once an append has committed: an append that
     * fails at commit (here a deferred trigger refuses the book's moved log row) leaves no trace,
     * and the entries after it, at the same index, still verify and prove.
     */
    @Test
    void anAppendFailingAtCommitLeavesTheNextEntriesProvable() {
        TestBook book = TestBook.open(client);
        book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("10.00")));
        long size = book.size();
        SignedEntry refused = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("20.00"));

        Answer failed = submitRefusedBy(book, refused, "book_log", "after update");
        assertThat(failed.status()).as(failed.body()).isEqualTo(500);
        assertThat(book.size()).isEqualTo(size);

        SignedEntry instead = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("30.00"));
        assertThat(instead.hash()).isNotEqualTo(refused.hash());
        book.accept(instead);
        book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("40.00")));
        assertThat(book.size()).isEqualTo(size + 2);
        assertThat(client.get("/api/books/" + book.id + "/verify").json().path("ok").asBoolean()).isTrue();
        List<byte[]> leaves = jdbc.queryForList("select entry_hash from ledger_entry where book_id = ? order by entry_index",
                String.class, book.id).stream().map(Digests::unhex).toList();
        assertThat(leaves).hasSize((int) size + 2);
        Answer proof = client.get("/api/books/" + book.id + "/proofs/inclusion?index=" + size + "&size=" + (size + 2));
        assertThat(proof.status()).as(proof.body()).isEqualTo(200);
        assertThat(proof.json().path("root").asText()).as("the root from the stored subtrees")
                .isEqualTo(Digests.hex(MerkleTree.root(leaves)));
    }

    /**
     * Submits {@code entry} while a trigger on {@code table} refuses every row of the book: at once
     * when it fires {@code before …}, at commit (a deferred constraint trigger) when {@code after …}.
     */
    private Answer submitRefusedBy(TestBook book, SignedEntry entry, String table, String when) {
        try (RowFault fault = RowFault.refuse(schemaOwner(), table, when, book.id)) {
            return client.submit(entry, "en");
        }
    }

    private long events(String book) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, book);
    }
}
