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

    VoucherImportBenchmark(ConfigurableApplicationContext context, int port) {
        this.client = new LedgerClient(port);
        this.keys = context.getBean(CustodialKeys.class);
        this.signer = context.getBean(CustodialSigner.class);
    }

    Result run(int files) {
        String from = client.get("/api/books/" + DEMO).json().get("startPeriod").asText();
        String to = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        LedgerClient.Download csv = client.download("/api/books/" + DEMO + "/exports/vouchers.csv?from=" + from + "&to=" + to);
        if (csv.status() != 200) {
            throw new IllegalStateException("export of the demo's vouchers: " + csv.status());
        }
        LedgerClient preparer = client.as("li-na");
        String reviewer = "Bearer " + client.as("wang-qiang").token();
        long vouchers = 0;
        long entries = 0;
        long nanos = 0;
        for (int i = 0; i < files; i++) {
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
