package org.gongzhang.verifier.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads a format-1 bundle ZIP in one pass without ever holding {@code entries.jsonl}: its lines go
 * to an {@link EntrySink} as they are inflated, one copy of one line at a time, while the other
 * (small) files are read as text. The container is checked exactly as {@link BundleReader} checks
 * it, with the same messages in the same order: known files, each once, intact CRCs, valid UTF-8,
 * both required files, a readable manifest, and a newline at the end of {@code entries.jsonl}.
 * Whatever the sink did with the lines of a bundle found unreadable must be thrown away.
 */
public final class BundleStream {

    private static final Set<String> KNOWN = Set.of(BundleFiles.MANIFEST, BundleFiles.ENTRIES, BundleFiles.CHECKPOINT,
            BundleFiles.STATEMENT, BundleFiles.LOG_KEY_ROTATIONS);
    private static final int CHUNK = 1 << 16;
    /** Files larger than this are not {@linkplain #peek peeked} at: the one pass reads them. */
    private static final long PEEK_LIMIT = 64L << 20;

    private BundleStream() {
    }

    /** Receives the lines of {@code entries.jsonl}, in order, as they are inflated. */
    public interface EntrySink {

        /** The next line, without its newline and not yet checked to be UTF-8; the array is the sink's to keep. */
        void line(byte[] utf8);

        /** The file ended and its CRC held; answers whether every line was valid UTF-8. */
        boolean end();
    }

    /**
     * The files of a bundle besides {@code entries.jsonl}, each as text.
     *
     * @param manifest        {@code bundle.json}
     * @param checkpoint      {@code checkpoint.txt}
     * @param statement       {@code statement.json}
     * @param logKeyRotations {@code log-key-rotations.txt}
     */
    public record Contents(BundleManifest manifest, Optional<String> checkpoint, Optional<String> statement,
            Optional<String> logKeyRotations) {
    }

    /**
     * What is known of a bundle's small files when its entries begin: their texts as read before
     * {@code entries.jsonl} in the ZIP, or else as {@linkplain #peek peeked}. A hint for planning
     * the pass over the entries, never what the bundle holds: that is {@link Contents}.
     *
     * @param manifest   {@code bundle.json}
     * @param checkpoint {@code checkpoint.txt}
     * @param statement  {@code statement.json}
     */
    public record Preview(Optional<String> manifest, Optional<String> checkpoint, Optional<String> statement) {

        /** Nothing known. */
        public static final Preview NONE = new Preview(Optional.empty(), Optional.empty(), Optional.empty());

        /** These texts, where they are known, over {@code earlier}. */
        private Preview over(Map<String, String> texts) {
            return new Preview(known(texts, BundleFiles.MANIFEST, manifest), known(texts, BundleFiles.CHECKPOINT, checkpoint),
                    known(texts, BundleFiles.STATEMENT, statement));
        }

        private static Optional<String> known(Map<String, String> texts, String name, Optional<String> otherwise) {
            return texts.containsKey(name) ? Optional.of(texts.get(name)) : otherwise;
        }
    }

