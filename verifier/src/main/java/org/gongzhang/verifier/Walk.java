package org.gongzhang.verifier;

import java.util.Optional;
import org.gongzhang.verifier.bundle.BundleStream;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.statement.Statement;
import org.gongzhang.verifier.statement.StatementReplay;

/**
 * One pass over a book's leaves, planned before they come from what the bundle's other files say:
 * which Merkle roots the checks after the walk will ask for (the checkpoint's, the one saved by the
 * auditor, the statement's) and which statement to replay the money for. The leaves go through an
 * {@link EntryPipeline} to an {@link EntryChain}; what the pass keeps is what the checks need.
 */
final class Walk implements BundleStream.EntrySink, AutoCloseable {

    private final String book;
    private final Optional<String> statement;
    private final LogRoots roots;
    private final Optional<StatementReplay> replay;
    private final EntryChain chain;
    private final EntryPipeline pipeline;

    /**
     * A pass over {@code book}'s log for a bundle with this checkpoint and statement, the auditor's
     * options, on {@code threads} threads; {@code again} reads the leaves a second time should a
     * root be wanted that the pass did not foresee.
     */
    Walk(String book, Optional<String> checkpoint, Optional<String> statement, VerifyOptions options,
            LogRoots.Leaves again, int threads, int batch) {
        this.book = book;
        this.statement = statement;
        this.roots = new LogRoots(again);
        checkpoint.flatMap(Walk::size).ifPresent(roots::want);
        options.savedCheckpoint().flatMap(Walk::size).ifPresent(roots::want);
        this.replay = statement.flatMap(Walk::replay);
        replay.ifPresent(r -> roots.want(r.size()));
        this.chain = new EntryChain(book, roots, replay);
        this.pipeline = new EntryPipeline(chain, threads, batch);
    }

    @Override
    public void line(byte[] utf8) {
        pipeline.line(utf8);
    }

    /** The next leaf as text. */
    void text(String leaf) {
        pipeline.text(leaf);
    }

    @Override
    public boolean end() {
        boolean valid = pipeline.end();
        chain.finish();
        return valid;
    }

    @Override
    public void close() {
        pipeline.close();
    }

    /** True when this pass was planned for a bundle of this book carrying this statement. */
    boolean plannedFor(String book, Optional<String> statement) {
        return this.book.equals(book) && this.statement.equals(statement);
    }

    EntryChain chain() {
        return chain;
    }

    LogRoots roots() {
        return roots;
    }

    /** The replay of the statement planned for, empty when there is none or it does not parse. */
    Optional<StatementReplay> replay() {
        return replay;
    }

    private static Optional<Long> size(String note) {
        try {
            return size(SignedNote.parse(note));
        } catch (MalformedNote e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> size(SignedNote note) {
        try {
            return Optional.of(Checkpoint.parse(note.text()).size());
        } catch (MalformedNote e) {
            return Optional.empty();
        }
    }

    private static Optional<StatementReplay> replay(String json) {
        try {
            return Optional.of(StatementReplay.of(Statement.parse(json)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
