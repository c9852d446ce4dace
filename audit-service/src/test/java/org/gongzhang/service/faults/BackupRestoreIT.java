package org.gongzhang.service.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gongzhang.service.support.ChildService;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented backup and restore ({@code ./ledger backup}, {@code ./ledger restore}): refused
 * while the service runs; taken after it stops; restored into fresh directories, the service starts
 * on them and every book verifies with the size and root it had before the backup, and goes on.
 */
class BackupRestoreIT {

    @TempDir
    Path work;

    @Test
    void aBackupRestoredIntoFreshDirectoriesStartsAndEveryBookVerifiesAsBefore() throws Exception {
        Path data = work.resolve("data");
        Path keys = work.resolve("keys");
        Path archive = work.resolve("backup.tar.gz");
        Path log = Files.createDirectories(Path.of("target", "backup-it")).resolve("service.log");
        Files.deleteIfExists(log);
        Map<String, JsonNode> before = new LinkedHashMap<>();
        List<TestBook> books = new ArrayList<>();
        try (ChildService service = ChildService.start(data, keys, log)) {
            for (int b = 0; b < 2; b++) {
                TestBook book = TestBook.open(service.client);
                book.postVoucher(book.parkingVoucher("1" + b + "0.00"));
                books.add(book);
            }
            for (TestBook book : books) {
                before.put(book.id, service.client.get("/api/books/" + book.id + "/verify").json());
            }
            Ledger running = ledger("backup", "--data", data.toString(), "--keys", keys.toString(), "--out",
                    archive.toString());
            assertThat(running.exit()).as("refused while the service runs: %s", running.output()).isEqualTo(3);
            assertThat(running.output()).contains("stop the service first");
            assertThat(archive).doesNotExist();
        }

        Ledger backup = ledger("backup", "--data", data.toString(), "--keys", keys.toString(), "--out", archive.toString());
        assertThat(backup.exit()).as(backup.output()).isZero();
        assertThat(Files.size(archive)).isPositive();

        Path restoredData = work.resolve("restored-data");
        Path restoredKeys = work.resolve("restored-keys");
        Ledger notEmpty = ledger("restore", archive.toString(), "--data", data.toString(), "--keys",
                restoredKeys.toString());
        assertThat(notEmpty.exit()).as("never over a directory in use: %s", notEmpty.output()).isEqualTo(3);
        Ledger restore = ledger("restore", archive.toString(), "--data", restoredData.toString(), "--keys",
                restoredKeys.toString());
        assertThat(restore.exit()).as(restore.output()).isZero();

        try (ChildService restored = ChildService.start(restoredData, restoredKeys, log)) {
            LedgerClient client = restored.client;
            for (TestBook book : books) {
                JsonNode verify = client.get("/api/books/" + book.id + "/verify").json();
                JsonNode was = before.get(book.id);
                assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();
                assertThat(verify.path("entries").asLong()).isEqualTo(was.path("entries").asLong());
                assertThat(verify.path("root").asText()).isEqualTo(was.path("root").asText());
                LedgerClient.Answer next = client.submit(client.next(book.preparer, book.id, "voucher.recorded",
                        book.today, book.parkingVoucher("5.00")), "en");
                assertThat(next.status()).as(next.body()).isEqualTo(201);
            }
        }
    }

    /**
     * {@code GONGZHANG_HOME} moves the deployment as a whole: {@code ./ledger serve} keeps the books and
     * the key store there (not in {@code ~/.gongzhang}), and {@code ./ledger backup} without
     * {@code --data} / {@code --keys} takes them from there.
     */
    @Test
    void serveAndBackupAgreeOnGongzhangHome() throws Exception {
        Path home = work.resolve("home");
        Path log = Files.createDirectories(Path.of("target", "backup-it")).resolve("serve.log");
        int port = ChildService.freePort();
        ProcessBuilder serve = new ProcessBuilder("bash", Path.of("..", "ledger").toString(), "serve",
                "--server.port=" + port).redirectErrorStream(true).redirectOutput(log.toFile());
        serve.environment().putAll(Map.of("GONGZHANG_HOME", home.toString(), "GONGZHANG_WITNESSES", "0",
                "GONGZHANG_CDS", "0"));
        serve.environment().remove("LEDGER_KEYSTORE_PASSPHRASE");
        Process process = serve.start();
        try {
            LedgerClient client = new LedgerClient(port);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            int health = 0;
            while (health != 200 && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(500);
                try {
                    health = client.get("/actuator/health").status();
                } catch (AssertionError | RuntimeException notListeningYet) {
                    health = 0;
                }
            }
            assertThat(health).as("health of ./ledger serve; its log: %s", log.toAbsolutePath()).isEqualTo(200);
        } finally {
            // SIGTERM to the script, as kill(1) or a service manager sends it: the script stops the
            // service, which stops its PostgreSQL, and ends when they have
            List<ProcessHandle> tree = process.descendants().toList();
            process.destroy();
            try {
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("./ledger serve ended on SIGTERM").isTrue();
                for (ProcessHandle left : tree) {
                    left.onExit().get(60, TimeUnit.SECONDS); // a TimeoutException: left running by the script
                }
            } finally {
                tree.forEach(ProcessHandle::destroyForcibly);
            }
        }
        assertThat(Files.readString(log)).contains("Embedded PostgreSQL data directory: " + home.resolve("pgdata"))
                .contains("Key store: " + home.resolve("keys"));
        assertThat(home.resolve("pgdata").resolve("PG_VERSION")).exists();
        try (var files = Files.list(home.resolve("keys"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".pem")).count()).isPositive();
        }

        Path archive = work.resolve("home-backup.tar.gz");
        Ledger backup = ledger(Map.of("GONGZHANG_HOME", home.toString()), "backup", "--out", archive.toString());
        assertThat(backup.exit()).as(backup.output()).isZero();
        assertThat(backup.output()).contains(home.resolve("pgdata").toString())
                .contains(home.resolve("keys").toString());
        assertThat(Files.size(archive)).isPositive();
    }

    private record Ledger(int exit, String output) {
    }

    private static Ledger ledger(String... args) throws IOException, InterruptedException {
        return ledger(Map.of(), args);
    }

    /** {@code ./ledger args} with {@code environment} added to this JVM's. */
    private static Ledger ledger(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("..", "ledger").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Ledger(process.exitValue(), output);
    }
}
