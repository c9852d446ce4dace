package org.gongzhang.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.AbstractIntegerAssert;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.gongzhang.verifier.fixtures.Tamper;
import org.gongzhang.verifier.fixtures.TestSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the stock OpenSSL 3 commands of docs/verify-with-openssl.md against entries and checkpoints this code signs. */
class OpenSslInteropTest {

    /** Step 2 and 3 of the guide: the signed bytes and the signature of the leaf in leaf.json. */
    private static final String EXTRACT = String.join("\n",
            "sed -e 's/^{\"entry\"://' -e 's/,\"signature\":\"[A-Za-z0-9+\\/=]*\"}$//' leaf.json | tr -d '\\n' > entry.bin",
            "sed -e 's/^.*,\"signature\":\"\\([A-Za-z0-9+\\/=]*\\)\"}$/\\1/' leaf.json | openssl base64 -d -A > sig.bin",
            "printf '%s' \"$PUBLIC_KEY\" | openssl base64 -d -A > pub.der",
            "openssl pkey -pubin -inform DER -in pub.der -out pub.pem");
    private static final String VERIFY_ED25519 =
            "openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in entry.bin -sigfile sig.bin";
    private static final String VERIFY_SM2 = "openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in entry.bin "
            + "-sigfile sig.bin -digest sm3 -pkeyopt distid:1234567812345678";
    private static final String VERIFY_CHECKPOINT = String.join("\n",
            "sed '/^$/,$d' checkpoint.txt > note.txt",
            "awk -v name=\"$(printf '%s' \"$LOG_KEY\" | cut -d+ -f1)\" '$2 == name { print $3 }' checkpoint.txt"
                    + " | openssl base64 -d -A | tail -c +5 > notesig.bin",
            "{ printf '\\060\\052\\060\\005\\006\\003\\053\\145\\160\\003\\041\\000';"
                    + " printf '%s' \"$LOG_KEY\" | cut -d+ -f3- | openssl base64 -d -A | tail -c +2; } > logkey.der",
            "openssl pkey -pubin -inform DER -in logkey.der -out logkey.pem",
            "openssl pkeyutl -verify -pubin -inkey logkey.pem -rawin -in note.txt -sigfile notesig.bin");

    private final BookFixture book = BookFixture.standard();

    @TempDir
    Path dir;

    @BeforeAll
    static void requireOpenSsl() {
        assumeTrue(onPath("openssl"), "openssl is not on the PATH");
    }

    @Test
    void stockOpenSslVerifiesAnEd25519Entry() throws Exception {
        verifyEntry(book.entries().get(1), book.preparer, VERIFY_ED25519).isZero();
    }

    @Test
    void stockOpenSslVerifiesAnSm2Entry() throws Exception {
        verifyEntry(book.entries().get(2), book.reviewer, VERIFY_SM2).isZero();
    }

    @Test
    void stockOpenSslRejectsATamperedEd25519Entry() throws Exception {
        var tampered = Tamper.edit(book.entries().get(1), e -> e.put("businessDate", "2026-01-01"));

        verifyEntry(tampered, book.preparer, VERIFY_ED25519).isNotZero();
    }

    @Test
    void stockOpenSslRejectsATamperedSm2Entry() throws Exception {
        var tampered = Tamper.edit(book.entries().get(2), e -> e.put("businessDate", "2026-01-01"));

        verifyEntry(tampered, book.reviewer, VERIFY_SM2).isNotZero();
    }

    @Test
    void stockOpenSslVerifiesTheCheckpointNoteSignature() throws Exception {
        Files.writeString(dir.resolve("checkpoint.txt"), book.checkpoint());

        run(VERIFY_CHECKPOINT, "LOG_KEY", book.logKey.verifierKey().toString()).isZero();
    }

    @Test
    void stockOpenSslRejectsACheckpointWithAChangedSize() throws Exception {
        Files.writeString(dir.resolve("checkpoint.txt"), book.checkpoint().replaceFirst("\n8\n", "\n9\n"));

        run(VERIFY_CHECKPOINT, "LOG_KEY", book.logKey.verifierKey().toString()).isNotZero();
    }

    private AbstractIntegerAssert<?> verifyEntry(SignedEntry entry, TestSigner signer, String verify) throws Exception {
        Files.writeString(dir.resolve("leaf.json"), entry.leaf() + "\n");
        String publicKey = Base64.getEncoder().encodeToString(signer.key().publicKey().getEncoded());
        return run(EXTRACT + "\n" + verify, "PUBLIC_KEY", publicKey);
    }

    /** Runs the script in the test directory; the exit code, with the script's output as its description. */
    private AbstractIntegerAssert<?> run(String script, String variable, String value)
            throws IOException, InterruptedException {
        var process = new ProcessBuilder(List.of("bash", "-euo", "pipefail", "-c", script))
                .directory(dir.toFile()).redirectErrorStream(true);
        process.environment().put(variable, value);
        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return assertThat(started.waitFor()).as(output);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
