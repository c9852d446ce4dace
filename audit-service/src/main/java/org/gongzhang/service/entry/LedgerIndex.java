package org.gongzhang.service.entry;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.EventMessage;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.core.book.api.LedgerEvent;
import org.gongzhang.service.axon.RowsWithEvents;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.merkle.ConsistencyProof;
import org.gongzhang.verifier.merkle.MerkleHash;
import org.gongzhang.verifier.merkle.SubtreeProofs;
import org.gongzhang.verifier.merkle.SubtreeProofs.Node;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The service's own record of every accepted entry (index, hash, submission id), written with the
 * entry's event, in the same statement round trip and transaction ({@link RowsWithEvents}). It
 * answers replayed submissions and is a second witness when the event table is tampered with.
 *
 * <p>With each entry it also stores the Merkle subtrees the entry completes ({@code merkle_node})
 * and the book's size, head and compact range ({@code book_log}), so that a root, an inclusion or
 * a consistency proof at any size reads O(log n) rows, and a book's head one.
 */
@Component
public class LedgerIndex implements RowsWithEvents {

    /** How many books' compact ranges this node remembers (about 0.7 KB each at most); past that it forgets them all. */
    static final int REMEMBERED_BOOKS = 10_000;

    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");

    private final JdbcTemplate jdbc;
    /** For reads of a whole book's rows inside a transaction: a cursor, not every row at once. */
    private final JdbcTemplate streaming;
    private final Map<String, Range> ranges = new ConcurrentHashMap<>();

    LedgerIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(4096);
    }

    /**
     * The rows stored with a ledger event, in the round trip of the event's own insert
     * ({@link RowsWithEvents}): nothing for other events.
     */
    @Override
    public Optional<RowsWithEvents.Rows> rowsFor(EventMessage<?> event) {
        if (!(event.getPayload() instanceof LedgerEvent ledgerEvent)) {
            return Optional.empty();
        }
        EntryHeader header = ledgerEvent.header();
        return Optional.of(leaf(header, ledgerEvent.entry().hash(), Timestamp.from(header.recordedAt())));
    }

    /**
     * The entry's index row, the Merkle nodes leaf {@code index} completes and the book's moved-on
     * log row, in one statement. The book's compact range comes from this node's memory when it
     * last appended to the book at exactly this size and that transaction committed, else from the
     * log row. The row must be at exactly {@code index} entries: anything else means two writers
     * raced past the book's lock or the index was altered, and fails the append.
     */
    private RowsWithEvents.Rows leaf(EntryHeader header, String leafHex, Timestamp recordedAt) {
        String book = header.book();
        long index = header.index();
        List<byte[]> range = index == 0 ? new ArrayList<>() : compactRange(book, index);
        MessageDigest sha256 = Digests.newSha256();
        List<Node> completed = SubtreeProofs.completedBy(index);
        Integer[] levels = new Integer[completed.size()];
        Long[] indexes = new Long[completed.size()];
        byte[][] hashes = new byte[completed.size()][];
        byte[] carry = Digests.unhex(leafHex);
        levels[0] = 0;
        indexes[0] = index;
        hashes[0] = carry;
        for (int i = 1; i < completed.size(); i++) {
            sha256.reset();
            sha256.update((byte) 1);
            sha256.update(range.remove(range.size() - 1));
            sha256.update(carry);
            carry = sha256.digest();
            levels[i] = completed.get(i).level();
            indexes[i] = completed.get(i).index();
            hashes[i] = carry;
        }
        range.add(carry);
        ByteBuffer packed = ByteBuffer.allocate(range.size() * MerkleHash.SIZE);
        range.forEach(packed::put);
        byte[] newRange = packed.array();
        // remembered for the rest of the transaction now, not once stored: a later append in it may
        // build its rows before these are sent (HeldAppends, BookWrites#appendTogether)
        rememberAtCommit(book, new Range(index + 1, newRange, leafHex, recordedAt.toInstant()));
        String logRow = index == 0
                ? "insert into book_log (book_id, tree_size, head_hash, head_recorded_at, compact_range) values (?, ?, ?, ?, ?)"
                : "update book_log set tree_size = ?, head_hash = ?, head_recorded_at = ?, compact_range = ? "
                        + "where book_id = ? and tree_size = ?";
        return new RowsWithEvents.Rows() {
            @Override
            public String sql() {
                return ENTRY_AND_NODES + logRow;
            }

            @Override
            public int bind(Connection connection, PreparedStatement statement, int first) throws SQLException {
                int p = first;
                statement.setString(p++, book);
                statement.setLong(p++, index);
                statement.setString(p++, leafHex);
                statement.setString(p++, header.kind());
                statement.setString(p++, header.submission());
                statement.setString(p++, header.actor());
                statement.setTimestamp(p++, recordedAt);
                statement.setString(p++, book);
                statement.setArray(p++, connection.createArrayOf("integer", levels));
                statement.setArray(p++, connection.createArrayOf("bigint", indexes));
                statement.setArray(p++, connection.createArrayOf("bytea", hashes));
                if (index == 0) {
                    statement.setString(p++, book);
                    statement.setLong(p++, 1);
                    statement.setString(p++, leafHex);
                    statement.setTimestamp(p++, recordedAt);
                    statement.setBytes(p++, newRange);
                } else {
                    statement.setLong(p++, index + 1);
                    statement.setString(p++, leafHex);
                    statement.setTimestamp(p++, recordedAt);
                    statement.setBytes(p++, newRange);
                    statement.setString(p++, book);
                    statement.setLong(p++, index);
                }
                return p;
            }

            @Override
            public void stored(int moved) {
                if (moved != 1) {
                    ranges.remove(book);
                    throw new IllegalStateException("book " + book + ": log row moved under entry " + index);
                }
            }
        };
    }

    /** The entry's index row and the Merkle nodes it completes, ahead of the statement that moves the book's log row. */
    private static final String ENTRY_AND_NODES = """
            with entry as (
                insert into ledger_entry (book_id, entry_index, entry_hash, kind, submission_id, actor, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)),
            nodes as (
                insert into merkle_node (book_id, level, node_index, hash)
                select ?, n.level, n.node_index, n.hash from unnest(?::int[], ?::bigint[], ?::bytea[]) as n(level, node_index, hash))
            """;

    /**
     * The book's compact range at {@code size} entries: from an earlier append in the same
     * transaction, remembered from this node's last committed append, or read.
     */
    private List<byte[]> compactRange(String book, long size) {
        Map<String, Range> appendedNow = appendedInTransaction();
        Range remembered = appendedNow == null ? null : appendedNow.get(book);
        if (remembered == null) {
            remembered = ranges.get(book);
        }
        byte[] packed;
        if (remembered != null && remembered.size() == size) {
            packed = remembered.packed();
        } else {
            LogRow row = jdbc.query("select tree_size, compact_range from book_log where book_id = ?",
                    (rs, n) -> new LogRow(rs.getLong(1), rs.getBytes(2)), book).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("book " + book + " has no log row before entry " + size));
            if (row.size() != size) {
                throw new IllegalStateException("book " + book + ": log row at " + row.size() + " entries, entry " + size
                        + " arrived");
            }
            packed = row.range();
        }
        if (packed.length != Long.bitCount(size) * MerkleHash.SIZE) {
            ranges.remove(book);
            throw new IllegalStateException("book " + book + ": compact range of " + packed.length + " bytes at "
                    + size + " entries");
        }
        List<byte[]> range = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(packed);
        while (buffer.hasRemaining()) {
            byte[] hash = new byte[MerkleHash.SIZE];
            buffer.get(hash);
            range.add(hash);
        }
        return range;
    }

    /**
     * Remembers the book's new compact range for the rest of the append's transaction (an import
     * appends many entries in one), and for later appends once it has committed (a range from a
     * transaction rolled back would name an entry that never was). Outside a transaction nothing is
     * remembered.
     */
    private void rememberAtCommit(String book, Range range) {
        ranges.remove(book);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Map<String, Range> appendedNow = appendedInTransaction();
        if (appendedNow == null) {
            Map<String, Range> started = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, started);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    if (ranges.size() + started.size() > REMEMBERED_BOOKS) {
                        ranges.clear();
                    }
                    ranges.putAll(started);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LedgerIndex.this);
                }
            });
            appendedNow = started;
        }
        appendedNow.put(book, range);
    }

    /**
     * The head the current transaction's appends to {@code book} have left it at (their rows may not
     * have been sent yet); empty when the transaction appended nothing to it.
     */
    Optional<BookHead> headInTransaction(String book) {
        Map<String, Range> appendedNow = appendedInTransaction();
        Range range = appendedNow == null ? null : appendedNow.get(book);
        return range == null ? Optional.empty()
                : Optional.of(new BookHead(book, range.size(), range.head(), range.recordedAt()));
    }

    /** The ranges of the books the current transaction appended to, by book; null if none (or no transaction). */
    @SuppressWarnings("unchecked")
    private Map<String, Range> appendedInTransaction() {
        return (Map<String, Range>) TransactionSynchronizationManager.getResource(this);
    }

    /**
     * A book's compact range (the roots of its complete subtrees, largest first) at {@code size}
     * entries, and its head: the last entry's hash (hex) and recording time.
     */
    private record Range(long size, byte[] packed, String head, Instant recordedAt) {
    }

    private record LogRow(long size, byte[] range) {
    }

    /**
     * What an append checks first, in one query: the book's head (empty before its first entry)
     * and the entry submitted under a submission id, if there is one. Parameters: the book twice,
     * then the submission id; {@link SeenRow#read} reads its one row. {@link BookLock} runs it
     * right after taking the book's append lock, in the same round trip.
     */
    static final String SEEN = """
            select l.tree_size, l.head_hash, l.head_recorded_at, e.entry_index, e.entry_hash
            from (select 1) as one
            left join book_log l on l.book_id = ?
            left join ledger_entry e on e.book_id = ? and e.submission_id = ?""";

    /** The row of {@link #SEEN}: the head, and the index and hash of the entry under the submission id (null hash: none). */
    record SeenRow(Optional<BookHead> head, long entryIndex, String entryHash) {

        static SeenRow read(ResultSet rs, String bookId) throws SQLException {
            rs.next();
            Optional<BookHead> head = rs.getString(2) == null ? Optional.empty()
                    : Optional.of(new BookHead(bookId, rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
            return new SeenRow(head, rs.getLong(4), rs.getString(5));
        }
    }

    /** What {@code row} says, with the earlier entry's receipt (its root read from the stored subtrees). */
    Seen seen(String bookId, SeenRow row) {
        return new Seen(row.head(), row.entryHash() == null ? Optional.empty()
                : Optional.of(receipt(bookId, row.entryIndex(), row.entryHash())));
    }

    /** A book's head, and the receipt of an earlier entry under the same submission id. */
    public record Seen(Optional<BookHead> head, Optional<EntryReceipt> submitted) {
    }

    private EntryReceipt receipt(String bookId, long index, String hash) {
        return new EntryReceipt(bookId, index, hash, Digests.hex(root(bookId, index + 1)));
    }

    /**
     * Entry hashes by index, as the service recorded them when it accepted each entry, packed:
     * entry {@code i}'s hash is bytes {@code 32i … 32i+31}. A book of a
     * million entries takes 32 MB this way, against some 110 MB as a list of hex strings. Read
     * through a cursor when called inside a transaction. A hash that is not 64 hex digits (only a
     * hand on the table writes one) is packed as 32 zero bytes, which no entry hashes to.
     */
    public byte[] packedHashes(String bookId) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        byte[] malformed = new byte[32];
        streaming.query("select entry_hash from ledger_entry where book_id = ? order by entry_index", rs -> {
            String hash = rs.getString(1);
            packed.writeBytes(hash != null && HEX_HASH.matcher(hash).matches() ? Digests.unhex(hash) : malformed);
        }, bookId);
        return packed.toByteArray();
    }

    /** The index of the book's last entry of one of {@code kinds}, -1 if none (from the index on kind). */
    public long lastOfKinds(String bookId, List<String> kinds) {
        Long last = jdbc.queryForObject("select max(entry_index) from ledger_entry where book_id = ? and kind = any (?)",
                Long.class, bookId, kinds.toArray(String[]::new));
        return last == null ? -1 : last;
    }

    /** {@link #lastOfKinds(String, List)} for many books in one query; a book without such an entry is absent. */
    public Map<String, Long> lastOfKinds(Collection<String> bookIds, List<String> kinds) {
        Map<String, Long> last = new HashMap<>();
        jdbc.query("""
                select book_id, max(entry_index) from ledger_entry where book_id = any (?) and kind = any (?)
                group by book_id""", rs -> {
                    last.put(rs.getString(1), rs.getLong(2));
                }, bookIds.toArray(String[]::new), kinds.toArray(String[]::new));
        return last;
    }

    /**
     * The book's head as the current transaction sees it: after its own appends (held back until the
     * transaction's appends are sent together, {@link BookWrites#appendTogether}), else as stored.
     */
    public Optional<BookHead> currentHead(String bookId) {
        Optional<BookHead> appended = headInTransaction(bookId);
        return appended.isPresent() ? appended : head(bookId);
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

    /**
     * The first entry under a stored Merkle node that is missing or is not the hash of the entries
     * below it, given the book's first leaf hashes (packed, 32 bytes each); empty when every stored
     * subtree over them is right. Proofs, receipts and checkpoints' roots are built from these
     * nodes alone, so a wrong one would make them disagree with the entries. Reads the nodes level
     * by level and keeps one level of expected hashes at a time; nodes over later entries are
     * passed over.
     */
    public OptionalLong firstWrongSubtree(String bookId, byte[] packedLeaves) {
        List<byte[]> leaves = new ArrayList<>(packedLeaves.length / 32);
        for (int from = 0; from + 32 <= packedLeaves.length; from += 32) {
            leaves.add(Arrays.copyOfRange(packedLeaves, from, from + 32));
        }
        return firstWrongSubtree(bookId, leaves);
    }

    /** {@link #firstWrongSubtree(String, byte[])} of leaf hashes in a list. */
    public OptionalLong firstWrongSubtree(String bookId, List<byte[]> leaves) {
        long size = leaves.size();
        var check = new Object() {
            int level;
            List<byte[]> expected = leaves;
            long next;
            long firstWrong = Long.MAX_VALUE;

            void row(int rowLevel, long index, byte[] hash) {
                while (level < rowLevel) {
                    up();
                }
                if (((index + 1) << level) > size) {
                    return; // a subtree reaching past the entries checked
                }
                if (index > next) {
                    wrong(next); // nodes missing before this one
                }
                if (!Arrays.equals(hash, expected.get((int) index))) {
                    wrong(index);
                }
                next = index + 1;
            }

            /** Closes this level (a node missing at its end) and computes the next one's hashes. */
            void up() {
                if (next < expected.size()) {
                    wrong(next);
                }
                List<byte[]> parents = new ArrayList<>(expected.size() / 2);
                for (int i = 0; i + 1 < expected.size(); i += 2) {
                    parents.add(MerkleHash.node(expected.get(i), expected.get(i + 1)));
                }
                expected = parents;
                level++;
                next = 0;
            }

            void wrong(long index) {
                firstWrong = Math.min(firstWrong, index << level);
            }
        };
        streaming.query("select level, node_index, hash from merkle_node where book_id = ? order by level, node_index",
                rs -> {
                    check.row(rs.getInt(1), rs.getLong(2), rs.getBytes(3));
                }, bookId);
        while (!check.expected.isEmpty()) {
            check.up();
        }
        return check.firstWrong == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(check.firstWrong);
    }

    /** The proof that the tree of {@code from} entries is a prefix of the tree of {@code to}, with both roots. */
    public Proven<ConsistencyProof> consistency(String bookId, long from, long to) {
        Set<Node> wanted = consistencyNodes(from, to);
        Map<Node, byte[]> nodes = nodes(bookId, wanted);
        return new Proven<>(SubtreeProofs.consistencyProof(from, to, nodes), SubtreeProofs.root(from, nodes),
                SubtreeProofs.root(to, nodes));
    }

    /** The stored subtrees a consistency proof from {@code from} to {@code to} entries and both its roots are built from. */
    public static Set<Node> consistencyNodes(long from, long to) {
        Set<Node> wanted = new LinkedHashSet<>(SubtreeProofs.nodesForConsistency(from, to));
        wanted.addAll(SubtreeProofs.nodesForRoot(from));
        wanted.addAll(SubtreeProofs.nodesForRoot(to));
        return wanted;
    }

    /** A proof with the roots it proves about: the old root and the new one. */
    public record Proven<P>(P proof, byte[] fromRoot, byte[] root) {
    }

    /**
     * The stored subtrees of one book named by two arrays (parameters: their levels, their node
     * indexes, then the book), as rows of level, node index and hash: one primary-key probe per node
     * ({@code lateral … limit 1}), never a scan of the book's nodes. As a join, the planner chose a
     * hash join over all of the book's nodes whenever the table's statistics were older than the
     * book's growth (a book of 6,722 entries before autovacuum analysed it: 13,455 rows read for 13
     * nodes, 9.5 ms against 1.6 ms), so a proof's cost grew with its book until the next analyse.
     */
    public static final String SUBTREE_PROBES = """
            select w.level, w.node_index, n.hash
            from unnest(?::int[], ?::bigint[]) as w(level, node_index)
            cross join lateral (select m.hash from merkle_node m
                    where m.book_id = ? and m.level = w.level and m.node_index = w.node_index limit 1) as n""";

    /** {@code found}, the subtrees read of the {@code wanted} ones; a missing one is an error (the index lost a row). */
    public static Map<Node, byte[]> requireAll(String bookId, Map<Node, byte[]> found, int wanted) {
        if (found.size() != wanted) {
            throw new IllegalStateException("book " + bookId + ": " + (wanted - found.size())
                    + " Merkle subtrees missing from the index");
        }
        return found;
    }

    /** The stored subtrees named, in one query ({@link #SUBTREE_PROBES}), all of them ({@link #requireAll}). */
    private Map<Node, byte[]> nodes(String bookId, Collection<Node> wanted) {
        Integer[] levels = wanted.stream().map(Node::level).toArray(Integer[]::new);
        Long[] indexes = wanted.stream().map(Node::index).toArray(Long[]::new);
        Map<Node, byte[]> found = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(SUBTREE_PROBES);
            statement.setArray(1, connection.createArrayOf("integer", levels));
            statement.setArray(2, connection.createArrayOf("bigint", indexes));
            statement.setString(3, bookId);
            return statement;
        }, rs -> {
            found.put(new Node(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
        });
        return requireAll(bookId, found, wanted.size());
    }
}
