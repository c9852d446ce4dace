package org.gongzhang.verifier.bundle;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a {@link Bundle} as a format-1 bundle ZIP: {@code bundle.json}, {@code entries.jsonl}, {@code checkpoint.txt}, backing a statement {@code statement.json}, and after a log key rotation {@code log-key-rotations.txt}. */
public final class BundleWriter {

    private BundleWriter() {
    }

    public static void write(Bundle bundle, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(bundle, out);
        }
    }

    /** The ZIP in memory, as a server hands it out. */
    public static byte[] toBytes(Bundle bundle) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try {
            write(bundle, zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    /** Writes the ZIP to {@code out} (left open). Every file carries the bundle's creation time. */
    public static void write(Bundle bundle, OutputStream out) throws IOException {
        write(bundle.manifest(), lines -> {
            for (String leaf : bundle.leaves()) {
                lines.line(leaf);
            }
        }, bundle.checkpoint(), bundle::statement, bundle.logKeyRotations(), out);
    }

    /** Takes the lines of {@code entries.jsonl} one at a time, in index order. */
    public interface LineSink {
        /** The next line, without its newline. */
        void line(String leaf) throws IOException;
    }

    /** Hands every line of {@code entries.jsonl} to a sink, in index order, once. */
    public interface Lines {
        void writeTo(LineSink sink) throws IOException;
    }

    /**
     * Writes a bundle ZIP to {@code out} (left open) whose {@code entries.jsonl} is written line by
     * line as {@code lines} hands them over, never held whole: the way a server writes the bundle of
     * a large book. The files and their order are those of {@link #write(Bundle, OutputStream)}.
     * {@code statement} is asked for once the entries are written, so it may be computed from them
     * as they went past.
     */
    public static void write(BundleManifest manifest, Lines lines, Optional<String> checkpoint,
            Supplier<Optional<String>> statement, Optional<String> logKeyRotations, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        FileTime time = FileTime.from(manifest.createdAt());
        put(zip, BundleFiles.MANIFEST, manifest.toJson() + "\n", time);
        ZipEntry entries = new ZipEntry(BundleFiles.ENTRIES);
        entries.setLastModifiedTime(time);
        zip.putNextEntry(entries);
        Writer text = new BufferedWriter(new OutputStreamWriter(new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the ZIP stays open for the files after this one
            }
        }, StandardCharsets.UTF_8), 1 << 16);
        lines.writeTo(leaf -> {
            text.write(leaf);
            text.write('\n');
        });
        text.close();
        zip.closeEntry();
        if (checkpoint.isPresent()) {
            put(zip, BundleFiles.CHECKPOINT, checkpoint.get(), time);
        }
        Optional<String> statementJson = statement.get();
        if (statementJson.isPresent()) {
            put(zip, BundleFiles.STATEMENT, statementJson.get() + "\n", time);
        }
        if (logKeyRotations.isPresent()) {
            put(zip, BundleFiles.LOG_KEY_ROTATIONS, logKeyRotations.get(), time);
        }
        zip.finish();
    }

    private static void put(ZipOutputStream zip, String name, String content, FileTime time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(time);
        zip.putNextEntry(entry);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
