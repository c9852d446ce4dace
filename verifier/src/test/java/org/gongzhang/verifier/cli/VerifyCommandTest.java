package org.gongzhang.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.bundle.BundleWriter;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.gongzhang.verifier.fixtures.Tamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    private final BookFixture book = BookFixture.standard();

    @TempDir
    Path dir;

    @Test
    void exitsZeroForAnUntamperedBundleWithThePinnedLogKey() throws IOException {
        var run = CliRun.of("verify", write(book.bundle()).toString(), "--log-key", book.logKey.verifierKey().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("OK: 8 entries verified").doesNotContain("trust on first use");
    }

    @Test
    void saysItTrustsTheBundlesOwnKeyWhenNoneIsGiven() throws IOException {
        var run = CliRun.of("verify", write(book.bundle()).toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("trust on first use");
    }

    @Test
    void exitsOneAndPrintsEachFindingForATamperedBundle() throws IOException {
        var altered = Tamper.edit(book.entries().get(4), e -> e.put("businessDate", "2026-01-01"));
        var tampered = Bundle.of(BookFixture.BOOK, Tamper.replace(book.entries(), 4, altered),
                book.bundle().checkpoint().map(SignedNote::parse),
                book.logKey.verifierKey(), Instant.now());

        var run = CliRun.of("verify", write(tampered).toString(), "--log-key", book.logKey.verifierKey().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("entry 4: entry.signature.invalid: ", "entry 5: chain.prev-mismatch: ",
                "bundle: checkpoint.root-mismatch: ", "FAILED: 3 finding(s) in 8 entries");
    }

    @Test
    void exitsOneWhenTheCheckpointIsNotSignedByThePinnedKey() throws IOException {
        var other = NoteSigner.generate("gongzhang.org/log").verifierKey();

        var run = CliRun.of("verify", write(book.bundle()).toString(), "--log-key", other.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("bundle: checkpoint.signature-invalid: ");
    }

    @Test
    void printsTheReportAsJsonWhenAsked() throws IOException {
        var run = CliRun.of("verify", write(book.bundle()).toString(), "--json");

        var json = CanonicalJson.parse(run.out());
        assertThat(json.get("ok").booleanValue()).isTrue();
        assertThat(json.get("entries").intValue()).isEqualTo(8);
        assertThat(json.get("trustOnFirstUse").booleanValue()).isTrue();
    }

    @Test
    void exitsTwoWhenTheBundleFileDoesNotExist() {
        var run = CliRun.of("verify", dir.resolve("missing.zip").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing.zip");
    }

    @Test
    void exitsTwoForALogKeyThatIsNotANoteKey() throws IOException {
        var run = CliRun.of("verify", write(book.bundle()).toString(), "--log-key", "not-a-key");

        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void exitsTwoWithoutABundleArgument() {
        assertThat(CliRun.of("verify").exitCode()).isEqualTo(2);
    }

    @Test
    void exitsTwoForAnUnknownCommand() {
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void helpExitsZeroAndNamesEveryCommand() {
        var run = CliRun.of("help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ledger verify", "ledger export", "ledger keygen", "ledger sign", "ledger submit");
    }

    private Path write(Bundle bundle) throws IOException {
        Path file = Files.createTempFile(dir, "bundle", ".zip");
        BundleWriter.write(bundle, file);
        return file;
    }
}
