package org.gongzhang.service.entry;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.core.book.api.LedgerEvent;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The service's own record of every accepted entry (index, hash, submission id), written by a
 * subscribing processor in the same transaction that stores the event. It answers replayed
 * submissions and is a second witness when the event table is tampered with.
 */
@Component
@ProcessingGroup("ledger-index")
public class LedgerIndex {

    private final JdbcTemplate jdbc;

    LedgerIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LedgerEvent event) {
        EntryHeader header = event.header();
        jdbc.update("""
                insert into ledger_entry (book_id, entry_index, entry_hash, kind, submission_id, actor, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""",
                header.book(), header.index(), event.entry().hash(), header.kind(), header.submission(),
                header.actor(), Timestamp.from(header.recordedAt()));
    }

    /** The receipt of the entry submitted under {@code submissionId}, rebuilt from the index (a replay's answer). */
    public Optional<EntryReceipt> findBySubmission(String bookId, String submissionId) {
        return jdbc.query("select entry_index, entry_hash from ledger_entry where book_id = ? and submission_id = ?",
                (rs, n) -> new long[] {rs.getLong(1)}, bookId, submissionId).stream().findFirst().map(found -> {
                    List<String> hashes = hashes(bookId).subList(0, (int) found[0] + 1);
                    String root = Digests.hex(MerkleTree.root(hashes.stream().map(Digests::unhex).toList()));
                    return new EntryReceipt(bookId, found[0], hashes.get((int) found[0]), root);
                });
    }

    /** Entry hashes by index, as the service recorded them when it accepted each entry. */
    public List<String> hashes(String bookId) {
        return jdbc.queryForList("select entry_hash from ledger_entry where book_id = ? order by entry_index",
                String.class, bookId);
    }

    public Optional<BookHead> head(String bookId) {
        return jdbc.query("""
                select entry_index, entry_hash, recorded_at from ledger_entry
                where book_id = ? order by entry_index desc limit 1""",
                (rs, n) -> new BookHead(bookId, rs.getLong(1) + 1, rs.getString(2), rs.getTimestamp(3).toInstant()),
                bookId).stream().findFirst();
    }
}
