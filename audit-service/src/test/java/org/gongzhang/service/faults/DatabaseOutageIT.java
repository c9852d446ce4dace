package org.gongzhang.service.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gongzhang.service.support.ChildService;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standing database-outage test: PostgreSQL is stopped under the running service and started
 * again. While it is away, reads and writes are answered 503 problem+json within seconds and health
 * says DOWN; once it is back, the same service (not restarted) appends and verifies again.
 */
class DatabaseOutageIT {

    /** The pool waits two seconds for a connection; allow the same again for the rest of the request. */
    static final Duration FAST = Duration.ofSeconds(5);

    @TempDir
    Path data;

    @TempDir
    Path keys;

    @Test
    void requestsFailFastWhileThePostgresIsAwayAndSucceedWhenItIsBack() throws Exception {
        Path log = Files.createDirectories(Path.of("target", "outage-it")).resolve("service.log");
        Files.deleteIfExists(log);
        try (ChildService service = ChildService.start(data, keys, log)) {
            LedgerClient client = service.client;
            TestBook book = TestBook.open(client);
            book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("10.00")));
            long size = book.size();

            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip())).orElseThrow();
            String command = postmaster.info().command().orElseThrow();
            String[] arguments = postmaster.info().arguments().orElseThrow();
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).start().waitFor();
            postmaster.onExit().get(60, TimeUnit.SECONDS);

            List<String> seen = new ArrayList<>();
            for (String path : List.of("/api/books/" + book.id + "/head", "/api/books/" + book.id + "/verify",
                    "/api/books")) {
                long started = System.nanoTime();
                LedgerClient.Answer answer = client.get(path);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                seen.add(path + " " + answer.status() + " in " + took.toMillis() + " ms");
                assertThat(answer.status()).as("%s while the database is away: %s", path, answer.body()).isEqualTo(503);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.json().path("code").asText()).isEqualTo("service.database.unavailable");
                assertThat(took).as(path).isLessThan(FAST);
            }
            // a bearer token is looked up before any controller runs: the filter answers the same problem
            LedgerClient.Answer withToken = client.withToken("not-a-real-token").get("/api/books/" + book.id + "/head");
            seen.add("with a token " + withToken.status());
            assertThat(withToken.status()).as(withToken.body()).isEqualTo(503);
            assertThat(withToken.contentType()).startsWith("application/problem+json");
            assertThat(withToken.json().path("code").asText()).isEqualTo("service.database.unavailable");
            assertThat(withToken.json().path("detail").asText()).contains("数据库暂时无法连接");

            long started = System.nanoTime();
            LedgerClient.Answer write = client.submit(client.next(book.preparer, book.id, "voucher.recorded",
                    book.today, book.parkingVoucher("11.00"), e -> { }), "en");
            seen.add("append " + write.status() + " in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
            assertThat(write.status()).as(write.body()).isEqualTo(503);
            assertThat(write.json().path("detail").asText()).contains("nothing was stored");
            assertThat(client.get("/actuator/health").status()).isEqualTo(503);
            System.out.println("DatabaseOutageIT while away: " + seen);

            Process restarted = new ProcessBuilder(command).command(concat(command, arguments))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            System.out.println("DatabaseOutageIT restarting PostgreSQL: " + concat(command, arguments));
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                LedgerClient.Answer head = client.get("/api/books/" + book.id + "/head");
                while (head.status() != 200 && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                    head = client.get("/api/books/" + book.id + "/head");
                }
                assertThat(restarted.isAlive()).as("PostgreSQL restarted (exit %s); see %s",
                        restarted.isAlive() ? "-" : restarted.exitValue(), log).isTrue();
                assertThat(head.status()).as("the service reconnects by itself: %s", head.body()).isEqualTo(200);
                assertThat(head.json().get("size").asLong()).as("nothing stored while away").isEqualTo(size);
                book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("12.00")));
                assertThat(book.size()).isEqualTo(size + 1);
                assertThat(client.get("/api/books/" + book.id + "/verify").json().path("ok").asBoolean()).isTrue();
                assertThat(client.get("/actuator/health").status()).isEqualTo(200);
            } finally {
                service.close(); // stops the restarted server too (pg_ctl stop on the data directory)
                if (!restarted.waitFor(60, TimeUnit.SECONDS)) {
                    restarted.destroy();
                }
            }
        }
    }

    /** As zonky does it: as root, in a user namespace of its own, where PostgreSQL runs as "nobody". */
    private static List<String> concat(String command, String[] arguments) {
        List<String> all = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            all.addAll(List.of("unshare", "-U"));
        }
        all.add(command);
        all.addAll(List.of(arguments));
        return all;
    }
}
