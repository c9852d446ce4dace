package org.gongzhang.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.gongzhang.verifier.fixtures.WitnessedBook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shell commands of docs/how-to-verify-a-notice.md, section "Check a checkpoint signature
 * by hand", exactly as written there, against checkpoints the fixtures sign.
 */
class CheckpointByHandTest {

    private static final Path GUIDE = Path.of("..", "docs", "how-to-verify-a-notice.md");
    private static final String SECTION = "## 5. Check a checkpoint signature by hand";

    private final WitnessedBook witnessed = WitnessedBook.create();
    private final NoteVerifierKey logKey = witnessed.book.logKey.verifierKey();

    @TempDir
    Path dir;

    @BeforeAll
    static void requireOpenSsl() {
        assumeTrue(onPath("openssl"), "openssl is not on the PATH");
    }

    @Test
    void theGuideHoldsTheCommands() throws IOException {
        assertThat(guideCommands()).contains("sed '/^$/,$d' checkpoint.txt > note.txt",
                "openssl pkeyutl -verify -pubin -inkey log.pem -rawin -in note.txt -sigfile sig.bin");
    }

    @Test
    void theCommandsVerifyTheLogsSignatureOnACosignedCheckpoint() throws Exception {
        var run = run(witnessed.cosignedCheckpoint().toString(), logKey);

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output).contains("Signature Verified Successfully");
    }

    @Test
    void theCommandsVerifyAWitnessCosignatureWithTheWitnessKeyInItsPlace() throws Exception {
        var auditorKey = witnessed.book.auditor.noteSigner().verifierKey();

        var run = run(witnessed.cosignedCheckpoint().toString(), auditorKey);

        assertThat(run.exitCode).as(run.output).isZero();
    }

    @Test
    void theCommandsRejectACheckpointWithAChangedSize() throws Exception {
        var tampered = witnessed.cosignedCheckpoint().toString().replaceFirst("\n9\n", "\n10\n");

        var run = run(tampered, logKey);

        assertThat(run.exitCode).as(run.output).isNotZero();
        assertThat(run.output).contains("Signature Verification Failure");
    }

    @Test
    void theCommandsRejectACheckpointWithAChangedRoot() throws Exception {
        var note = witnessed.cosignedCheckpoint();
        var otherRoot = Checkpoint.forBook(BookFixture.BOOK, 9, witnessed.book.root(8)).body();
        var tampered = note.toString().replace(note.text(), otherRoot);

        var run = run(tampered, logKey);

        assertThat(run.exitCode).as(run.output).isNotZero();
    }

    @Test
    void theCommandsRejectACheckpointSignedByAnotherKeyUnderTheLogsName() throws Exception {
        var impostor = NoteSigner.generate(logKey.name());
        var forged = SignedNote.sign(witnessed.cosignedCheckpoint().text(), impostor);

        var run = run(forged.toString(), logKey);

        assertThat(run.exitCode).as(run.output).isNotZero();
    }

    private Run run(String checkpoint, NoteVerifierKey key) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("checkpoint.txt"), checkpoint);
        Files.writeString(dir.resolve("log.key"), key + "\n");
        Process process = new ProcessBuilder(List.of("bash", "-euo", "pipefail", "-c", guideCommands()))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    /** The {@code sh} code blocks of the guide's section, joined in order. */
    private static String guideCommands() throws IOException {
        assertThat(GUIDE).exists();
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        int start = guide.indexOf(SECTION);
        assertThat(start).as("section '%s' in %s", SECTION, GUIDE).isNotNegative();
        int end = guide.indexOf("\n## ", start + SECTION.length());
        String section = guide.substring(start, end < 0 ? guide.length() : end);
        List<String> blocks = new ArrayList<>();
        int open = section.indexOf("```sh\n");
        while (open >= 0) {
            int close = section.indexOf("\n```", open);
            blocks.add(section.substring(open + "```sh\n".length(), close));
            open = section.indexOf("```sh\n", close + 4);
        }
        assertThat(blocks).as("sh blocks in the section").isNotEmpty();
        return String.join("\n", blocks) + "\n";
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private record Run(int exitCode, String output) {
    }
}
