package org.gongzhang.verifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.bundle.BundleManifest;
import org.gongzhang.verifier.bundle.BundleReader;
import org.gongzhang.verifier.bundle.BundleUnreadable;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleTree;

/**
 * The offline verifier (离线核验): checks a book's signed entries, hash chain, Merkle root and signed
 * checkpoint, trusting nothing but the log key. It reports every finding instead of stopping at
 * the first.
 */
public final class Verifier {

    private Verifier() {
    }

    /**
     * Verifies a bundle file. Without {@code trustedLogKey} the key in {@code bundle.json} is used
     * (trust on first use, said so in the report).
     *
     * @throws IOException when the file cannot be read at all
     */
    public static VerificationReport verify(Path bundleFile, Optional<NoteVerifierKey> trustedLogKey) throws IOException {
        Bundle bundle;
        try {
            bundle = BundleReader.read(bundleFile);
        } catch (BundleUnreadable e) {
            Finding finding = new Finding(Finding.WHOLE_LOG, "bundle.unreadable", e.getMessage());
            return new VerificationReport("", 0, "", trustedLogKey.map(Object::toString).orElse(""),
                    trustedLogKey.isEmpty(), List.of(finding));
        }
        return verify(bundle, trustedLogKey);
    }

    /** Verifies a bundle read into memory; see {@link #verify(Path, Optional)}. */
    public static VerificationReport verify(Bundle bundle, Optional<NoteVerifierKey> trustedLogKey) {
        BundleManifest manifest = bundle.manifest();
        List<Finding> findings = new ArrayList<>();
        Optional<NoteVerifierKey> logKey = trustedLogKey.or(() -> bundleKey(manifest, findings));
        List<byte[]> leafHashes = checkEntries(manifest.book(), bundle.leaves(), findings);
        checkManifest(manifest, leafHashes, findings);
        new CheckpointCheck(manifest.book(), findings).check(bundle.checkpoint(), logKey, leafHashes);
        return report(manifest.book(), leafHashes, logKey, trustedLogKey.isEmpty(), findings);
    }

    /** Verifies entries held in memory against an optional signed checkpoint note and the log key. */
    public static VerificationReport verify(String book, List<SignedEntry> entries, Optional<String> checkpointNote,
            NoteVerifierKey logKey) {
        List<Finding> findings = new ArrayList<>();
        List<byte[]> leafHashes = checkEntries(book, entries.stream().map(SignedEntry::leaf).toList(), findings);
        new CheckpointCheck(book, findings).check(checkpointNote, Optional.of(logKey), leafHashes);
        return report(book, leafHashes, Optional.of(logKey), false, findings);
    }

    private static List<byte[]> checkEntries(String book, List<String> leaves, List<Finding> findings) {
        return EntryChain.check(book, leaves, findings);
    }

    private static void checkManifest(BundleManifest manifest, List<byte[]> leafHashes, List<Finding> findings) {
        if (manifest.size() != leafHashes.size()) {
            findings.add(new Finding(Math.min(manifest.size(), leafHashes.size()), "bundle.size-mismatch",
                    "bundle.json says " + manifest.size() + " entries, entries.jsonl holds " + leafHashes.size()));
        }
        String root = Digests.hex(MerkleTree.root(leafHashes));
        if (!manifest.root().equals(root)) {
            findings.add(new Finding(Finding.WHOLE_LOG, "bundle.root-mismatch",
                    "bundle.json says root " + manifest.root() + ", the entries hash to " + root));
        }
    }

    private static Optional<NoteVerifierKey> bundleKey(BundleManifest manifest, List<Finding> findings) {
        try {
            return Optional.of(NoteVerifierKey.parse(manifest.logKey()));
        } catch (MalformedNote e) {
            findings.add(new Finding(Finding.WHOLE_LOG, "bundle.log-key-invalid", e.getMessage()));
            return Optional.empty();
        }
    }

    private static VerificationReport report(String book, List<byte[]> leafHashes, Optional<NoteVerifierKey> logKey,
            boolean trustOnFirstUse, List<Finding> findings) {
        return new VerificationReport(book, leafHashes.size(), Digests.hex(MerkleTree.root(leafHashes)),
                logKey.map(Object::toString).orElse(""), trustOnFirstUse, findings);
    }
}
