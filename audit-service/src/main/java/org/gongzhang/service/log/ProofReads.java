package org.gongzhang.service.log;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gongzhang.service.entry.LedgerIndex;
import org.gongzhang.verifier.merkle.SubtreeProofs.Node;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Everything a proof reads, in one statement (one round trip, one snapshot): whether the book
 * exists, how many entries the service accepted into it ({@code book_log}), the stored subtrees the
 * proof is built from ({@code merkle_node}, a primary-key lookup each) and the checkpoints signed at
 * the sizes it names. A proof read these with four or five statements, each on a pooled connection
 * of its own, which made its round trips, not its work, most of its time.
 *
 * <p>Each subtree is one primary-key probe ({@link LedgerIndex#SUBTREE_PROBES}).
 */
@Component
class ProofReads {

    /** What one proof read: the book's existence, its accepted size, the subtrees found, the roots signed at the sizes asked. */
    record Read(boolean bookExists, long accepted, Map<Node, byte[]> nodes, Map<Long, String> signedRoots) {

        /** The subtrees, all of those asked for ({@link LedgerIndex#requireAll}). */
        Map<Node, byte[]> nodes(String book, int wanted) {
            return LedgerIndex.requireAll(book, nodes, wanted);
        }

        /** The root (hex) of the checkpoint the log key signed over exactly {@code size} entries, if any. */
        Optional<String> signedRoot(long size) {
            return Optional.ofNullable(signedRoots.get(size));
        }
    }

    private static final String SQL = """
            select 0, 0, 0::bigint, null::bytea, null::text from book where book_id = ?
            union all
            select 1, 0, l.tree_size, null, null from book_log l where l.book_id = ?
            union all
            select 2, p.level, p.node_index, p.hash, null from (%s) as p
            union all
            select 3, 0, c.tree_size, null, c.root from checkpoint c where c.book_id = ? and c.tree_size = any (?::bigint[])"""
            .formatted(LedgerIndex.SUBTREE_PROBES);

    private final JdbcTemplate jdbc;

    ProofReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads {@code book}'s existence and size, the subtrees {@code wanted} and the checkpoints signed at {@code sizes}. */
    Read read(String book, Collection<Node> wanted, long... sizes) {
        Integer[] levels = wanted.stream().map(Node::level).toArray(Integer[]::new);
        Long[] indexes = wanted.stream().map(Node::index).toArray(Long[]::new);
        Long[] signedAt = Arrays.stream(sizes).boxed().toArray(Long[]::new);
        boolean[] exists = new boolean[1];
        long[] accepted = new long[1];
        Map<Node, byte[]> nodes = new HashMap<>();
        Map<Long, String> roots = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(SQL);
            statement.setString(1, book);
            statement.setString(2, book);
            statement.setArray(3, connection.createArrayOf("integer", levels));
            statement.setArray(4, connection.createArrayOf("bigint", indexes));
            statement.setString(5, book);
            statement.setString(6, book);
            statement.setArray(7, connection.createArrayOf("bigint", signedAt));
            return statement;
        }, rs -> {
            switch (rs.getInt(1)) {
                case 0 -> exists[0] = true;
                case 1 -> accepted[0] = rs.getLong(3);
                case 2 -> nodes.put(new Node(rs.getInt(2), rs.getLong(3)), rs.getBytes(4));
                default -> roots.put(rs.getLong(3), rs.getString(5));
            }
        });
        return new Read(exists[0], accepted[0], nodes, roots);
    }
}
