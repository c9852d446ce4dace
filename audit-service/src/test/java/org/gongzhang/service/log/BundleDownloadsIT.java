package org.gongzhang.service.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.VerificationReport;
import org.gongzhang.verifier.Verifier;
import org.gongzhang.verifier.bundle.BundleReader;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle (审计包) is written to a file of its own and sent from it, so that a book of any size is
 * handed out in little memory: the download is the whole ZIP with its length announced, it
 * verifies, and no file is left behind, neither after a download nor after a refusal.
 */
class BundleDownloadsIT extends ServiceIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path downloads;

    @Test
    void aBooksBundleIsSentWhole_verifies_andLeavesNoFileBehind() throws Exception {
        TestBook book = TestBook.open(client);
        book.postVoucher(book.parkingVoucher("100.00"));
        book.postVoucher(book.parkingVoucher("250.00"));
        long size = client.get("/api/books/" + book.id + "/head").json().get("size").asLong();
        List<Path> before = spooled();

        HttpResponse<byte[]> whole = get("/api/books/" + book.id + "/bundle");

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/zip"));
        assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(whole.body().length);
        assertThat(whole.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"" + book.id + ".bundle.zip\"");
        VerificationReport report = verify(whole.body());
        assertThat(report.findings()).isEmpty();
        assertThat(report.entries()).isEqualTo(size);
        assertNothingLeftBeyond(before);
    }

    @Test
    void theBundleOfTheFirstEntriesHoldsThoseAndVerifies() throws Exception {
        TestBook book = TestBook.open(client);
        book.postVoucher(book.parkingVoucher("100.00"));
        List<Path> before = spooled();

        HttpResponse<byte[]> prefix = get("/api/books/" + book.id + "/bundle?size=2");

        assertThat(prefix.statusCode()).isEqualTo(200);
        Path file = Files.write(downloads.resolve("prefix.zip"), prefix.body());
        assertThat(BundleReader.read(file).manifest().size()).isEqualTo(2);
        assertThat(BundleReader.read(file).leaves()).hasSize(2);
        assertThat(verify(prefix.body()).findings()).isEmpty();
        assertNothingLeftBeyond(before);
    }

    @Test
    void aRefusedBundleLeavesNoFileBehind() throws Exception {
        TestBook book = TestBook.open(client);
        List<Path> before = spooled();

        HttpResponse<byte[]> tooLarge = get("/api/books/" + book.id + "/bundle?size=999");

        assertThat(tooLarge.statusCode()).isEqualTo(422);
        assertThat(new String(tooLarge.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("proof.size.out-of-range");
        assertThat(get("/api/books/no-such-book/bundle").statusCode()).isEqualTo(404);
        assertNothingLeftBeyond(before);
    }

    private VerificationReport verify(byte[] zip) throws IOException {
        Path file = Files.createTempFile(downloads, "download-", ".zip");
        Files.write(file, zip);
        NoteVerifierKey logKey = NoteVerifierKey.parse(client.get("/api/log-key").body().strip());
        return Verifier.verify(file, Optional.of(logKey));
    }

    /** The service's bundle files in the temporary directory it writes them to. */
    private static List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("gongzhang-bundle-")).toList();
        }
    }

    /** Every bundle file written since {@code before} was deleted (a moment's grace: it goes as the answer ends). */
    private static void assertNothingLeftBeyond(List<Path> before) throws Exception {
        List<Path> left = List.of();
        for (int i = 0; i < 50; i++) {
            left = spooled().stream().filter(f -> !before.contains(f)).toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(left).as("bundle files left behind").isEmpty();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
