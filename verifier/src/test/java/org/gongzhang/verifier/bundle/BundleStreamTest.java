package org.gongzhang.verifier.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a bundle in one pass hands on every line of {@code entries.jsonl} as {@link BundleReader}
 * reads it, tells the sink what it knows of the other files when the entries begin, and refuses a
 * broken container with the very message {@link BundleReader} gives.
 */
class BundleStreamTest {

    private final BookFixture book = BookFixture.standard();

    @TempDir
    Path dir;

    @Test
    void handsOnEveryLineAsTheInMemoryReaderReadsIt() throws IOException {
        Bundle bundle = book.bundle().withStatement("{\"statement\":1}");
        List<String> lines = new ArrayList<>();

        BundleStream.Contents contents = BundleStream.read(new ByteArrayInputStream(BundleWriter.toBytes(bundle)),
                BundleStream.Preview.NONE, seen -> collecting(lines));

        assertThat(lines).isEqualTo(bundle.leaves());
        assertThat(new Bundle(contents.manifest(), lines, contents.checkpoint(), contents.statement(),
                contents.logKeyRotations())).isEqualTo(BundleReader.read(BundleWriter.toBytes(bundle)));
    }

    @Test
    void cutsLinesLongerThanWhatItInflatesAtOnce() throws IOException {
        String longLine = "x".repeat(200_000) + "公";
        Map<String, byte[]> files = files(book.bundle());
        files.put("entries.jsonl", ("a\n" + longLine + "\n\n" + longLine + "\n").getBytes(StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();

        BundleStream.read(new ByteArrayInputStream(zip(files)), BundleStream.Preview.NONE, seen -> collecting(lines));

        assertThat(lines).containsExactly("a", longLine, "", longLine);
    }

    @Test
    void tellsTheSinkTheFilesBeforeTheEntriesAndElseWhatWasPeeked() throws IOException {
        Bundle bundle = book.bundle().withStatement("{\"statement\":1}");
        Path file = dir.resolve("b.zip");
        BundleWriter.write(bundle, file);
        BundleStream.Preview peeked = BundleStream.peek(file);
        List<BundleStream.Preview> seen = new ArrayList<>();

        BundleStream.read(Files.newInputStream(file), new BundleStream.Preview(Optional.of("stale manifest"),
                Optional.empty(), Optional.of("stale statement")), preview -> {
                    seen.add(preview);
                    return collecting(new ArrayList<>());
                });

        assertThat(peeked).isEqualTo(new BundleStream.Preview(Optional.of(bundle.manifest().toJson() + "\n"),
                bundle.checkpoint(), Optional.of("{\"statement\":1}\n")));
        assertThat(seen).containsExactly(new BundleStream.Preview(Optional.of(bundle.manifest().toJson() + "\n"),
                Optional.empty(), Optional.of("stale statement")));
    }

    @Test
    void peeksAtNothingInAFileThatIsNoZip() throws IOException {
        Path file = Files.writeString(dir.resolve("not.zip"), "hello");

        assertThat(BundleStream.peek(file)).isEqualTo(BundleStream.Preview.NONE);
        assertThat(BundleStream.peek(dir.resolve("missing.zip"))).isEqualTo(BundleStream.Preview.NONE);
    }

    @Test
    void refusesABrokenContainerWithTheMessageOfTheInMemoryReader() throws IOException {
        Map<String, byte[]> good = files(book.bundle());
        byte[] entries = good.get("entries.jsonl");
        byte[] notUtf8 = entries.clone();
        notUtf8[20] = (byte) 0xC3;
        notUtf8[21] = 'a';
        List<byte[]> broken = new ArrayList<>();
        broken.add(zip(with(good, "extra.txt", "hi".getBytes())));
        broken.add(zip(with(good, "entries.jsonl", java.util.Arrays.copyOf(entries, entries.length - 5))));
        broken.add(zip(with(good, "entries.jsonl", notUtf8)));
        broken.add(zip(with(with(good, "entries.jsonl", notUtf8), "extra.txt", "hi".getBytes())));
        broken.add(zip(with(good, "bundle.json", "{\"format\":2}".getBytes())));
        broken.add(zip(without(good, "bundle.json")));
        broken.add(zip(without(good, "entries.jsonl")));
        byte[] corrupted = zip(good);
        corrupted[new String(corrupted, StandardCharsets.ISO_8859_1).indexOf("entries.jsonl") + 200] ^= 0x55;
        broken.add(corrupted);
        broken.add("no zip at all".getBytes());
        for (byte[] zip : broken) {
            String expected = messageOf(() -> BundleReader.read(zip));

            assertThat(expected).isNotNull();
            assertThat(messageOf(() -> BundleStream.read(new ByteArrayInputStream(zip), BundleStream.Preview.NONE,
                    seen -> collecting(new ArrayList<>())))).isEqualTo(expected);
        }
    }

    @Test
    void aFileThatCannotBeReadIsAnIoErrorNotAnUnreadableBundle() {
        assertThatThrownBy(() -> BundleStream.read(Files.newInputStream(dir), BundleStream.Preview.NONE,
                seen -> collecting(new ArrayList<>()))).isInstanceOf(IOException.class)
                .isNotInstanceOf(BundleUnreadable.class);
    }

    @Test
    void whatTheSinkThrowsIsThrownAsItIs() {
        IllegalArgumentException thrown = new IllegalArgumentException("the sink's own failure");

        assertThatThrownBy(() -> BundleStream.read(new ByteArrayInputStream(BundleWriter.toBytes(book.bundle())),
                BundleStream.Preview.NONE, seen -> new BundleStream.EntrySink() {
                    @Override
                    public void line(byte[] utf8) {
                        throw thrown;
                    }

                    @Override
                    public boolean end() {
                        return true;
                    }
                })).isSameAs(thrown);
    }

    private interface Read {
        Object read() throws IOException;
    }

    private static String messageOf(Read read) {
        try {
            read.read();
            return null;
        } catch (BundleUnreadable e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static BundleStream.EntrySink collecting(List<String> lines) {
        EntryLines decoded = new EntryLines();
        return new BundleStream.EntrySink() {
            @Override
            public void line(byte[] utf8) {
                decoded.line(utf8);
            }

            @Override
            public boolean end() {
                lines.addAll(decoded.lines());
                return decoded.end();
            }
        };
    }

    private static Map<String, byte[]> files(Bundle bundle) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(BundleWriter.toBytes(bundle)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    private static Map<String, byte[]> with(Map<String, byte[]> files, String name, byte[] content) {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put(name, content);
        return changed;
    }

    private static Map<String, byte[]> without(Map<String, byte[]> files, String name) {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.remove(name);
        return changed;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
