package org.gongzhang.service.log;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.entry.LedgerIndex;
import org.gongzhang.service.entry.StoredEntries;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.crypto.PublicKeys;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.gongzhang.verifier.merkle.ConsistencyProof;
import org.gongzhang.verifier.merkle.InclusionProof;
import org.gongzhang.verifier.merkle.SubtreeProofs;
import org.gongzhang.verifier.merkle.SubtreeProofs.Node;
import org.springframework.stereotype.Component;

/**
 * Public evidence about one book's log, computed over the entries the service accepted (its own
 * {@link LedgerIndex}, not the event table, which someone with database access could rewrite):
 * signed checkpoints (签名检查点), inclusion proofs (包含证明), consistency proofs (一致性证明) and
 * the registered keys (登记密钥). A root that disagrees with a checkpoint the log key signed at the
 * same size is never served, nor a proof that does not verify against the root it is served with
 * ({@link Checkpoints.InconsistentLog}, 409).
 */
@Component
class ProofService {

    /** The kinds that register or revoke keys ({@link KeyRegistry#apply}); no other entry touches them. */
    private static final List<String> KEY_KINDS = List.of("book.opened", "key.registered", "key.revoked");

    private final BookDirectory books;
    private final LedgerIndex index;
    private final StoredEntries stored;
    private final Checkpoints checkpoints;
    private final ProofReads reads;

    ProofService(BookDirectory books, LedgerIndex index, StoredEntries stored, Checkpoints checkpoints,
            ProofReads reads) {
        this.reads = reads;
        this.books = books;
        this.index = index;
        this.stored = stored;
        this.checkpoints = checkpoints;
    }

    /** An inclusion proof as served; hashes are lowercase hex, the audit path nearest sibling first. */
    record InclusionView(String book, long index, long size, String leafHash, List<String> hashes, String root) {
    }

    /** A consistency proof as served; {@code hashes} is empty when {@code from == to}. */
    record ConsistencyView(String book, long from, long to, List<String> hashes, String fromRoot, String toRoot) {
    }

    /**
     * A registered key as served. {@code registeredAt} and {@code revokedAt} are entry indexes;
     * {@code revokedAt} is null while the key is valid.
     */
    record KeyView(String keyId, String actor, String role, String suite, String publicKey, long registeredAt,
            Long revokedAt) {

        static KeyView of(RegisteredKey key) {
            return new KeyView(key.keyId(), key.actor(), key.role().name(), key.suite().id(),
                    PublicKeys.toPem(key.publicKeyDer()), key.registeredAt(), key.revoked() ? key.revokedAt() : null);
        }
    }

    /** A signed checkpoint in a list: its tree size and root (hex); fetch the note by size. */
    record CheckpointView(long size, String root) {
    }

    List<CheckpointView> checkpoints(String book) {
        requireBook(book);
        return checkpoints.all(book).stream().map(c -> new CheckpointView(c.size(), c.root())).toList();
    }

