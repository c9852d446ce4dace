package org.gongzhang.service.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.gongzhang.verifier.entry.SignedEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a book's signed entries straight from the event table, bypassing Axon's deserialization,
 * so that a row someone altered behind the service's back is read as it now is and judged by the
 * verifier, not silently repaired or skipped.
 */
@Component
public class StoredEntries {

    /** Rows fetched per round trip when a book's rows are streamed (a cursor: inside a transaction only). */
    private static final int STREAM_FETCH = 512;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    /** Joins the caller's transaction; else a read-only one of its own, for the cursor to live in. */
    private final TransactionTemplate inTransaction;
    private final ObjectMapper json = new ObjectMapper();

    StoredEntries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(STREAM_FETCH);
        this.inTransaction = new TransactionTemplate(transactions);
        this.inTransaction.setReadOnly(true);
    }

    /** One stored row: its sequence number and the signed entry inside it (null if unreadable). */
    public record Stored(long sequence, SignedEntry entry, String problem) {
    }

    /**
     * Hands the book's first {@code limit} stored rows to {@code row}, in log order, one at a time:
     * read through a cursor, {@value #STREAM_FETCH} rows per round trip, so that a book of any size
     * is read in little memory. In the caller's transaction (whose snapshot it reads), else in a
     * read-only one of its own: a cursor lives in a transaction; outside one the driver would
     * fetch every row at once.
     */
    public void forEach(String bookId, long limit, Consumer<Stored> row) {
        inTransaction.executeWithoutResult(status -> streaming.query("""
                select sequence_number, payload from domain_event_entry
                where aggregate_identifier = ? order by sequence_number limit ?""",
                rs -> {
                    row.accept(read(rs.getLong(1), rs.getBytes(2)));
                }, bookId, limit));
    }

    /** The book's readable entries, in log order, one at a time (see {@link #forEach}). */
    public void forEachReadable(String bookId, Consumer<SignedEntry> entry) {
        forEach(bookId, Long.MAX_VALUE, row -> {
            if (row.entry() != null) {
                entry.accept(row.entry());
            }
        });
    }

    public List<Stored> page(String bookId, long from, int limit) {
        return jdbc.query("""
                select sequence_number, payload from domain_event_entry
                where aggregate_identifier = ? and sequence_number >= ?
                order by sequence_number limit ?""",
                (rs, n) -> read(rs.getLong(1), rs.getBytes(2)), bookId, from, limit);
    }

    /** The book's stored rows whose ledger index says they are of one of {@code kinds}, in log order. */
    public List<Stored> ofKinds(String bookId, List<String> kinds) {
        return jdbc.query("""
                select d.sequence_number, d.payload from domain_event_entry d
                join ledger_entry l on l.book_id = d.aggregate_identifier and l.entry_index = d.sequence_number
                where d.aggregate_identifier = ? and l.kind = any (?) order by d.sequence_number""",
                (rs, n) -> read(rs.getLong(1), rs.getBytes(2)), bookId, kinds.toArray(String[]::new));
    }

    /**
     * The book's entries of one of {@code kinds} that are stored exactly as the service accepted
     * them (the event's entry hashes to the ledger index's hash at the same index), in log order.
     * Reads those entries only, through the index on kind, not the whole book.
     */
    public List<Stored> acceptedOfKinds(String bookId, List<String> kinds) {
        return jdbc.query("""
                select d.sequence_number, d.payload, l.entry_hash from domain_event_entry d
                join ledger_entry l on l.book_id = d.aggregate_identifier and l.entry_index = d.sequence_number
                where d.aggregate_identifier = ? and l.kind = any (?) order by d.sequence_number""",
                (rs, n) -> {
                    Stored row = read(rs.getLong(1), rs.getBytes(2));
                    return row.entry() != null && row.entry().hash().equals(rs.getString(3)) ? row : null;
                }, bookId, kinds.toArray(String[]::new)).stream().filter(java.util.Objects::nonNull).toList();
    }

    private Stored read(long sequence, byte[] payload) {
        try {
            JsonNode signed = json.readTree(payload).path("entry");
            return new Stored(sequence, new SignedEntry(signed.path("entry").textValue(),
                    signed.path("signature").textValue()), null);
        } catch (IOException | RuntimeException e) {
            return new Stored(sequence, null, "unreadable event payload: " + e.getMessage());
        }
    }
}
