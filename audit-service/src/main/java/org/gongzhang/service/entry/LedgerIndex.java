package org.gongzhang.service.entry;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.core.book.api.LedgerEvent;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.merkle.ConsistencyProof;
import org.gongzhang.verifier.merkle.InclusionProof;
import org.gongzhang.verifier.merkle.MerkleHash;
import org.gongzhang.verifier.merkle.SubtreeProofs;
import org.gongzhang.verifier.merkle.SubtreeProofs.Node;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The service's own record of every accepted entry (index, hash, submission id), written by a
 * subscribing processor in the same transaction that stores the event. It answers replayed
 * submissions and is a second witness when the event table is tampered with.
 *
 * <p>With each entry it also stores the Merkle subtrees the entry completes ({@code merkle_node})
 * and the book's size, head and compact range ({@code book_log}), so that a root, an inclusion or
 * a consistency proof at any size reads O(log n) rows, and a book's head one.
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
        appendLeaf(header.book(), header.index(), event.entry().hash(), Timestamp.from(header.recordedAt()));
    }

    /**
     * Stores the nodes leaf {@code index} completes and moves the book's row on. The row must be at
     * exactly {@code index} entries: anything else means two writers raced past the book's lock or
     * the index was altered, and fails the append.
     */
    private void appendLeaf(String book, long index, String leafHex, Timestamp recordedAt) {
        List<byte[]> range = new ArrayList<>();
        if (index > 0) {
            LogRow row = jdbc.query("select tree_size, compact_range from book_log where book_id = ?",
                    (rs, n) -> new LogRow(rs.getLong(1), rs.getBytes(2)), book).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("book " + book + " has no log row before entry " + index));
            if (row.size() != index || row.range().length != Long.bitCount(index) * MerkleHash.SIZE) {
                throw new IllegalStateException("book " + book + ": log row at " + row.size() + " entries, entry " + index
                        + " arrived");
            }
            ByteBuffer buffer = ByteBuffer.wrap(row.range());
            while (buffer.hasRemaining()) {
                byte[] hash = new byte[MerkleHash.SIZE];
                buffer.get(hash);
                range.add(hash);
            }
        }
        MessageDigest sha256 = Digests.newSha256();
        List<Node> completed = SubtreeProofs.completedBy(index);
        List<Object[]> rows = new ArrayList<>(completed.size());
        byte[] carry = Digests.unhex(leafHex);
        rows.add(new Object[] {book, 0, index, carry});
        for (int i = 1; i < completed.size(); i++) {
            sha256.reset();
            sha256.update((byte) 1);
            sha256.update(range.remove(range.size() - 1));
            sha256.update(carry);
            carry = sha256.digest();
            rows.add(new Object[] {book, completed.get(i).level(), completed.get(i).index(), carry});
        }
        range.add(carry);
        jdbc.batchUpdate("insert into merkle_node (book_id, level, node_index, hash) values (?, ?, ?, ?)", rows);
        ByteBuffer packed = ByteBuffer.allocate(range.size() * MerkleHash.SIZE);
        range.forEach(packed::put);
        int moved = index == 0
                ? jdbc.update("""
                        insert into book_log (book_id, tree_size, head_hash, head_recorded_at, compact_range)
                        values (?, 1, ?, ?, ?)""", book, leafHex, recordedAt, packed.array())
                : jdbc.update("""
                        update book_log set tree_size = ?, head_hash = ?, head_recorded_at = ?, compact_range = ?
                        where book_id = ? and tree_size = ?""", index + 1, leafHex, recordedAt, packed.array(), book, index);
        if (moved != 1) {
            throw new IllegalStateException("book " + book + ": log row moved under entry " + index);
        }
    }

    private record LogRow(long size, byte[] range) {
    }

    /** The receipt of the entry submitted under {@code submissionId}, rebuilt from the index (a replay's answer). */
    public Optional<EntryReceipt> findBySubmission(String bookId, String submissionId) {
        return jdbc.query("select entry_index, entry_hash from ledger_entry where book_id = ? and submission_id = ?",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}, bookId, submissionId).stream().findFirst()
                .map(found -> {
                    long index = (Long) found[0];
                    return new EntryReceipt(bookId, index, (String) found[1], Digests.hex(root(bookId, index + 1)));
                });
    }

    /** Entry hashes by index, as the service recorded them when it accepted each entry. */
    public List<String> hashes(String bookId) {
        return jdbc.queryForList("select entry_hash from ledger_entry where book_id = ? order by entry_index",
                String.class, bookId);
    }

    /** The index of the book's last entry of one of {@code kinds}, -1 if none (from the index on kind). */
    public long lastOfKinds(String bookId, List<String> kinds) {
        Long last = jdbc.queryForObject("select max(entry_index) from ledger_entry where book_id = ? and kind = any (?)",
                Long.class, bookId, kinds.toArray(String[]::new));
        return last == null ? -1 : last;
    }

    /** The book's size, last entry hash and time, from its one log row. */
    public Optional<BookHead> head(String bookId) {
        return jdbc.query("select tree_size, head_hash, head_recorded_at from book_log where book_id = ?",
                (rs, n) -> new BookHead(bookId, rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                bookId).stream().findFirst();
    }

    /** MTH of the first {@code size} entries (1 ≤ size ≤ the book's size), from O(log n) stored subtrees. */
    public byte[] root(String bookId, long size) {
        return SubtreeProofs.root(size, nodes(bookId, SubtreeProofs.nodesForRoot(size)));
    }

    /** The audit path of entry {@code leaf} in the tree of {@code size} entries, with that tree's root. */
    public Proven<InclusionProof> inclusion(String bookId, long leaf, long size) {
        Collection<Node> wanted = new java.util.LinkedHashSet<>(SubtreeProofs.nodesForInclusion(leaf, size));
        wanted.addAll(SubtreeProofs.nodesForRoot(size));
        wanted.add(new Node(0, leaf));
        Map<Node, byte[]> nodes = nodes(bookId, wanted);
        return new Proven<>(SubtreeProofs.inclusionProof(leaf, size, nodes), nodes.get(new Node(0, leaf)), null,
                SubtreeProofs.root(size, nodes));
    }

    /** The proof that the tree of {@code from} entries is a prefix of the tree of {@code to}, with both roots. */
    public Proven<ConsistencyProof> consistency(String bookId, long from, long to) {
        Collection<Node> wanted = new java.util.LinkedHashSet<>(SubtreeProofs.nodesForConsistency(from, to));
        wanted.addAll(SubtreeProofs.nodesForRoot(from));
        wanted.addAll(SubtreeProofs.nodesForRoot(to));
        Map<Node, byte[]> nodes = nodes(bookId, wanted);
        return new Proven<>(SubtreeProofs.consistencyProof(from, to, nodes), null, SubtreeProofs.root(from, nodes),
                SubtreeProofs.root(to, nodes));
    }

    /** A proof with the hashes it proves about: the leaf (inclusion), the old root (consistency), the root. */
    public record Proven<P>(P proof, byte[] leafHash, byte[] fromRoot, byte[] root) {
    }

    /**
     * The stored subtrees named, in one query: a primary-key lookup per node (the names joined as an
     * array), never a scan of the book's nodes. A missing one is an error (the index lost a row).
     */
    private Map<Node, byte[]> nodes(String bookId, Collection<Node> wanted) {
        Integer[] levels = wanted.stream().map(Node::level).toArray(Integer[]::new);
        Long[] indexes = wanted.stream().map(Node::index).toArray(Long[]::new);
        Map<Node, byte[]> found = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select n.level, n.node_index, n.hash
                    from unnest(?::int[], ?::bigint[]) as w(level, node_index)
                    join merkle_node n on n.book_id = ? and n.level = w.level and n.node_index = w.node_index""");
            statement.setArray(1, connection.createArrayOf("integer", levels));
            statement.setArray(2, connection.createArrayOf("bigint", indexes));
            statement.setString(3, bookId);
            return statement;
        }, rs -> {
            found.put(new Node(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
        });
        if (found.size() != wanted.size()) {
            throw new IllegalStateException("book " + bookId + ": " + (wanted.size() - found.size())
                    + " Merkle subtrees missing from the index");
        }
        return found;
    }
}
