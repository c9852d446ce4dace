package org.gongzhang.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.NoteSignature;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.fixtures.TestKeys;
import org.gongzhang.verifier.merkle.MerkleHash;
import org.gongzhang.verifier.witness.AddCheckpointRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ledger witness}: its key made once and printed, and the witness served as its own process would serve it. */
class WitnessCommandTest {

    @TempDir
    Path dir;

    private final NoteSigner log = NoteSigner.of("gongzhang.org/log", TestKeys.ed25519Pair("log"));

    @Test
    void initMakesTheKeyOnceAndPrintsItsCosignerKey() {
        String key = dir.resolve("w1/witness.key").toString();

        CliRun first = CliRun.of("witness", "init", "--key", key, "--name", "witness.xinhe.example/w1");
        CliRun again = CliRun.of("witness", "init", "--key", key, "--name", "witness.xinhe.example/w1");

        assertThat(first.exitCode()).as(first.err()).isZero();
        NoteVerifierKey printed = NoteVerifierKey.parse(first.out().strip());
        assertThat(printed.isCosigner()).isTrue();
        assertThat(printed.name()).isEqualTo("witness.xinhe.example/w1");
        assertThat(again.out()).isEqualTo(first.out());
    }

    @Test
    void aWitnessWithoutALogKeyIsAUsageError() {
        CliRun run = CliRun.of("witness", "--listen", "127.0.0.1:0", "--state", dir.toString(), "--key",
                dir.resolve("w.key").toString(), "--name", "w1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--log-key");
    }

    @Test
    void servesAddCheckpointUntilInterruptedAndKeepsItsStateInItsDirectory() throws Exception {
        int port = freePort();
        Path logKey = Files.writeString(dir.resolve("log.key"), log.verifierKey() + "\n");
        var out = new ByteArrayOutputStream();
        Thread witness = new Thread(() -> LedgerCli.run(new String[] {"witness", "--listen", "127.0.0.1:" + port,
                "--state", dir.resolve("state").toString(), "--key", dir.resolve("w.key").toString(),
                "--name", "witness.xinhe.example/w1", "--log-key", logKey.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        witness.start();
        try {
            SignedNote note = Checkpoint.forBook("lanyuan-public", 1, MerkleHash.leaf(new byte[] {1})).sign(log);
            HttpResponse<String> answer = postWhenUp(port, AddCheckpointRequest.body(0, List.of(), note));

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            NoteVerifierKey cosigner = NoteVerifierKey.parse(out.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("cosigner key: ")).findFirst().orElseThrow().substring(14));
            assertThat(note.with(List.of(NoteSignature.parse(answer.body().strip()))).isSignedBy(cosigner)).isTrue();
            assertThat(Files.list(dir.resolve("state")).map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.endsWith(".checkpoint"));
        } finally {
            witness.interrupt();
            witness.join(5000);
        }
        assertThat(witness.isAlive()).isFalse();
    }

    private static HttpResponse<String> postWhenUp(int port, String body) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int attempt = 0; ; attempt++) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/add-checkpoint"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                if (attempt > 100) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
