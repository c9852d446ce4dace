package org.gongzhang.verifier.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a format-1 bundle ZIP. The container must be exactly right (known files, each once, valid
 * UTF-8, intact CRCs); the lines of {@code entries.jsonl} are returned as read, so that the
 * verifier reports a bad line as a finding at its index instead of dropping it.
 */
public final class BundleReader {

    private static final Set<String> KNOWN = Set.of(BundleFiles.MANIFEST, BundleFiles.ENTRIES, BundleFiles.CHECKPOINT,
            BundleFiles.STATEMENT, BundleFiles.LOG_KEY_ROTATIONS);

    private BundleReader() {
    }

    /** Reads a bundle file; an {@link IOException} means the file itself could not be read. */
    public static Bundle read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    /** Reads a bundle from its bytes; throws {@link BundleUnreadable} when the container or manifest is broken. */
    public static Bundle read(byte[] zipBytes) {
        Contents files = unzip(zipBytes);
        if (!files.texts().containsKey(BundleFiles.MANIFEST) || files.entries() == null) {
            throw new BundleUnreadable("a bundle holds bundle.json and entries.jsonl");
        }
        return new Bundle(BundleManifest.parse(files.texts().get(BundleFiles.MANIFEST)), files.entries().lines(),
                Optional.ofNullable(files.texts().get(BundleFiles.CHECKPOINT)),
                Optional.ofNullable(files.texts().get(BundleFiles.STATEMENT)),
                Optional.ofNullable(files.texts().get(BundleFiles.LOG_KEY_ROTATIONS)));
    }

    /** The files of a bundle: {@code entries.jsonl} as lines, the others as text. */
    private record Contents(Map<String, String> texts, EntryLines entries) {
    }

    private static Contents unzip(byte[] zipBytes) {
        Set<String> names = new HashSet<>();
        Map<String, String> texts = new HashMap<>();
        EntryLines entries = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (!KNOWN.contains(name) || !names.add(name)) {
                    throw new BundleUnreadable("unexpected or repeated file in bundle: " + name);
                }
                if (name.equals(BundleFiles.ENTRIES)) {
                    entries = EntryLines.decode(zip.readAllBytes());
                } else {
                    texts.put(name, utf8(zip.readAllBytes(), name));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BundleUnreadable("not a readable bundle ZIP: " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            throw new BundleUnreadable("not a bundle ZIP: no files found");
        }
        return new Contents(texts, entries);
    }

    private static String utf8(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BundleUnreadable(name + " is not valid UTF-8");
        }
    }
}
