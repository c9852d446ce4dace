package org.gongzhang.service.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.verifier.entry.Role;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Voucher import through the API ({@code POST /api/books/{book}/imports/vouchers}, 用友/金蝶 CSV):
 * the demo book's year of posted vouchers, exported, imported into fresh books opened like it (its
 * chart, opening balances and keys, signed by the demo preparer through the service's custodial
 * keys, as the demo itself is written). Only the import requests are timed; every voucher becomes
 * its recorded, reviewed and posted entries (a red reversal its own).
 */
final class VoucherImportBenchmark {

    static final String DEMO = "lanyuan-public";

    /** What the imports did: vouchers and entries written, seconds spent in the import requests. */
    record Result(long vouchers, long entries, double seconds, int files) {
        double vouchersPerSecond() {
            return vouchers / seconds;
        }

        double entriesPerVoucher() {
            return entries / (double) vouchers;
        }
    }

    private final LedgerClient client;
    private final CustodialKeys keys;
    private final CustodialSigner signer;
    private LedgerClient.Download csv;
    private LedgerClient preparer;
    private String reviewer;

    VoucherImportBenchmark(ConfigurableApplicationContext context, int port) {
        this.client = new LedgerClient(port);
        this.keys = context.getBean(CustodialKeys.class);
        this.signer = context.getBean(CustodialSigner.class);
    }

    /**
     * Imports {@code files} files into new books. The export and the two logins are made on the
     * first call only: a warm-up calls this once per file, and two BCrypt logins per file took a
     * third of its CPU (docs/benchmarks.md 2026-12-06 23:06), time the import's code did not get
     * compiled in.
     */
    Result run(int files) {
        return run(files, 0);
    }

    /**
     * Imports at least {@code minFiles} files, and more until the import requests took {@code seconds}
     * in all: a file takes about a tenth of a second warm, and ten of them timed a second, which the
     * machine's other work (a checkpoint, autovacuum) could double.
     */
    Result run(int minFiles, double seconds) {
        if (csv == null) {
            String from = client.get("/api/books/" + DEMO).json().get("startPeriod").asText();
            String to = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
            LedgerClient.Download export = client.download("/api/books/" + DEMO + "/exports/vouchers.csv?from=" + from
                    + "&to=" + to);
            if (export.status() != 200) {
                throw new IllegalStateException("export of the demo's vouchers: " + export.status());
            }
            preparer = client.as("li-na");
            reviewer = "Bearer " + client.as("wang-qiang").token();
            csv = export;
        }
        long vouchers = 0;
        long entries = 0;
        long nanos = 0;
        int files = 0;
        for (; files < minFiles || nanos < seconds * 1e9; files++) {
            String book = openLikeDemo();
            long start = System.nanoTime();
            LedgerClient.Answer answer = preparer.postBytes("/api/books/" + book + "/imports/vouchers?fileName=bench.csv",
                    csv.body(), "text/csv", "zh-CN", "Reviewer-Authorization", reviewer);
            nanos += System.nanoTime() - start;
            if (answer.status() != 201) {
                throw new IllegalStateException("import: " + answer.status() + " " + Http.abbreviate(answer.body()));
            }
            JsonNode record = answer.json();
            vouchers += record.get("vouchers").asLong();
            entries += record.get("lastEntryIndex").asLong() - record.get("firstEntryIndex").asLong() + 1;
        }
        return new Result(vouchers, entries, nanos / 1e9, files);
    }

    /** A new book with the demo book's genesis (chart, people, keys) and opening balances; no vouchers. */
    private String openLikeDemo() {
        String book = "bench-import-" + UUID.randomUUID().toString().substring(0, 8);
        CustodialKey preparer = keys.find("agent:li-na", Role.AGENT_PREPARER).orElseThrow();
        JsonNode genesis = entry(0);
        JsonNode balances = entry(1);
        ObjectNode opened = ((ObjectNode) genesis.get("payload").deepCopy()).put("name", "导入基准账套 " + book);
        signer.submit(preparer, book, "book.opened", LocalDate.parse(genesis.get("businessDate").asText()), opened);
        signer.submit(preparer, book, "opening-balances.set", LocalDate.parse(balances.get("businessDate").asText()),
                (ObjectNode) balances.get("payload").deepCopy());
        return book;
    }

    private JsonNode entry(long index) {
        return client.get("/api/books/" + DEMO + "/entries/" + index).json().get("entry");
    }
}
