package org.gongzhang.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.bundle.BundleWriter;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.gongzhang.verifier.fixtures.NegativeFixture;
import org.gongzhang.verifier.fixtures.Tamper;
import org.gongzhang.verifier.fixtures.TestKeys;
import org.gongzhang.verifier.fixtures.WitnessedBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    private final BookFixture book = BookFixture.standard();
    private final WitnessedBook witnessed = WitnessedBook.create();

    @TempDir
    Path dir;

    @Test
    void exitsZeroForAnUntamperedBundleWithThePinnedLogKey() throws IOException {
        var run = CliRun.of("verify", write(book.bundle()).toString(), "--log-key", book.logKey.verifierKey().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("OK: 8 entries verified").doesNotContain("trust on first use")
                .contains("signed by the actor's own key: 8 entries; signed by the service for the actor (custodial, 代签): 0");
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
    void saysTheBundleIsConsistentWithTheSavedCheckpointAndNamesTheWitnesses() throws IOException {
        var run = CliRun.of("verify", write(witnessed.bundle()).toString(), "--log-key", logKey(witnessed),
                "--since", save(witnessed.saved()).toString(), "--cosignatures", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("consistent with the checkpoint saved earlier at size 6",
                "cosigned by 2 witness(es): xinhe:zhao-min, beishan:qian-li", "OK: 9 entries verified");
    }

    @Test
    void exitsOneAndReportsASplitViewForARewrittenHistory() throws IOException {
        var rewritten = NegativeFixture.REWRITTEN_HISTORY.build().bundle();

        var run = CliRun.of("verify", write(rewritten).toString(), "--log-key", logKey(witnessed),
                "--since", save(witnessed.saved()).toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("bundle: since.split-view: split view").doesNotContain("consistent with");
    }

    @Test
    void exitsOneWhenFewerWitnessesCosignedThanRequired() throws IOException {
        var run = CliRun.of("verify", write(witnessed.bundle()).toString(), "--log-key", logKey(witnessed),
                "--cosignatures", "3");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("bundle: cosignature.missing: the checkpoint carries 2 of the 3 required"
                + " cosignatures; signed by xinhe:zhao-min, beishan:qian-li");
    }

    @Test
    void countsWitnessKeysGivenOnTheCommandLineOrInAFileAndIgnoresUnknownSignatures() throws IOException {
        var first = NoteSigner.of("witness.example/one", TestKeys.ed25519Pair("witness one"));
        var second = NoteSigner.of("witness.example/two", TestKeys.ed25519Pair("witness two"));
        var stranger = NoteSigner.of("witness.example/stranger", TestKeys.ed25519Pair("stranger"));
        var checkpoint = SignedNote.parse(book.checkpoint()).cosignedBy(first).cosignedBy(stranger).cosignedBy(second);
        var bundle = Bundle.of(BookFixture.BOOK, book.entries(), Optional.of(checkpoint),
                book.logKey.verifierKey(), Instant.parse("2026-04-01T08:00:00Z"));
        var keyFile = Files.writeString(dir.resolve("witnesses.txt"), second.verifierKey() + "\n");

        var run = CliRun.of("verify", write(bundle).toString(), "--log-key", book.logKey.verifierKey().toString(),
                "--witness-key", first.verifierKey().toString(), "--witness-key", keyFile.toString(),
                "--cosignatures", "2", "--json");

        var json = CanonicalJson.parse(run.out());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(json.get("witnesses")).extracting(node -> node.textValue())
                .containsExactly("witness.example/one", "witness.example/two");
        assertThat(json.get("unknownSignatures").intValue()).isEqualTo(1);
        assertThat(json.get("consistentSince").isNull()).isTrue();
    }

    @Test
    void printsTheSavedCheckpointsSizeInJsonWhenConsistent() throws IOException {
        var run = CliRun.of("verify", write(witnessed.bundle()).toString(), "--log-key", logKey(witnessed),
                "--since", save(witnessed.saved()).toString(), "--json");

        assertThat(CanonicalJson.parse(run.out()).get("consistentSince").intValue()).isEqualTo(6);
    }

    @Test
    void printsWhichPublishedStatementTheBundleCarriesInJson() throws IOException {
        var published = NegativeFixture.publishedStatement(witnessed).bundle();

        var run = CliRun.of("verify", write(published).toString(), "--log-key", logKey(witnessed), "--json");

        var statement = CanonicalJson.parse(run.out()).get("statement");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(statement.get("version").intValue()).isEqualTo(1);
        assertThat(statement.get("draftedAt").intValue()).isEqualTo(9);
        assertThat(statement.get("signOff").get("actor").textValue()).isEqualTo("xinhe:zhao-min");
        assertThat(statement.get("posting").get("from").textValue()).isEqualTo("2026-04-05");
        assertThat(statement.get("supersededBy").isNull()).isTrue();
    }

    @Test
    void aPublishedStatementChangedAfterSignOffIsNotSignedEvenWhenItsFiguresAgree() throws IOException {
        var published = NegativeFixture.publishedStatement(witnessed).bundle();
        var statement = (ObjectNode) CanonicalJson.parse(published.statement().orElseThrow());
        statement.put("itemThreshold", "99999.00").putArray("items");
        var changed = published.withStatement(CanonicalJson.canonicalize(statement));

        var run = CliRun.of("verify", write(changed).toString(), "--log-key", logKey(witnessed));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("bundle: statement.not-signed: ", "every figure agrees with the entries")
                .doesNotContain("statement.json is statement");
    }

    @Test
    void aBundleWithoutAPublishedStatementSaysNoneInJson() throws IOException {
        var run = CliRun.of("verify", write(book.bundle()).toString(), "--json");

        assertThat(CanonicalJson.parse(run.out()).get("statement").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "two", "1.5", ""})
    void exitsTwoForACosignatureCountThatIsNotAWholeNumber(String count) throws IOException {
        var run = CliRun.of("verify", write(book.bundle()).toString(), "--cosignatures", count);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--cosignatures takes a whole number");
    }

    @Test
    void exitsTwoWhenTheSavedCheckpointCannotBeRead() throws IOException {
        var run = CliRun.of("verify", write(book.bundle()).toString(), "--since", dir.resolve("nothing.txt").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--since: cannot read", "nothing.txt").doesNotContain("Exception");
    }

    @Test
    void exitsTwoWhenTheSavedCheckpointIsNotASignedCheckpoint() throws IOException {
        var notes = Files.writeString(dir.resolve("notes.txt"), "my notes from the meeting\n");

        var run = CliRun.of("verify", write(book.bundle()).toString(), "--since", notes.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--since: ", "is not a signed checkpoint");
    }

    @Test
    void exitsTwoForAWitnessKeyThatIsNeitherAFileNorAKey() throws IOException {
        var run = CliRun.of("verify", write(book.bundle()).toString(), "--witness-key", "auditor.pub");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--witness-key: neither a readable file nor a note key");
    }

    @Test
    void exitsTwoWhenTheLogKeyIsGivenTwice() throws IOException {
        var key = book.logKey.verifierKey().toString();

        var run = CliRun.of("verify", write(book.bundle()).toString(), "--log-key", key, "--log-key", key);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--log-key may be given only once");
    }

    @Test
    void helpExitsZeroAndNamesEveryCommand() {
        var run = CliRun.of("help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ledger verify", "ledger export", "ledger keygen", "ledger sign", "ledger submit");
    }

    @Test
    void helpExplainsTheSavedCheckpointAndWitnessOptions() {
        assertThat(CliRun.of("help").out()).contains("--since FILE", "--witness-key KEY", "--cosignatures K", "split view");
    }

    private Path save(SignedNote checkpoint) throws IOException {
        return Files.writeString(dir.resolve("saved-checkpoint.txt"), checkpoint.toString());
    }

    private static String logKey(WitnessedBook book) {
        return book.book.logKey.verifierKey().toString();
    }

    private Path write(Bundle bundle) throws IOException {
        Path file = Files.createTempFile(dir, "bundle", ".zip");
        BundleWriter.write(bundle, file);
        return file;
    }
}
