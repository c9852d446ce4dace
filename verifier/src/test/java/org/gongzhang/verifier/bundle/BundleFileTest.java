package org.gongzhang.verifier.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.gongzhang.verifier.Finding;
import org.gongzhang.verifier.Verifier;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleFileTest {

    private final BookFixture book = BookFixture.standard();

    @TempDir
    Path dir;

    @Test
    void aWrittenBundleReadsBackIdentically() throws IOException {
        Bundle bundle = book.bundle();
        Path file = dir.resolve("book.zip");

        BundleWriter.write(bundle, file);

        assertThat(BundleReader.read(file)).isEqualTo(bundle);
    }

    @Test
    void aBundleWrittenLineByLineReadsBackAsTheSameBundleWrittenWhole() throws IOException {
        Bundle bundle = book.bundle().withStatement("{\"statement\":1}");
        Path file = dir.resolve("streamed.zip");
        List<String> handedOver = new java.util.ArrayList<>();

        try (var out = Files.newOutputStream(file)) {
            BundleWriter.write(bundle.manifest(), sink -> {
                for (String leaf : bundle.leaves()) {
                    handedOver.add(leaf);
                    sink.line(leaf);
                }
            }, bundle.checkpoint(), () -> {
                assertThat(handedOver).as("the statement is asked for after the entries").hasSize(bundle.leaves().size());
                return bundle.statement();
            }, bundle.logKeyRotations(), out);
        }

        assertThat(handedOver).hasSize(bundle.leaves().size()).isNotEmpty();
        Path whole = dir.resolve("whole.zip");
        BundleWriter.write(bundle, whole);
        assertThat(BundleReader.read(file)).isEqualTo(BundleReader.read(whole));
        assertThat(BundleReader.read(file).leaves()).isEqualTo(bundle.leaves());
        assertThat(BundleReader.read(file).statement()).isPresent();
    }

    @Test
    void aWrittenBundleVerifies() throws IOException {
        Path file = write(book.bundle());

        var report = Verifier.verify(file, Optional.of(book.logKey.verifierKey()));

        assertThat(report.findings()).isEmpty();
        assertThat(report.trustOnFirstUse()).isFalse();
    }

    @Test
    void withoutATrustedKeyTheBundlesOwnKeyIsUsedAndSaidSo() throws IOException {
        var report = Verifier.verify(write(book.bundle()), Optional.empty());

        assertThat(report.ok()).isTrue();
        assertThat(report.trustOnFirstUse()).isTrue();
        assertThat(report.logKey()).isEqualTo(book.logKey.verifierKey().toString());
    }

    @Test
    void entriesFileHoldsExactlyOneLeafPerLine() throws IOException {
        String jsonl = unzip(write(book.bundle())).get("entries.jsonl");

        assertThat(jsonl).isEqualTo(String.join("\n", book.bundle().leaves()) + "\n");
    }

    @Test
    void anEmptyBookNeedsNoCheckpoint() throws IOException {
        var empty = Bundle.of(BookFixture.BOOK, List.of(), Optional.empty(), book.logKey.verifierKey(),
                Instant.parse("2026-03-15T00:00:00Z"));

        var report = Verifier.verify(write(empty), Optional.of(book.logKey.verifierKey()));

        assertThat(report.findings()).isEmpty();
        assertThat(unzip(write(empty))).doesNotContainKey("checkpoint.txt");
    }

    @Test
    void reportsAnEntryEditedInTheBundleFileOnDisk() throws IOException {
        Path file = write(book.bundle());
        Map<String, String> files = unzip(file);
        files.put("entries.jsonl", files.get("entries.jsonl").replaceFirst(BookFixture.AMOUNT, "92345.67"));
        rezip(file, files);

        var report = Verifier.verify(file, Optional.of(book.logKey.verifierKey()));

        assertThat(report.findings()).extracting(Finding::index, Finding::code).contains(
                tuple(1L, "entry.signature.invalid"), tuple(2L, "chain.prev-mismatch"),
                tuple(Finding.WHOLE_LOG, "bundle.root-mismatch"), tuple(Finding.WHOLE_LOG, "checkpoint.root-mismatch"));
    }

    @Test
    void reportsACorruptedZipAsUnreadable() throws IOException {
        Path file = write(book.bundle());
        byte[] bytes = Files.readAllBytes(file);
        int middleOfEntries = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("entries.jsonl") + 200;
        bytes[middleOfEntries] ^= 0x55;
        Files.write(file, bytes);

        var report = Verifier.verify(file, Optional.of(book.logKey.verifierKey()));

        assertThat(report.findings()).extracting(Finding::index, Finding::code)
                .containsExactly(tuple(Finding.WHOLE_LOG, "bundle.unreadable"));
    }

    @Test
    void refusesAFileTheFormatDoesNotName() throws IOException {
        Path file = write(book.bundle());
        Map<String, String> files = unzip(file);
        files.put("extra.txt", "hello");
        rezip(file, files);

        assertThatThrownBy(() -> BundleReader.read(file)).isInstanceOf(BundleUnreadable.class).hasMessageContaining("extra.txt");
    }

    @Test
    void refusesEntriesWhoseLastLineIsCutShort() throws IOException {
        Path file = write(book.bundle());
        Map<String, String> files = unzip(file);
        String jsonl = files.get("entries.jsonl");
        files.put("entries.jsonl", jsonl.substring(0, jsonl.length() - 10));
        rezip(file, files);

        assertThatThrownBy(() -> BundleReader.read(file)).isInstanceOf(BundleUnreadable.class);
    }

    @Test
    void refusesAnUnknownBundleFormat() throws IOException {
        Path file = write(book.bundle());
        Map<String, String> files = unzip(file);
        files.put("bundle.json", files.get("bundle.json").replace("\"format\":1", "\"format\":2"));
        rezip(file, files);

        assertThatThrownBy(() -> BundleReader.read(file)).isInstanceOf(BundleUnreadable.class)
                .hasMessageContaining("unsupported bundle format");
    }

    @Test
    void reportsANonCanonicalLineAsMalformedAtItsIndex() throws IOException {
        Path file = write(book.bundle());
        Map<String, String> files = unzip(file);
        String[] lines = files.get("entries.jsonl").split("\n");
        lines[3] = lines[3].replaceFirst("\\{", "{ ");
        files.put("entries.jsonl", String.join("\n", lines) + "\n");
        rezip(file, files);

        var report = Verifier.verify(file, Optional.of(book.logKey.verifierKey()));

        assertThat(report.findings()).extracting(Finding::index, Finding::code).contains(tuple(3L, "entry.malformed"));
    }

    private Path write(Bundle bundle) throws IOException {
        Path file = Files.createTempFile(dir, "bundle", ".zip");
        BundleWriter.write(bundle, file);
        return file;
    }

    private static Map<String, String> unzip(Path file) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void rezip(Path file, Map<String, String> files) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Files.write(file, bytes.toByteArray());
    }
}
