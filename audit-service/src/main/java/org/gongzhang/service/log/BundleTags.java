package org.gongzhang.service.log;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.gongzhang.service.entry.BookHead;
import org.gongzhang.service.entry.LedgerIndex;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.crypto.Digests;
import org.springframework.stereotype.Component;

/**
 * The entity tag of a bundle (审计包), for conditional GETs: what it holds, not when it was written.
 * A bundle is the book's first N entries (the log only grows, and the service signs over no stored
 * log other than the one it accepted), the checkpoint over exactly them as stored (cosignatures
 * included: a witness's new line makes a new bundle), and what backs a statement, if anything. Its
 * {@code createdAt} differs every time, so the tag is weak: the same content, not the same bytes.
 *
 * <p>{@link #current} finds the tag of the bundle a request would get without building it (two
 * rows: the book's accepted size and the checkpoint signed at it), so a client that holds it gets
 * 304 without the service reading and zipping the whole log. Without a checkpoint at that size the
 * bundle is built (and signs one), and answers with {@link #of} the built bundle.
 */
@Component
public class BundleTags {

    private final LedgerIndex index;
    private final Checkpoints checkpoints;

    BundleTags(LedgerIndex index, Checkpoints checkpoints) {
        this.index = index;
        this.checkpoints = checkpoints;
    }

    /**
     * The tag of the bundle of the book's first {@code size} entries (all accepted entries when
     * null) with what {@code backs} (a statement's content hash, a statement's periods, or nothing:
     * empty text), when a checkpoint signed at exactly that size is stored; empty otherwise.
     */
    public Optional<String> current(String book, Long size, String backs) {
        long entries = size != null ? size : index.head(book).map(BookHead::size).orElse(0L);
        if (entries < 1) {
            return Optional.empty();
        }
        return checkpoints.at(book, entries).map(checkpoint -> tag(book, entries, checkpoint.note(), backs));
    }

    /** The tag of a bundle built for {@code book} with what {@code backs} (as given to {@link #current}). */
    public static String of(String book, Bundle bundle, String backs) {
        return tag(book, bundle.manifest().size(), bundle.checkpoint().orElse(""), backs);
    }

    /** The tag of a bundle written to a file for {@code book} with what {@code backs} (as given to {@link #current}). */
    public static String of(String book, BookAudit.Spooled bundle, String backs) {
        return tag(book, bundle.manifest().size(), bundle.checkpoint().orElse(""), backs);
    }

    private static String tag(String book, long entries, String checkpointNote, String backs) {
        String content = book + "\n" + entries + "\n" + checkpointNote.strip() + "\n" + backs;
        return "W/\"" + Digests.sha256Hex(content.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + "\"";
    }
}
