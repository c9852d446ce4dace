package org.gongzhang.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.assertj.core.groups.Tuple;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.bundle.BundleReader;
import org.gongzhang.verifier.bundle.BundleWriter;
import org.gongzhang.verifier.entry.Custody;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.fixtures.NegativeFixture;
import org.gongzhang.verifier.fixtures.Tamper;
import org.gongzhang.verifier.fixtures.WitnessedBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A bundle file verified streaming ({@link Verifier#verifyFile}) gets exactly the report the same
 * bundle gets read into memory and verified on one thread: the same findings, in the same order,
 * with the same messages; whatever the order of the files in the ZIP, and on any number of threads
 * with any batch size. Each case also names the findings it must have, so that two verifiers
 * wrong the same way still fail.
 */
class StreamingVerifierTest {

    /** (threads, leaves per batch): one thread alone, and pools cut fine enough to interleave. */
    private static final int[][] SETTINGS = {{1, 256}, {2, 1}, {3, 2}, {4, 7}, {2, 256}};
    /** ZIP orders: as written, the entries first, every small file before the entries. */
    private static final List<List<String>> ORDERS = List.of(List.of(),
            List.of("entries.jsonl", "bundle.json", "checkpoint.txt", "statement.json"),
            List.of("statement.json", "checkpoint.txt", "bundle.json", "entries.jsonl"));

    private final WitnessedBook witnessed = WitnessedBook.create();

    @TempDir
    Path dir;

    @Test
    void anUntamperedBundleVerifiesAndSaysWhoSigned() throws IOException {
        var report = sameEitherWay(witnessed.bundle(), witnessed.options());

        assertThat(report.ok()).isTrue();
        assertThat(report.entries()).isEqualTo(9);
        assertThat(report.consistentSince()).hasValue(WitnessedBook.SAVED_SIZE);
        assertThat(report.witnesses()).hasSize(2);
    }

    @Test
    void anAlteredEntry() throws IOException {
        List<SignedEntry> entries = witnessed.book.entries();
        var altered = Tamper.replace(entries, 4, Tamper.edit(entries.get(4), e -> e.put("businessDate", "2026-01-01")));

        var report = sameEitherWay(witnessed.bundle(altered, witnessed.cosignedCheckpoint()), witnessed.options());

        assertThat(codes(report)).containsSubsequence(tuple(4L, "entry.signature.invalid"),
                tuple(5L, "chain.prev-mismatch"), tuple(-1L, "checkpoint.root-mismatch"), tuple(-1L, "since.split-view"));
    }

    @Test
    void aBadSignature() throws IOException {
        List<String> lines = new ArrayList<>(witnessed.bundle().leaves());
        lines.set(3, flipSignature(lines.get(3)));

        var report = sameEitherWay(withLines(witnessed.bundle(), lines), witnessed.options());

        assertThat(codes(report)).containsExactly(tuple(3L, "entry.signature.invalid"), tuple(4L, "chain.prev-mismatch"),
                tuple(-1L, "bundle.root-mismatch"), tuple(-1L, "checkpoint.root-mismatch"),
                tuple(-1L, "since.split-view"));
    }

    @Test
    void aWrongRootAndWrongSize() throws IOException {
        var root = NegativeFixture.WRONG_ROOT.build();
        var size = NegativeFixture.WRONG_SIZE.build();

        assertThat(codes(sameEitherWay(root.bundle(), root.options()))).contains(tuple(-1L, "checkpoint.root-mismatch"));
        assertThat(codes(sameEitherWay(size.bundle(), size.options()))).contains(tuple(9L, "checkpoint.size-mismatch"));
    }

    @Test
    void reorderedEntries() throws IOException {
        var swapped = Tamper.swap(witnessed.book.entries(), 4, 5);

        var report = sameEitherWay(witnessed.bundle(swapped, witnessed.cosignedCheckpoint()), witnessed.options());

        assertThat(codes(report)).containsSubsequence(tuple(4L, "index.gap"), tuple(4L, "chain.prev-mismatch"),
                tuple(5L, "index.gap"), tuple(5L, "chain.prev-mismatch"), tuple(6L, "chain.prev-mismatch"));
    }

    @Test
    void aFileCutShortIsUnreadableWhicheverWayItIsRead() throws IOException {
        Map<String, byte[]> files = files(witnessed.bundle());
        byte[] entries = files.get("entries.jsonl");
        files.put("entries.jsonl", Arrays.copyOf(entries, entries.length - 40));
        Path file = Files.write(dir.resolve("cut.zip"), zip(files, List.of()));

        for (int[] setting : SETTINGS) {
            var streamed = Verifier.verifyFile(file, witnessed.options(), setting[0], setting[1]);

            assertThat(codes(streamed.report())).containsExactly(tuple(-1L, "bundle.unreadable"));
            assertThat(streamed.report().findings().get(0).message()).contains("cut short");
            assertThat(streamed.custody()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = NegativeFixture.class, names = {"STATEMENT_DOES_NOT_ADD_UP", "PUBLISHED_STATEMENT_CHANGED"})
    void aStatementThatDoesNotMatchTheEntries(NegativeFixture fixture) throws IOException {
        var tampered = fixture.build();

        var report = sameEitherWay(tampered.bundle(), tampered.options());

        assertThat(report.findings()).extracting(Finding::code).contains(fixture.cause)
                .containsAll(fixture.consequences);
    }

    @Test
    void aPublishedStatementOnAnEarlierCheckpointVerifiesAndNamesItsVersion() throws IOException {
        var published = NegativeFixture.publishedStatement(witnessed);

        var report = sameEitherWay(published.bundle(), published.options());

        assertThat(report.findings()).isEmpty();
        assertThat(report.statement()).hasValueSatisfying(v -> assertThat(v.posting()).isPresent());
    }

    @Test
    void aDraftWhoseCheckpointTheWalkHadAlreadyPassedIsCheckedOnTheLeavesReadAgain() throws IOException {
        witnessed.publishMarchStatement(); // drafted at 9 on the nine entries before it
        List<SignedEntry> entries = witnessed.book.entries();
        var inserted = Tamper.insert(entries, 3, entries.get(2)); // the draft now sits at 10 and still says 9

        var report = sameEitherWay(witnessed.bundle(inserted, witnessed.cosignedCheckpoint()), witnessed.options());

        assertThat(codes(report)).contains(tuple(3L, "chain.prev-mismatch"), tuple(9L, "index.gap"),
                tuple(9L, "statement-draft.checkpoint-mismatch"));
        assertThat(report.findings()).filteredOn(f -> f.code().equals("statement-draft.checkpoint-mismatch"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("the 9 entries before it hash to"));
    }

    @Test
    void aStatementOverAnEntryWhoseEnvelopeCannotBeReadSaysSoInsteadOfFailing() throws IOException {
        var published = NegativeFixture.publishedStatement(witnessed);
        List<String> lines = new ArrayList<>(published.bundle().leaves());
        lines.set(2, lines.get(2).replace("\"kind\":", "\"kinds\":"));

        var report = sameEitherWay(withLines(published.bundle(), lines), published.options());

        assertThat(codes(report)).contains(tuple(2L, "entry.malformed"), tuple(-1L, "statement.entry-unreadable"));
        assertThat(report.findings()).filteredOn(f -> f.code().equals("statement.entry-unreadable")).extracting(Finding::message)
                .containsExactly("entry 2 cannot be read as money: entry.kind: must be a non-empty string");
    }

    @Test
    void manyFindingsComeInIndexOrderOnAnyNumberOfThreads() throws IOException {
        for (int i = 0; i < 30; i++) {
            witnessed.book.postVoucher();
        }
        List<String> lines = new ArrayList<>(witnessed.book.bundle().leaves());
        for (int i = 5; i < lines.size(); i += 4) {
            lines.set(i, i % 8 == 1 ? flipSignature(lines.get(i)) : lines.get(i).replaceFirst("\\{", "{ "));
        }

        var report = sameEitherWay(withLines(witnessed.bundle(), lines), witnessed.options());

        assertThat(report.findings()).hasSizeGreaterThan(40);
        List<Long> indices = report.findings().stream().map(Finding::index).filter(i -> i >= 0).toList();
        assertThat(indices).isSorted();
    }

    /**
     * The report of {@code bundle} verified in memory on one thread, after checking that every way
     * of streaming it from a file gets the same report, custody count and statement.
     */
    private VerificationReport sameEitherWay(Bundle bundle, VerifyOptions options) throws IOException {
        Map<String, byte[]> files = files(bundle);
        Bundle read = BundleReader.read(BundleWriter.toBytes(bundle));
        VerificationReport expected = Verifier.verify(read, options, 1, 256);
        for (List<String> order : ORDERS) {
            Path file = Files.write(Files.createTempFile(dir, "bundle", ".zip"), zip(files, order));
            for (int[] setting : SETTINGS) {
                FileVerification streamed = Verifier.verifyFile(file, options, setting[0], setting[1]);

                assertThat(streamed.report()).as("order %s, %d threads, batch %d", order, setting[0], setting[1])
                        .isEqualTo(expected);
                assertThat(streamed.custody()).contains(Custody.of(read.leaves()));
                assertThat(streamed.statement()).isEqualTo(read.statement());
            }
        }
        for (int[] setting : SETTINGS) {
            assertThat(Verifier.verify(read, options, setting[0], setting[1])).isEqualTo(expected);
        }
        return expected;
    }

    private static List<Tuple> codes(VerificationReport report) {
        return report.findings().stream().map(f -> tuple(f.index(), f.code())).toList();
    }

    private static Bundle withLines(Bundle bundle, List<String> lines) {
        return new Bundle(bundle.manifest(), lines, bundle.checkpoint(), bundle.statement(), bundle.logKeyRotations());
    }

    private static String flipSignature(String line) {
        int at = line.indexOf("\"signature\":\"") + 14;
        return line.substring(0, at) + (line.charAt(at) == 'A' ? 'B' : 'A') + line.substring(at + 1);
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

    /** The files zipped with those named in {@code order} first, in that order, then the rest as they were. */
    private static byte[] zip(Map<String, byte[]> files, List<String> order) throws IOException {
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        order.stream().filter(files::containsKey).forEach(name -> ordered.put(name, files.get(name)));
        files.forEach(ordered::putIfAbsent);
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var e : ordered.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
