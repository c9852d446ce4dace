package org.gongzhang.verifier;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.bundle.BundleManifest;
import org.gongzhang.verifier.bundle.BundleStream;
import org.gongzhang.verifier.bundle.BundleUnreadable;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.LogKeyChain;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleHash;
import org.gongzhang.verifier.statement.Statement;
import org.gongzhang.verifier.statement.StatementCheck;
import org.gongzhang.verifier.statement.StatementLog;
import org.gongzhang.verifier.statement.StatementVersion;

/**
 * The offline verifier (离线核验): checks a book's signed entries, hash chain, Merkle root and signed
 * checkpoint, trusting nothing but the log key (followed through the log's key rotations from the
 * one the auditor pinned); on request also the witnesses' cosignatures and
 * that the entries extend a checkpoint the auditor saved earlier. It reports every finding instead
 * of stopping at the first.
 *
 * <p>Entries are checked in one pass, as they are read: each line is parsed and its signature
 * verified on every core, a bounded number of batches at a time, and walked in index order on the
 * calling thread, so the findings do not depend on the number of threads. Nothing is kept of an
 * entry once walked but what the checks after the walk need (see {@link EntryChain}), so a bundle
 * file ({@link #verifyFile}) is verified in memory that does not grow with its size; a bundle in
 * memory goes through the very same walk.
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
        return verifyFile(bundleFile, options).report();
    }

    /**
     * Verifies a bundle file streaming it: {@code entries.jsonl} is read once, line by line as it is
     * inflated, and never held; the report is what {@link #verify(Bundle, VerifyOptions)} gives for the
     * same bundle read into memory. Answers, besides the report, who signed the entries and the
     * bundle's {@code statement.json}.
     *
     * @throws IOException when the file cannot be read at all, or changed while it was read
     */
    public static FileVerification verifyFile(Path bundleFile, VerifyOptions options) throws IOException {
        return verifyFile(bundleFile, options, Runtime.getRuntime().availableProcessors(), EntryPipeline.BATCH);
    }

    /** Verifies a bundle read into memory; see {@link #verify(Path, Optional)}. */
    public static VerificationReport verify(Bundle bundle, Optional<NoteVerifierKey> trustedLogKey) {
        return verify(bundle, VerifyOptions.defaults().withLogKey(trustedLogKey));
    }

    /** Verifies a bundle read into memory with the auditor's options. */
    public static VerificationReport verify(Bundle bundle, VerifyOptions options) {
        return verify(bundle, options, Runtime.getRuntime().availableProcessors(), EntryPipeline.BATCH);
    }

    /** Verifies entries held in memory against an optional signed checkpoint note and the log key. */
    public static VerificationReport verify(String book, List<SignedEntry> entries, Optional<String> checkpointNote,
            NoteVerifierKey logKey) {
        return verify(book, entries, checkpointNote, VerifyOptions.trusting(logKey));
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
        List<String> leaves = entries.stream().map(SignedEntry::leaf).toList();
        try (Walk walk = new Walk(book, checkpointNote, Optional.empty(), options, again(leaves),
                Runtime.getRuntime().availableProcessors(), EntryPipeline.BATCH)) {
            leaves.forEach(walk::text);
            walk.end();
            List<Finding> findings = new ArrayList<>(walk.chain().findings());
            walk.roots().ensure(neededRoots(walk, checkpointNote, Optional.empty(), options));
            DraftCheckpointCheck.check(walk.chain().statements().drafts(), walk.roots(), findings);
            return checkLog(book, walk, checkpointNote, options.logKey().map(key -> LogKeyChain.empty().follow(key)),
                    options, findings, Optional.empty());
        }
    }

    /** {@link #verify(Bundle, VerifyOptions)} on {@code threads} threads, {@code batch} leaves at a time. */
    static VerificationReport verify(Bundle bundle, VerifyOptions options, int threads, int batch) {
        BundleManifest manifest = bundle.manifest();
        try (Walk walk = new Walk(manifest.book(), bundle.checkpoint(), bundle.statement(), options,
                again(bundle.leaves()), threads, batch)) {
            bundle.leaves().forEach(walk::text);
            walk.end();
            return report(new BundleStream.Contents(manifest, bundle.checkpoint(), bundle.statement(),
                    bundle.logKeyRotations()), walk, options);
        }
    }

    /** {@link #verifyFile(Path, VerifyOptions)} on {@code threads} threads, {@code batch} leaves at a time. */
    static FileVerification verifyFile(Path file, VerifyOptions options, int threads, int batch) throws IOException {
        Walk[] planned = new Walk[1];
        BundleStream.Contents contents;
        try {
            contents = stream(file, BundleStream.peek(file), seen -> {
                planned[0] = plan(seen, options, file, threads, batch);
                return planned[0] == null ? new Utf8Only() : planned[0];
            });
        } catch (BundleUnreadable e) {
            close(planned[0]);
            return new FileVerification(unreadable(e, options), Optional.empty(), Optional.empty());
        } catch (IOException | RuntimeException | Error e) {
            close(planned[0]);
            throw e;
        }
        Walk walk = planned[0];
        try {
            if (walk == null || !walk.plannedFor(contents.manifest().book(), contents.statement())) {
                close(walk);
                walk = new Walk(contents.manifest().book(), contents.checkpoint(), contents.statement(), options,
                        again(file), threads, batch);
                Walk second = walk;
                BundleStream.Contents reread;
                try {
                    reread = stream(file, BundleStream.Preview.NONE, seen -> second);
                } catch (BundleUnreadable e) {
                    throw changed(file, e);
                }
                if (!reread.equals(contents)) {
                    throw changed(file, null);
                }
            }
            return new FileVerification(report(contents, walk, options), Optional.of(walk.chain().custody()),
                    contents.statement());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            close(walk);
        }
    }

    /**
     * The walk for a bundle as far as it is known when its entries begin, or null when its manifest
     * is not known yet (the entries come first in the ZIP): they are then walked in a second pass.
     */
    private static Walk plan(BundleStream.Preview seen, VerifyOptions options, Path file, int threads, int batch) {
        Optional<BundleManifest> manifest;
        try {
            manifest = seen.manifest().map(BundleManifest::parse);
        } catch (BundleUnreadable e) {
            return null;
        }
        return manifest.map(m -> new Walk(m.book(), seen.checkpoint(), seen.statement(), options, again(file),
                threads, batch)).orElse(null);
    }

    private static BundleStream.Contents stream(Path file, BundleStream.Preview peeked,
            java.util.function.Function<BundleStream.Preview, BundleStream.EntrySink> sinks) throws IOException {
        // ZipInputStream reads its source 512 bytes at a time: one system call each without a buffer
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return BundleStream.read(in, peeked, sinks);
    }

    /** The leaf hashes of a bundle file's entries read again. */
    private static LogRoots.Leaves again(Path file) {
        return leafHashes -> {
            try {
                stream(file, BundleStream.Preview.NONE, seen -> new Hashing(leafHashes));
            } catch (BundleUnreadable e) {
                throw changed(file, e);
            }
        };
    }

    /** The leaf hashes of leaves held in memory, computed again. */
    private static LogRoots.Leaves again(List<String> leaves) {
        return leafHashes -> leaves.forEach(leaf -> leafHashes.accept(MerkleHash.leaf(leaf.getBytes(StandardCharsets.UTF_8))));
    }

    private static IOException changed(Path file, Exception cause) {
        return new IOException(file + " changed while it was being verified", cause);
    }

    private static void close(Walk walk) {
        if (walk != null) {
            walk.close();
        }
    }

    private static VerificationReport unreadable(BundleUnreadable e, VerifyOptions options) {
        Finding finding = new Finding(Finding.WHOLE_LOG, "bundle.unreadable", e.getMessage());
        return new VerificationReport("", 0, "", options.logKey().map(Object::toString).orElse(""),
                options.logKey().isEmpty(), List.of(finding));
    }

    /** The report on a bundle whose entries {@code walk} has walked: the findings of the walk, then of the whole log. */
    private static VerificationReport report(BundleStream.Contents bundle, Walk walk, VerifyOptions options) {
        BundleManifest manifest = bundle.manifest();
        List<Finding> findings = new ArrayList<>();
        Optional<LogKeyChain.Followed> logKeys = options.logKey().or(() -> bundleKey(manifest, findings))
                .map(pinned -> followRotations(pinned, bundle.logKeyRotations(), findings));
        findings.addAll(walk.chain().findings());
        LogRoots roots = walk.roots();
        roots.ensure(neededRoots(walk, bundle.checkpoint(), bundle.statement(), options));
        DraftCheckpointCheck.check(walk.chain().statements().drafts(), roots, findings);
        checkManifest(manifest, roots, findings);
        VerifyOptions effective = options;
        Optional<StatementVersion> published = Optional.empty();
        if (bundle.statement().isPresent()) {
            StatementCheck.Outcome statement = StatementCheck.check(bundle.statement().get(), manifest.book(),
                    walk.replay(), walk.chain().readable(), roots.size(), roots::root, walk.chain().statements(),
                    checkpointOf(bundle.checkpoint()), findings);
            int required = statement.statement().map(Statement::requiredCosignatures).orElse(0);
            if (required > options.requiredCosignatures()) {
                effective = options.requiringCosignatures(required);
            }
            published = statement.version();
        }
        return checkLog(manifest.book(), walk, bundle.checkpoint(), logKeys, effective, findings, published);
    }

    /**
     * Every Merkle root the checks after the walk ask for, so that any the walk did not take on the
     * way (only a tampered log has such) is read again in one pass, not one pass each.
     */
    private static Set<Long> neededRoots(Walk walk, Optional<String> checkpoint, Optional<String> statement,
            VerifyOptions options) {
        long held = walk.roots().size();
        Set<Long> sizes = new TreeSet<>();
        sizes.add(held);
        for (StatementLog.Draft draft : walk.chain().statements().drafts()) {
            if (draft.readable() && draft.size() == draft.index()) {
                sizes.add(draft.index());
            }
        }
        checkpointOf(checkpoint).ifPresent(c -> sizes.add(c.size()));
        options.savedCheckpoint().ifPresent(saved -> {
            try {
                sizes.add(Checkpoint.parse(saved.text()).size());
            } catch (MalformedNote e) {
                // compared with nothing
            }
        });
        walk.replay().ifPresent(replay -> sizes.add(replay.size()));
        sizes.removeIf(size -> size < 0 || size > held);
        return sizes;
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

    /** The checkpoint the note states, whether or not its signature verifies (CheckpointCheck reports that). */
    private static Optional<Checkpoint> checkpointOf(Optional<String> note) {
        try {
            return note.map(text -> Checkpoint.parse(SignedNote.parse(text).text()));
        } catch (MalformedNote e) {
            return Optional.empty();
        }
    }

    private static VerificationReport checkLog(String book, Walk walk, Optional<String> checkpointNote,
            Optional<LogKeyChain.Followed> logKeys, VerifyOptions options, List<Finding> findings,
            Optional<StatementVersion> statement) {
        LogRoots roots = walk.roots();
        Optional<NoteVerifierKey> logKey = logKeys.map(LogKeyChain.Followed::current);
        new CheckpointCheck(book, findings).check(checkpointNote, logKey, roots);
        CosignatureCheck.Outcome cosigned = new CosignatureCheck(findings).check(checkpointNote, logKey,
                options.witnessKeys(), walk.chain().registeredKeys(), options.requiredCosignatures());
        OptionalLong consistentSince = options.savedCheckpoint()
                .map(saved -> new SinceCheck(book, findings).check(saved, logKeys, roots))
                .orElse(OptionalLong.empty());
        return new VerificationReport(book, roots.size(), Digests.hex(roots.root(roots.size())),
                logKey.map(Object::toString).orElse(""), options.logKey().isEmpty(), findings,
                cosigned.witnesses(), cosigned.unknownSignatures(), consistentSince, statement,
                logKeys.map(k -> k.keys().subList(0, k.keys().size() - 1).stream().map(Object::toString).toList())
                        .orElse(List.of()));
    }

    private static void checkManifest(BundleManifest manifest, LogRoots roots, List<Finding> findings) {
        long held = roots.size();
        if (manifest.size() != held) {
            findings.add(new Finding(Math.min(manifest.size(), held), "bundle.size-mismatch",
                    "bundle.json says " + manifest.size() + " entries, entries.jsonl holds " + held));
        }
        String root = Digests.hex(roots.root(held));
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

    /** A sink that only checks the lines are UTF-8, for entries that come before the bundle says whose they are. */
    private static final class Utf8Only implements BundleStream.EntrySink {
        private boolean valid = true;

        @Override
        public void line(byte[] utf8) {
            valid &= isUtf8(utf8);
        }

        @Override
        public boolean end() {
            return valid;
        }
    }

    /** A sink that hands on each line's leaf hash: the entries read again for a root. */
    private record Hashing(Consumer<byte[]> leafHashes) implements BundleStream.EntrySink {
        @Override
        public void line(byte[] utf8) {
            leafHashes.accept(MerkleHash.leaf(utf8));
        }

        @Override
        public boolean end() {
            return true;
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
