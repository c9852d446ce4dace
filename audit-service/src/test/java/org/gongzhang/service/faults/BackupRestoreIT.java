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

    private record Ledger(int exit, String output) {
    }

    private static Ledger ledger(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("..", "ledger").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Ledger(process.exitValue(), output);
    }
}
