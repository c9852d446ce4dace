package org.gongzhang.service.log;

import java.util.List;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.entry.BookHead;
import org.gongzhang.service.entry.LedgerIndex;
import org.gongzhang.service.entry.StoredEntries;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.crypto.PublicKeys;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.gongzhang.verifier.merkle.ConsistencyProof;
import org.gongzhang.verifier.merkle.InclusionProof;
import org.springframework.stereotype.Component;

/**
 * Public evidence about one book's log, computed over the entries the service accepted (its own
 * {@link LedgerIndex}, not the event table, which someone with database access could rewrite):
 * signed checkpoints (签名检查点), inclusion proofs (包含证明), consistency proofs (一致性证明) and
 * the registered keys (登记密钥). A root that disagrees with a checkpoint the log key signed at the
 * same size is never served ({@link Checkpoints.InconsistentLog}, 409).
 */
@Component
class ProofService {

    /** The kinds that register or revoke keys ({@link KeyRegistry#apply}); no other entry touches them. */
    private static final List<String> KEY_KINDS = List.of("book.opened", "key.registered", "key.revoked");

    private final BookDirectory books;
    private final LedgerIndex index;
    private final StoredEntries stored;
    private final Checkpoints checkpoints;

    ProofService(BookDirectory books, LedgerIndex index, StoredEntries stored, Checkpoints checkpoints) {
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

    /** The proof that entry {@code leaf} is in the tree of {@code size} entries (default: the latest checkpoint's). */
    InclusionView inclusion(String book, long leaf, Long size) {
        requireBook(book);
        long treeSize = size != null ? size : latestCheckpoint(book).size();
        requireSize(book, treeSize, "size");
        if (leaf < 0 || leaf >= treeSize) {
            throw new LedgerRefusal(Kind.INVALID, "proof.index.out-of-range", "index",
                    String.valueOf(leaf), String.valueOf(treeSize));
        }
        LedgerIndex.Proven<InclusionProof> proven = index.inclusion(book, leaf, treeSize);
        return new InclusionView(book, leaf, treeSize, Digests.hex(proven.leafHash()), proven.proof().hexHashes(),
                checked(book, treeSize, proven.root()));
    }

    /** The proof that the tree of {@code from} entries is a prefix of the tree of {@code to} entries. */
    ConsistencyView consistency(String book, long from, long to) {
        requireBook(book);
        if (from < 1) {
            throw new LedgerRefusal(Kind.INVALID, "proof.consistency.from-empty", "from");
        }
        if (from > to) {
            throw new LedgerRefusal(Kind.INVALID, "proof.consistency.reversed", "from",
                    String.valueOf(from), String.valueOf(to));
        }
        requireSize(book, to, "to");
        LedgerIndex.Proven<ConsistencyProof> proven = index.consistency(book, from, to);
        return new ConsistencyView(book, from, to, proven.proof().hexHashes(), checked(book, from, proven.fromRoot()),
                checked(book, to, proven.root()));
    }

    /** The index of the book's last entry that opened it or registered or revoked a key, -1 if none. */
    long lastKeyEntry(String book) {
        return index.lastOfKinds(book, KEY_KINDS);
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
    private void requireSize(String book, long size, String field) {
        long accepted = index.head(book).map(BookHead::size).orElse(0L);
        if (size < 1 || size > accepted) {
            throw new LedgerRefusal(Kind.INVALID, "proof.size.out-of-range", field,
                    String.valueOf(size), String.valueOf(accepted));
        }
    }

    /** The root (hex) of the first {@code size} entries, checked against a checkpoint signed at the same size. */
    private String checked(String book, long size, byte[] computed) {
        String root = Digests.hex(computed);
        checkpoints.at(book, size).filter(signed -> !signed.root().equals(root)).ifPresent(signed -> {
            throw new Checkpoints.InconsistentLog(book, signed.size(), size);
        });
        return root;
    }

    private void requireBook(String book) {
        books.require(book);
    }
}
