package org.gongzhang.verifier.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.Cosigner;
import org.gongzhang.verifier.checkpoint.NoteSignature;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.merkle.MerkleHash;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.gongzhang.verifier.witness.AddCheckpointRequest;
import org.gongzhang.verifier.witness.Witness;
import org.gongzhang.verifier.witness.WitnessServer;
import org.gongzhang.verifier.witness.WitnessState;

/**
 * Witness round-trip benchmark: what one checkpoint costs to get cosigned by two witnesses, as the
 * service does it — for each checkpoint, sign it, build the consistency proof from the size the
 * witnesses cosigned last, post it to each witness in turn over HTTP on loopback (keep-alive), and
 * check each returned cosignature. Each witness verifies the log's signature and the proof, cosigns,
 * and replaces its state file atomically with fsync before answering. The same work is then timed
 * without HTTP (calling the witness directly) to show what the transport adds.
 *
 * <pre>./mvnw -q -B -ntp -pl verifier test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.gongzhang.verifier.bench.WitnessBenchmark -Dexec.args="300 10"</pre>
 *
 * Arguments: checkpoints timed (default 300, after 50 unmeasured) and entries added between two
 * checkpoints (default 10).
 */
public final class WitnessBenchmark {

    private static final int WARMUP = 50;
    private static final String BOOK = "bench-public";

    private final NoteSigner log = NoteSigner.of("gongzhang.org/log", SignatureSuite.ED25519.generateKeyPair());
    private final List<byte[]> leaves = new ArrayList<>();
    private final int step;
    private long cosignedSize;

    private WitnessBenchmark(int step) {
        this.step = step;
    }

    public static void main(String[] args) throws Exception {
        int checkpoints = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int step = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.printf("witness round trip: %d checkpoints (+%d unmeasured), %d entries apart, 2 witnesses, %d cores%n",
                checkpoints, WARMUP, step, Runtime.getRuntime().availableProcessors());
        report("over HTTP, both witnesses", new WitnessBenchmark(step).run(checkpoints, true));
        report("in process (no HTTP), both witnesses", new WitnessBenchmark(step).run(checkpoints, false));
    }

    private double[] run(int checkpoints, boolean http) throws Exception {
        Path dir = Files.createTempDirectory("witness-bench");
        List<Cosigner> cosigners = List.of(Cosigner.of("w1.bench", SignatureSuite.ED25519.generateKeyPair()),
                Cosigner.of("w2.bench", SignatureSuite.ED25519.generateKeyPair()));
        List<WitnessState> states = new ArrayList<>();
        List<Witness> witnesses = new ArrayList<>();
        List<WitnessServer> servers = new ArrayList<>();
        for (Cosigner cosigner : cosigners) {
            WitnessState state = WitnessState.open(dir.resolve(cosigner.verifierKey().name()));
            Witness witness = new Witness(cosigner, List.of(log.verifierKey()), Checkpoint.bookOrigin(""), state,
                    Clock.systemUTC());
            states.add(state);
            witnesses.add(witness);
            servers.add(WitnessServer.start(witness, new InetSocketAddress("127.0.0.1", 0)));
        }
        HttpClient client = HttpClient.newHttpClient();
        double[] millis = new double[checkpoints];
        try {
            for (int i = 0; i < WARMUP + checkpoints; i++) {
                long start = System.nanoTime();
                String body = nextRequest();
                for (int w = 0; w < cosigners.size(); w++) {
                    String answer = http ? post(client, servers.get(w), body) : witnesses.get(w).addCheckpoint(body).body();
                    check(body, answer, cosigners.get(w));
                }
                cosignedSize = leaves.size();
                if (i >= WARMUP) {
                    millis[i - WARMUP] = (System.nanoTime() - start) / 1e6;
                }
            }
        } finally {
            servers.forEach(WitnessServer::close);
            for (WitnessState state : states) {
                state.close();
            }
        }
        return millis;
    }

    /** Grows the log by {@code step} entries and builds the add-checkpoint body for its new checkpoint. */
    private String nextRequest() {
        for (int i = 0; i < step; i++) {
            leaves.add(MerkleHash.leaf(("entry " + leaves.size()).getBytes(StandardCharsets.UTF_8)));
        }
        SignedNote note = Checkpoint.forBook(BOOK, leaves.size(), MerkleTree.root(leaves)).sign(log);
        List<byte[]> proof = cosignedSize == 0 ? List.of() : MerkleTree.consistencyProof(leaves, cosignedSize).hashes();
        return AddCheckpointRequest.body(cosignedSize, proof, note);
    }

    private static String post(HttpClient client, WitnessServer server, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/add-checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("witness answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void check(String body, String answer, Cosigner cosigner) {
        SignedNote note = AddCheckpointRequest.parse(body).note();
        NoteSignature line = NoteSignature.parse(answer.strip());
        if (!note.with(List.of(line)).isSignedBy(cosigner.verifierKey())) {
            throw new IllegalStateException("cosignature does not verify");
        }
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(millis).average().orElse(0);
        System.out.printf("%s: per checkpoint median %.2f ms, p95 %.2f ms, best %.2f ms, mean %.2f ms (%.0f checkpoints/s)%n",
                what, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)], sorted[0], mean, 1000 / mean);
    }
}
