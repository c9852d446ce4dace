package org.gongzhang.verifier.bundle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.LogKeyChain;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleTree;

/**
 * A bundle (审计包) in memory: everything an auditor needs to check a book without the server.
 *
 * @param manifest   the contents of {@code bundle.json}
 * @param leaves     the lines of {@code entries.jsonl} as read, in index order (each should be a {@link SignedEntry#leaf()})
 * @param checkpoint the text of {@code checkpoint.txt}, a signed note; empty only for an empty book
 * @param statement  the text of {@code statement.json}, when the bundle backs a statement (公示表)
 * @param logKeyRotations the text of {@code log-key-rotations.txt}: the log key rotations
 *                   ({@link LogKeyChain}) up to the key that signed the checkpoint, when the log key
 *                   was ever rotated
 */
public record Bundle(BundleManifest manifest, List<String> leaves, Optional<String> checkpoint, Optional<String> statement,
        Optional<String> logKeyRotations) {

    public Bundle {
        leaves = List.copyOf(leaves);
    }

    /** A bundle without log key rotations. */
    public Bundle(BundleManifest manifest, List<String> leaves, Optional<String> checkpoint, Optional<String> statement) {
        this(manifest, leaves, checkpoint, statement, Optional.empty());
    }

    /** A bundle that backs no statement. */
    public Bundle(BundleManifest manifest, List<String> leaves, Optional<String> checkpoint) {
        this(manifest, leaves, checkpoint, Optional.empty());
    }

    /** The same bundle carrying {@code statementJson} as {@code statement.json}. */
    public Bundle withStatement(String statementJson) {
        return new Bundle(manifest, leaves, checkpoint, Optional.of(statementJson), logKeyRotations);
    }

    /** The same bundle carrying {@code chain} as {@code log-key-rotations.txt}, or none when it is empty. */
    public Bundle withLogKeyRotations(LogKeyChain chain) {
        return new Bundle(manifest, leaves, checkpoint, statement,
                chain.isEmpty() ? Optional.empty() : Optional.of(chain.toString()));
    }

    /** A bundle of all {@code entries}, with a fresh checkpoint over them signed by the log key. */
    public static Bundle signed(String book, List<SignedEntry> entries, NoteSigner logKey, Instant createdAt) {
        Checkpoint checkpoint = Checkpoint.forBook(book, entries.size(), root(entries));
        return of(book, entries, Optional.of(checkpoint.sign(logKey)), logKey.verifierKey(), createdAt);
    }

    /** A bundle of all {@code entries} with a checkpoint the log signed earlier (or none, for an empty book). */
    public static Bundle of(String book, List<SignedEntry> entries, Optional<SignedNote> checkpoint,
            NoteVerifierKey logKey, Instant createdAt) {
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, book, entries.size(),
                Digests.hex(root(entries)), createdAt, logKey.toString());
        return new Bundle(manifest, entries.stream().map(SignedEntry::leaf).toList(), checkpoint.map(SignedNote::toString));
    }

    private static byte[] root(List<SignedEntry> entries) {
        return MerkleTree.root(entries.stream().map(SignedEntry::leafHash).toList());
    }
}
