package org.gongzhang.verifier.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        FileTime time = FileTime.from(bundle.manifest().createdAt());
        put(zip, BundleFiles.MANIFEST, bundle.manifest().toJson() + "\n", time);
        put(zip, BundleFiles.ENTRIES, jsonLines(bundle), time);
        if (bundle.checkpoint().isPresent()) {
            put(zip, BundleFiles.CHECKPOINT, bundle.checkpoint().get(), time);
        }
        if (bundle.statement().isPresent()) {
            put(zip, BundleFiles.STATEMENT, bundle.statement().get() + "\n", time);
        }
        if (bundle.logKeyRotations().isPresent()) {
            put(zip, BundleFiles.LOG_KEY_ROTATIONS, bundle.logKeyRotations().get(), time);
        }
        zip.finish();
    }

    private static String jsonLines(Bundle bundle) {
        StringBuilder text = new StringBuilder();
        bundle.leaves().forEach(leaf -> text.append(leaf).append('\n'));
        return text.toString();
    }

    private static void put(ZipOutputStream zip, String name, String content, FileTime time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(time);
        zip.putNextEntry(entry);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
