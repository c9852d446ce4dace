package org.gongzhang.service.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.service.GongzhangApplication;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The books survive a restart on the same data directory: the demo is not loaded twice, books
 * reload from their snapshots, and appending continues at the head.
 */
class RestartIT {

    /** Below the demo books' sizes, so that they are reloaded from a snapshot (the default interval is larger). */
    private static final int SNAPSHOT_EVERY = 100;

    @TempDir
    Path data;

    @TempDir
    Path keys;

    @Test
    void booksSurviveARestartAndKeepGrowing() {
        long lanyuanSize;
        String bookId;
        String trialBalance;
        String readModelRow;
        try (ConfigurableApplicationContext first = start()) {
            LedgerClient client = client(first);
            lanyuanSize = client.get("/api/books/lanyuan-public/head").json().get("size").asLong();
            trialBalance = caughtUpTrialBalance(client, lanyuanSize);
            readModelRow = readModelRow(first);
            TestBook book = TestBook.open(client);
            bookId = book.id;
            // snapshots are taken on a background thread after the append that triggers them
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(first.getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = 'lanyuan-public'",
                            Integer.class))
                    .as("a book of more than %d entries has a snapshot", SNAPSHOT_EVERY).isPositive());
        }
        try (ConfigurableApplicationContext second = start("--ledger.read-model.rebuild=true")) {
            LedgerClient client = client(second);
            assertThat(readModelRow(second)).as("ledger.read-model.rebuild wrote the read model again")
                    .isNotEqualTo(readModelRow);
            assertThat(caughtUpTrialBalance(client, lanyuanSize)).as("the same reports after the rebuild").isEqualTo(trialBalance);
            JsonNode books = client.get("/api/books").json();
            assertThat(books).hasSize(3);
            assertThat(client.get("/api/books/lanyuan-public/head").json().get("size").asLong()).isEqualTo(lanyuanSize);
            assertThat(client.get("/api/books/lanyuan-public/verify").json().get("ok").asBoolean()).isTrue();
            assertThat(client.get("/api/books/" + bookId + "/verify").json().get("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void aDemoBookReloadedFromItsSnapshotAcceptsTheNextEntry() {
        try (ConfigurableApplicationContext first = start()) {
            assertThat(client(first).get("/api/books/lanyuan-public/head").status()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext second = start()) {
            long before = client(second).get("/api/books/lanyuan-public/head").json().get("size").asLong();
            CustodialKey preparer = second.getBean(CustodialKeys.class)
                    .find("agent:li-na", Role.AGENT_PREPARER).orElseThrow();
            TestBook shape = new TestBook(client(second), SignatureSuite.ED25519);
            EntryReceipt receipt = second.getBean(CustodialSigner.class).submit(preparer, "lanyuan-public",
                    "voucher.recorded", shape.today, shape.parkingVoucher("16.00"));
            assertThat(receipt.index()).isEqualTo(before);
            assertThat(client(second).get("/api/books/lanyuan-public/verify").json().get("ok").asBoolean()).isTrue();
        }
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--ledger.embedded-postgres.data-directory=" + data, "--ledger.demo.enabled=true",
                "--ledger.keystore.directory=" + keys, "--ledger.keystore.iterations=" + ServiceIT.FAST_KEY_FILES,
                "--ledger.books.snapshot-every=" + SNAPSHOT_EVERY));
        args.addAll(List.of(more));
        return SpringApplication.run(GongzhangApplication.class, args.toArray(String[]::new));
    }

    /** lanyuan-public's trial balance for the demo's year, once the read model has applied {@code size} entries. */
    private static String caughtUpTrialBalance(LedgerClient client, long size) {
        String start = client.get("/api/books/lanyuan-public").json().get("startPeriod").asText();
        String path = "/api/books/lanyuan-public/reports/trial-balance?from=" + start + "&to="
                + java.time.YearMonth.parse(start).plusMonths(24);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var answer = client.get(path);
            assertThat(answer.json().path("appliedIndex").asLong(-1)).as(answer.body()).isEqualTo(size - 1);
        });
        return client.get(path).body();
    }

    /** The transaction that wrote lanyuan-public's row of the read model, with the row. */
    private static String readModelRow(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject(
                "select xmin::text || ' ' || t::text from report_book t where book_id = 'lanyuan-public'", String.class);
    }

    private static LedgerClient client(ConfigurableApplicationContext context) {
        return new LedgerClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