    Checkpoints.Stored latestCheckpoint(String book) {
        requireBook(book);
        return checkpoints.latest(book)
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "proof.checkpoint.none", "book", book));
    }

    Checkpoints.Stored checkpoint(String book, long size) {
        requireBook(book);
        return checkpoints.at(book, size).orElseThrow(
                () -> new LedgerRefusal(Kind.NOT_FOUND, "proof.checkpoint.not-found", "size", String.valueOf(size)));
    }

    /**
     * The proof that entry {@code leaf} is in the tree of {@code size} entries (default: the latest
     * checkpoint's), read in one statement ({@link ProofReads}).
     */
    InclusionView inclusion(String book, long leaf, Long size) {
        long treeSize = size != null ? size : latestCheckpoint(book).size();
        boolean asked = treeSize >= 1 && leaf >= 0 && leaf < treeSize;
        Set<Node> wanted = new LinkedHashSet<>();
        if (asked) {
            wanted.addAll(SubtreeProofs.nodesForInclusion(leaf, treeSize));
            wanted.addAll(SubtreeProofs.nodesForRoot(treeSize));
            wanted.add(new Node(0, leaf));
        }
        ProofReads.Read read = reads.read(book, wanted, treeSize);
        requireBook(book, read);
        requireSize(treeSize, read, "size");
        if (!asked) {
            throw new LedgerRefusal(Kind.INVALID, "proof.index.out-of-range", "index",
                    String.valueOf(leaf), String.valueOf(treeSize));
        }
        Map<Node, byte[]> nodes = read.nodes(book, wanted.size());
        byte[] leafHash = nodes.get(new Node(0, leaf));
        byte[] root = SubtreeProofs.root(treeSize, nodes);
        InclusionProof proof = SubtreeProofs.inclusionProof(leaf, treeSize, nodes);
        String checked = checked(book, treeSize, root, read);
        requireVerifies(book, treeSize, proof.verify(leafHash, root));
        return new InclusionView(book, leaf, treeSize, Digests.hex(leafHash), proof.hexHashes(), checked);
    }

    /**
     * The proof that the tree of {@code from} entries is a prefix of the tree of {@code to} entries,
     * read in one statement ({@link ProofReads}).
     */
    ConsistencyView consistency(String book, long from, long to) {
        boolean asked = from >= 1 && from <= to;
        Set<Node> wanted = asked ? LedgerIndex.consistencyNodes(from, to) : Set.of();
        ProofReads.Read read = reads.read(book, wanted, from, to);
        requireBook(book, read);
        if (from < 1) {
            throw new LedgerRefusal(Kind.INVALID, "proof.consistency.from-empty", "from");
        }
        if (from > to) {
            throw new LedgerRefusal(Kind.INVALID, "proof.consistency.reversed", "from",
                    String.valueOf(from), String.valueOf(to));
        }
        requireSize(to, read, "to");
        Map<Node, byte[]> nodes = read.nodes(book, wanted.size());
        byte[] fromRoot = SubtreeProofs.root(from, nodes);
        byte[] toRoot = SubtreeProofs.root(to, nodes);
        ConsistencyProof proof = SubtreeProofs.consistencyProof(from, to, nodes);
        String fromChecked = checked(book, from, fromRoot, read);
        String toChecked = checked(book, to, toRoot, read);
        requireVerifies(book, to, proof.verify(fromRoot, toRoot));
        return new ConsistencyView(book, from, to, proof.hexHashes(), fromChecked, toChecked);
    }

    /** The index of the book's last entry that opened it or registered or revoked a key, -1 if none. */
    long lastKeyEntry(String book) {
        return index.lastOfKinds(book, KEY_KINDS);
    }

    /** {@link #lastKeyEntry} of many books in one query; a book without a key entry (or unknown) is absent. */
    Map<String, Long> lastKeyEntries(Collection<String> books) {
        return index.lastOfKinds(books, KEY_KINDS);
    }

    /** The book's keys as its log registered and revoked them; see {@link #registry}. */
    List<KeyView> keys(String book) {
        return registry(book).all().stream().map(KeyView::of).toList();
    }

    /**
     * The book's key registry as its log registered and revoked keys, replaying only the stored
     * entries that are exactly the entries the service accepted.
     */
    KeyRegistry registry(String book) {
        requireBook(book);
        KeyRegistry registry = new KeyRegistry();
        stored.acceptedOfKinds(book, KEY_KINDS).forEach(row -> registry.apply(row.entry().header()));
        return registry;
    }

    /** Refuses a size outside 1 … the entries accepted. */
    private static void requireSize(long size, ProofReads.Read read, String field) {
        if (size < 1 || size > read.accepted()) {
            throw new LedgerRefusal(Kind.INVALID, "proof.size.out-of-range", field,
                    String.valueOf(size), String.valueOf(read.accepted()));
        }
    }

    /** The root (hex) of the first {@code size} entries, checked against a checkpoint signed at the same size. */
    private static String checked(String book, long size, byte[] computed, ProofReads.Read read) {
        String root = Digests.hex(computed);
        read.signedRoot(size).filter(signed -> !signed.equals(root)).ifPresent(signed -> {
            throw new Checkpoints.InconsistentLog(book, size, size);
        });
        return root;
    }

    /**
     * A proof is served only if it proves what it says: its hashes are stored subtrees too, and one
     * rewritten in the database (a path's sibling, not part of the root's own subtrees) would give a
     * proof that no verifier accepts. Checking it costs O(log n) hashes.
     */
    private static void requireVerifies(String book, long size, boolean verifies) {
        if (!verifies) {
            throw new Checkpoints.InconsistentLog(book, size, size);
        }
    }

    private static void requireBook(String book, ProofReads.Read read) {
        if (!read.bookExists()) {
            throw BookDirectory.notFound(book);
        }
    }

    private void requireBook(String book) {
        books.require(book);
    }
}
