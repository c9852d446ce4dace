package org.gongzhang.verifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.bundle.BundleManifest;
import org.gongzhang.verifier.bundle.BundleReader;
import org.gongzhang.verifier.bundle.BundleUnreadable;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.LogKeyChain;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.gongzhang.verifier.statement.Statement;
import org.gongzhang.verifier.statement.StatementCheck;
import org.gongzhang.verifier.statement.StatementVersion;

/**
 * The offline verifier (离线核验): checks a book's signed entries, hash chain, Merkle root and signed
 * checkpoint, trusting nothing but the log key (followed through the log's key rotations from the
 * one the auditor pinned); on request also the witnesses' cosignatures and
 * that the entries extend a checkpoint the auditor saved earlier. It reports every finding instead
 * of stopping at the first.
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
        return verify(bundleFile, VerifyOptions.defaults().withLogKey(trustedLogKey));
    }

    /**
     * Verifies a bundle file with the auditor's options; see {@link VerifyOptions}.
     *
     * @throws IOException when the file cannot be read at all
     */
    public static VerificationReport verify(Path bundleFile, VerifyOptions options) throws IOException {
        Bundle bundle;
        try {
            bundle = BundleReader.read(bundleFile);
        } catch (BundleUnreadable e) {
            Finding finding = new Finding(Finding.WHOLE_LOG, "bundle.unreadable", e.getMessage());
            return new VerificationReport("", 0, "", options.logKey().map(Object::toString).orElse(""),
                    options.logKey().isEmpty(), List.of(finding));
        }
        return verify(bundle, options);
    }

    /** Verifies a bundle read into memory; see {@link #verify(Path, Optional)}. */
    public static VerificationReport verify(Bundle bundle, Optional<NoteVerifierKey> trustedLogKey) {
        return verify(bundle, VerifyOptions.defaults().withLogKey(trustedLogKey));
    }

    /** Verifies a bundle read into memory with the auditor's options. */
    public static VerificationReport verify(Bundle bundle, VerifyOptions options) {
        BundleManifest manifest = bundle.manifest();
        List<Finding> findings = new ArrayList<>();
        Optional<LogKeyChain.Followed> logKeys = options.logKey().or(() -> bundleKey(manifest, findings))
                .map(pinned -> followRotations(pinned, bundle.logKeyRotations(), findings));
        EntryChain chain = checkEntries(manifest.book(), bundle.leaves(), findings);
        checkManifest(manifest, chain.leafHashes(), findings);
        VerifyOptions effective = options;
        Optional<StatementVersion> published = Optional.empty();
        if (bundle.statement().isPresent()) {
            StatementCheck.Outcome statement = StatementCheck.check(bundle.statement().get(), manifest.book(),
                    readablePrefix(bundle.leaves()), chain.leafHashes(), chain.statements(),
                    checkpointOf(bundle.checkpoint()), findings);
            int required = statement.statement().map(Statement::requiredCosignatures).orElse(0);
            if (required > options.requiredCosignatures()) {
                effective = options.requiringCosignatures(required);
            }
            published = statement.version();
        }
        return checkLog(manifest.book(), chain, bundle.checkpoint(), logKeys, effective, findings, published);
    }

    /**
     * The log keys reached from the pinned one through the bundle's log key rotations; a rotation
     * that is malformed, does not continue the chain, or lacks the old or the new key's signature is
     * a finding, and no key past it is trusted.
     */
    private static LogKeyChain.Followed followRotations(NoteVerifierKey pinned, Optional<String> rotations,
            List<Finding> findings) {
        LogKeyChain.Followed followed;
        try {
            followed = LogKeyChain.parse(rotations.orElse("")).follow(pinned);
        } catch (MalformedNote e) {
            findings.add(new Finding(Finding.WHOLE_LOG, "log-key.rotation.malformed", e.getMessage()));
            return LogKeyChain.empty().follow(pinned);
        }
        followed.problem().ifPresent(p -> findings.add(new Finding(Finding.WHOLE_LOG, p.code(), p.message())));
        return followed;
    }

    /** Verifies entries held in memory against an optional signed checkpoint note and the log key. */
    public static VerificationReport verify(String book, List<SignedEntry> entries, Optional<String> checkpointNote,
            NoteVerifierKey logKey) {
        return verify(book, entries, checkpointNote, VerifyOptions.trusting(logKey));
    }

    /** The entries up to the first unreadable line (which the chain check reports). */
    private static List<SignedEntry> readablePrefix(List<String> leaves) {
        List<SignedEntry> entries = new ArrayList<>(leaves.size());
        for (String leaf : leaves) {
            try {
                entries.add(SignedEntry.fromLeaf(leaf));
            } catch (RuntimeException e) {
                break;
            }
        }
        return entries;
    }

    /** The checkpoint the note states, whether or not its signature verifies (CheckpointCheck reports that). */
    private static Optional<Checkpoint> checkpointOf(Optional<String> note) {
        try {
            return note.map(text -> Checkpoint.parse(SignedNote.parse(text).text()));
        } catch (MalformedNote e) {
            return Optional.empty();
        }
    }

    /**
     * Verifies entries held in memory against an optional signed checkpoint note with the auditor's
     * options, which must name the log key.
     */
    public static VerificationReport verify(String book, List<SignedEntry> entries, Optional<String> checkpointNote,
            VerifyOptions options) {
        if (options.logKey().isEmpty()) {
            throw new IllegalArgumentException("verifying entries in memory needs the log key");
        }
        List<Finding> findings = new ArrayList<>();
        EntryChain chain = checkEntries(book, entries.stream().map(SignedEntry::leaf).toList(), findings);
        return checkLog(book, chain, checkpointNote, options.logKey().map(key -> LogKeyChain.empty().follow(key)),
                options, findings, Optional.empty());
    }

    private static VerificationReport checkLog(String book, EntryChain chain, Optional<String> checkpointNote,
            Optional<LogKeyChain.Followed> logKeys, VerifyOptions options, List<Finding> findings,
            Optional<StatementVersion> statement) {
        List<byte[]> leafHashes = chain.leafHashes();
        Optional<NoteVerifierKey> logKey = logKeys.map(LogKeyChain.Followed::current);
        new CheckpointCheck(book, findings).check(checkpointNote, logKey, leafHashes);
        CosignatureCheck.Outcome cosigned = new CosignatureCheck(findings).check(checkpointNote, logKey,
                options.witnessKeys(), chain.registeredKeys(), options.requiredCosignatures());
        OptionalLong consistentSince = options.savedCheckpoint()
                .map(saved -> new SinceCheck(book, findings).check(saved, logKeys, leafHashes))
                .orElse(OptionalLong.empty());
        return new VerificationReport(book, leafHashes.size(), Digests.hex(MerkleTree.root(leafHashes)),
                logKey.map(Object::toString).orElse(""), options.logKey().isEmpty(), findings,
                cosigned.witnesses(), cosigned.unknownSignatures(), consistentSince, statement,
                logKeys.map(k -> k.keys().subList(0, k.keys().size() - 1).stream().map(Object::toString).toList())
                        .orElse(List.of()));
    }

    /** Every entry in order, then every statement draft's checkpoint against the entries before it. */
    private static EntryChain checkEntries(String book, List<String> leaves, List<Finding> findings) {
        EntryChain chain = EntryChain.run(book, leaves, findings);
        DraftCheckpointCheck.check(chain.statements().drafts(), chain.leafHashes(), findings);
        return chain;
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
}
