package org.gongzhang.service.keystore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Comparator;
import java.util.stream.Stream;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.SignatureSuite;

/**
 * What the key store costs. Before: the log key decoded from PKCS#8 bytes read from the database,
 * and a checkpoint signature is the note signature alone. After: the key decrypted from its file
 * (PBKDF2, once per start), and each checkpoint signature also writes the book's last signed
 * checkpoint beside the key store (a temporary file moved into place). The database insert of the
 * checkpoint row is the same in both and not measured. Arguments: seconds per measurement
 * (default 3) and PBKDF2 iterations (default 600000).
 */
public final class KeyStoreBenchmark {

    private KeyStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : KeyStoreProperties.DEFAULT_ITERATIONS;
        Path directory = Files.createTempDirectory("gongzhang-keystore-bench");
        try {
            KeyPair pair = SignatureSuite.ED25519.generateKeyPair();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            System.out.printf("cores: %d, java %s, PBKDF2-HMAC-SHA256 iterations: %d%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), iterations);

            long start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                SignatureSuite.ED25519.privateKey(pkcs8);
            }
            System.out.printf("key load before (decode PKCS#8 from the row): %.3f ms%n", (System.nanoTime() - start) / 1e6 / 1000);

            char[] passphrase = "benchmark passphrase".toCharArray();
            start = System.nanoTime();
            new KeyFiles(directory, passphrase, iterations).write("log-bench", pair.getPrivate());
            System.out.printf("key file write (encrypt, atomic write): %.0f ms%n", (System.nanoTime() - start) / 1e6);
            PrivateKey loaded = null;
            for (int round = 1; round <= 3; round++) {
                start = System.nanoTime();
                loaded = new KeyFiles(directory, passphrase, iterations).read("log-bench", SignatureSuite.ED25519);
                System.out.printf("key load after, round %d (read, PBKDF2, decrypt, decode): %.0f ms%n", round,
                        (System.nanoTime() - start) / 1e6);
            }

            NoteSigner before = NoteSigner.of("gongzhang-log", new KeyPair(pair.getPublic(),
                    SignatureSuite.ED25519.privateKey(pkcs8)));
            NoteSigner after = NoteSigner.of("gongzhang-log", new KeyPair(pair.getPublic(), loaded));
            Path kept = directory.resolve("checkpoints").resolve("bench.txt");
            for (int round = 1; round <= 3; round++) {
                double signOnly = rate(seconds, size -> sign(before, size));
                double signAndKeep = rate(seconds, size -> KeyFiles.writeAtomically(kept,
                        sign(after, size).toString().getBytes(StandardCharsets.UTF_8)));
                System.out.printf("round %d: checkpoint signatures/s before %.0f, after (signed with the key store's"
                        + " key, kept beside it) %.0f, ratio %.2f%n", round, signOnly, signAndKeep, signAndKeep / signOnly);
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static SignedNote sign(NoteSigner signer, long size) {
        byte[] root = new byte[32];
        root[0] = (byte) size;
        return Checkpoint.forBook("bench", size, root).sign(signer);
    }

    private static double rate(int seconds, java.util.function.LongConsumer signature) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            signature.accept(++count);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
