package org.gongzhang.verifier.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a format-1 bundle ZIP into memory. The container must be exactly right (known files, each
 * once, valid UTF-8, intact CRCs; see {@link BundleStream}); the lines of {@code entries.jsonl} are
 * returned as read, so that the verifier reports a bad line as a finding at its index instead of
 * dropping it. To check a large bundle without holding it, stream it ({@link BundleStream}).
 */
public final class BundleReader {

    private BundleReader() {
    }

    /** Reads a bundle file; an {@link IOException} means the file itself could not be read. */
    public static Bundle read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    /** Reads a bundle from its bytes; throws {@link BundleUnreadable} when the container or manifest is broken. */
    public static Bundle read(byte[] zipBytes) {
        EntryLines entries = new EntryLines();
        BundleStream.Contents files;
        try {
            files = BundleStream.read(new ByteArrayInputStream(zipBytes), BundleStream.Preview.NONE, seen -> entries);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes in memory", e);
        }
        return new Bundle(files.manifest(), entries.lines(), files.checkpoint(), files.statement(),
                files.logKeyRotations());
    }
}