    /**
     * Reads the bundle ZIP {@code zip} and closes it. When {@code entries.jsonl} begins, {@code sinks}
     * is given what is known of the other files (those read before it in the ZIP, else as in
     * {@code peeked}) and answers the sink that takes its lines. Throws {@link BundleUnreadable}
     * when the container or manifest is broken, and the {@link IOException} of {@code zip} itself
     * when the file cannot be read.
     */
    public static Contents read(InputStream zip, Preview peeked, Function<Preview, EntrySink> sinks) throws IOException {
        Set<String> names = new HashSet<>();
        Map<String, String> texts = new HashMap<>();
        boolean sawEntries = false;
        boolean endsWithNewline = true;
        Tagged source = new Tagged(zip);
        try (ZipInputStream files = new ZipInputStream(source, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = files.getNextEntry(); entry != null; entry = files.getNextEntry()) {
                String name = entry.getName();
                if (!KNOWN.contains(name) || !names.add(name)) {
                    throw new BundleUnreadable("unexpected or repeated file in bundle: " + name);
                }
                if (name.equals(BundleFiles.ENTRIES)) {
                    endsWithNewline = lines(files, sink(sinks, peeked.over(texts)));
                    sawEntries = true;
                } else {
                    texts.put(name, utf8(files.readAllBytes(), name));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof Tagged.Failure failure) {
                throw failure.cause();
            }
            throw new BundleUnreadable("not a readable bundle ZIP: " + e.getMessage(), e);
        } catch (SinkFailure e) {
            throw e.getCause();
        }
        if (names.isEmpty()) {
            throw new BundleUnreadable("not a bundle ZIP: no files found");
        }
        if (!texts.containsKey(BundleFiles.MANIFEST) || !sawEntries) {
            throw new BundleUnreadable("a bundle holds bundle.json and entries.jsonl");
        }
        BundleManifest manifest = BundleManifest.parse(texts.get(BundleFiles.MANIFEST));
        if (!endsWithNewline) {
            throw new BundleUnreadable("entries.jsonl does not end with a newline: its last line may be cut short");
        }
        return new Contents(manifest, Optional.ofNullable(texts.get(BundleFiles.CHECKPOINT)),
                Optional.ofNullable(texts.get(BundleFiles.STATEMENT)),
                Optional.ofNullable(texts.get(BundleFiles.LOG_KEY_ROTATIONS)));
    }

    /**
     * A look at {@code bundle.json}, {@code checkpoint.txt} and {@code statement.json} through the
     * ZIP's central directory, by name, without reading {@code entries.jsonl}: what a verifier needs
     * to know before the entries stream past, when the ZIP puts these files after them. Best effort
     * and never trusted: empty for a file it cannot read; {@link #read} alone decides what the
     * bundle holds.
     */
    public static Preview peek(Path file) {
        Map<String, String> texts = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            for (String name : List.of(BundleFiles.MANIFEST, BundleFiles.CHECKPOINT, BundleFiles.STATEMENT)) {
                ZipEntry entry = zip.getEntry(name);
                if (entry == null || entry.getSize() < 0 || entry.getSize() > PEEK_LIMIT) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    texts.put(name, utf8(in.readNBytes((int) PEEK_LIMIT + 1), name));
                } catch (IOException | RuntimeException unreadable) {
                    // not peeked; the one pass reads it or finds it broken
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Preview.NONE;
        }
        return Preview.NONE.over(texts);
    }

    private static EntrySink sink(Function<Preview, EntrySink> sinks, Preview seen) {
        try {
            return sinks.apply(seen);
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        }
    }

    /** Streams the lines of the current ZIP entry to {@code sink}; answers whether it ended with a newline. */
    private static boolean lines(ZipInputStream zip, EntrySink sink) throws IOException {
        LineSplitter splitter = new LineSplitter(line -> {
            try {
                sink.line(line);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        });
        byte[] chunk = new byte[CHUNK];
        for (int n = zip.readNBytes(chunk, 0, CHUNK); n > 0; n = zip.readNBytes(chunk, 0, CHUNK)) {
            splitter.feed(chunk, n);
        }
        boolean endsWithNewline = splitter.finish();
        boolean valid;
        try {
            valid = sink.end();
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        }
        if (!valid) {
            throw new BundleUnreadable(BundleFiles.ENTRIES + " is not valid UTF-8");
        }
        return endsWithNewline;
    }

    static String utf8(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BundleUnreadable(name + " is not valid UTF-8");
        }
    }

    /** What the sink threw, carried past the handling of the ZIP's own exceptions. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /**
     * The underlying stream, its own read failures marked so that they are not taken for a broken
     * ZIP: a file that cannot be read is an {@link IOException} for the caller, as before any
     * bundle was read.
     */
    private static final class Tagged extends FilterInputStream {

        Tagged(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new Failure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw new Failure(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw new Failure(e);
            }
        }

        static final class Failure extends IOException {
            private final IOException cause;

            Failure(IOException cause) {
                super(cause.getMessage(), cause);
                this.cause = cause;
            }

            IOException cause() {
                return cause;
            }
        }
    }
}
