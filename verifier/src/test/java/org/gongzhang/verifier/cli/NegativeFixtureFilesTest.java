package org.gongzhang.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gongzhang.verifier.bundle.BundleWriter;
import org.gongzhang.verifier.fixtures.NegativeFixture;
import org.gongzhang.verifier.fixtures.WitnessedBook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The negative fixtures as files (src/test/resources/fixtures/negative, see its README), for
 * anyone writing another verifier: each fails {@code ledger verify} with the finding that names
 * it, the untampered one passes. {@code -Dfixtures.regenerate=true} rewrites the files first.
 */
class NegativeFixtureFilesTest {

    private static final Path SOURCE = Path.of("src", "test", "resources", "fixtures", "negative");

    @BeforeAll
    static void regenerateWhenAsked() throws IOException {
        if (Boolean.getBoolean("fixtures.regenerate")) {
            WitnessedBook book = WitnessedBook.create();
            Files.writeString(SOURCE.resolve("log.key"), book.book.logKey.verifierKey() + "\n");
            Files.writeString(SOURCE.resolve("saved-checkpoint.txt"), book.saved().toString());
            BundleWriter.write(NegativeFixture.untampered(book).bundle(), SOURCE.resolve("untampered.zip"));
            BundleWriter.write(NegativeFixture.publishedStatement(book).bundle(), SOURCE.resolve("published-statement.zip"));
            for (NegativeFixture fixture : NegativeFixture.values()) {
                BundleWriter.write(fixture.build(book).bundle(), SOURCE.resolve(fileName(fixture)));
            }
        }
    }

    @Test
    void theUntamperedFilePasses() {
        var run = verify("untampered.zip");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("consistent with the checkpoint saved earlier at size 6");
    }

    @Test
    void thePublishedStatementFilePassesAndSaysWhoSignedItOff() {
        var run = verify("published-statement.zip");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("version 1", "drafted by agent:li-na at entry 9",
                "signed off by xinhe:zhao-min at entry 10", "published for posting 2026-04-05…2026-04-19 at entry 11");
    }

    @ParameterizedTest
    @EnumSource(NegativeFixture.class)
    void eachNegativeFileFailsWithTheFindingThatNamesIt(NegativeFixture fixture) {
        var run = verify(fileName(fixture));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains(": " + fixture.cause + ": ");
    }

    @ParameterizedTest
    @EnumSource(NegativeFixture.class)
    void theReadmeListsEachFile(NegativeFixture fixture) throws IOException {
        assertThat(Files.readString(SOURCE.resolve("README.md"))).contains("`" + fileName(fixture) + "`", fixture.cause);
    }

    /** {@code WRONG_ROOT} → {@code wrong-root.zip}. */
    private static String fileName(NegativeFixture fixture) {
        return fixture.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".zip";
    }

    private static CliRun verify(String bundle) {
        return CliRun.of("verify", SOURCE.resolve(bundle).toString(), "--log-key", SOURCE.resolve("log.key").toString(),
                "--since", SOURCE.resolve("saved-checkpoint.txt").toString(),
                "--cosignatures", String.valueOf(WitnessedBook.REQUIRED_COSIGNATURES));
    }
}
