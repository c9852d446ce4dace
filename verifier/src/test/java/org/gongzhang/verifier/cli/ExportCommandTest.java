package org.gongzhang.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gongzhang.verifier.bundle.BundleWriter;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void downloadsTheBundleAndPrintsHowManyEntriesItHolds() throws IOException {
        var zip = new ByteArrayOutputStream();
        BundleWriter.write(BookFixture.standard().bundle(), zip);
        Path out = dir.resolve("book.zip");
        try (var server = new StubServer().answer("/api/books/lanyuan-public/bundle", 200, "application/zip",
                zip.toByteArray())) {

            var run = CliRun.of("export", "--book", "lanyuan-public", "--out", out.toString(), "--server", server.url());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("8 entries");
            assertThat(Files.readAllBytes(out)).isEqualTo(zip.toByteArray());
        }
    }

    @Test
    void asksForTheFirstEntriesWithSize() throws IOException {
        var zip = new ByteArrayOutputStream();
        BundleWriter.write(BookFixture.standard().bundle(), zip);
        try (var server = new StubServer().answer("/api/books/b/bundle", 200, "application/zip", zip.toByteArray())) {

            var run = CliRun.of("export", "--book", "b", "--size", "8", "--out", dir.resolve("b.zip").toString(),
                    "--server", server.url());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(server.requests()).singleElement().extracting(StubServer.Request::query).isEqualTo("size=8");
        }
    }

    @Test
    void aSizeThatIsNotAPositiveNumberIsAUsageError() {
        var run = CliRun.of("export", "--book", "b", "--size", "0", "--out", dir.resolve("b.zip").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--size");
    }

    @Test
    void exitsOneWithTheServersAnswerOnAnHttpError() throws IOException {
        try (var server = new StubServer().answer("/api/books/nope/bundle", 404,
                "{\"type\":\"book-not-found\",\"title\":\"no such book\"}")) {

            var run = CliRun.of("export", "--book", "nope", "--out", dir.resolve("x.zip").toString(), "--server", server.url());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("404", "book-not-found");
        }
    }

    @Test
    void exitsOneWithAClearMessageWhenTheServerIsUnreachable() throws IOException {
        int freePort;
        try (var socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }

        var run = CliRun.of("export", "--book", "b", "--out", dir.resolve("x.zip").toString(),
                "--server", "http://127.0.0.1:" + freePort);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach the server");
    }
}
