package org.gongzhang.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.service.exchange.ExchangeBooks.DEMO;
import static org.gongzhang.service.exchange.ExchangeBooks.THIS_MONTH;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gongzhang.reporting.exchange.ExchangeFormat;
import org.gongzhang.reporting.exchange.SheetRow;
import org.gongzhang.reporting.exchange.VoucherColumn;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.LedgerClient.Download;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

/**
 * An export re-imports to an identical book: the demo's year of posted vouchers, exported as CSV or
 * xlsx and imported into a fresh book with the same chart and opening balances, comes back with
 * the same dates, 凭证字, 凭证号, 附单据数, lines and amounts, its red reversal included.
 */
class VoucherExchangeIT extends ExchangeIT {

    @Test
    void theDemoYearExportedAsCsvReimportsAsAnIdenticalBook() {
        Download csv = books.exportYear(DEMO, "csv");
        List<SheetRow> rows = ExchangeFormat.CSV.read(csv.body());
        String book = books.openLike(DEMO);

        Answer answer = books.importFile(book, csv.body(), ExchangeBooks.CSV, "zh-CN");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertCompleteImport(answer.json(), book, csv.body(), rows);
        assertThat(books.exportYear(book, "csv").body()).as("the fresh book's export").isEqualTo(csv.body());
        assertThat(client.get("/api/books/" + book + "/verify").json().get("ok").asBoolean()).isTrue();
        assertStoredTreeIsTheLeaves(book);
    }

    /**
     * The Merkle subtrees the service stored as the import appended (many entries per transaction)
     * give the roots and inclusion paths computed here from the entries themselves, at every size.
     */
    private void assertStoredTreeIsTheLeaves(String book) {
        long size = books.size(book);
        List<byte[]> leaves = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            Answer entry = client.get("/api/books/" + book + "/entries/" + i);
            assertThat(entry.status()).as(entry.body()).isEqualTo(200);
            leaves.add(SignedEntry.fromLeaf(entry.body()).leafHash());
        }
        for (int at = 1; at <= size; at++) {
            List<byte[]> prefix = leaves.subList(0, at);
            JsonNode proof = client.get("/api/books/" + book + "/proofs/inclusion?index=" + (at - 1) + "&size=" + at).json();
            assertThat(proof.get("root").asText()).as("root at %d entries", at).isEqualTo(Digests.hex(MerkleTree.root(prefix)));
            List<String> path = new ArrayList<>();
            proof.get("hashes").forEach(hash -> path.add(hash.asText()));
            assertThat(path).as("path of the last entry at %d", at)
                    .isEqualTo(MerkleTree.inclusionProof(prefix, at - 1).hexHashes());
        }
    }

    @Test
    void theDemoYearExportedAsXlsxReimportsAsAnIdenticalBook() {
        Download xlsx = books.exportYear(DEMO, "xlsx");
        List<SheetRow> rows = ExchangeFormat.XLSX.read(xlsx.body());
        String book = books.openLike(DEMO);

        Answer answer = books.importFile(book, xlsx.body(), "application/octet-stream", "zh-CN");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertCompleteImport(answer.json(), book, xlsx.body(), rows);
        assertThat(answer.json().get("format").asText()).isEqualTo("XLSX");
        assertThat(ExchangeFormat.XLSX.read(books.exportYear(book, "xlsx").body())).isEqualTo(rows);
        assertThat(books.exportYear(book, "csv").body()).isEqualTo(books.exportYear(DEMO, "csv").body());
    }

    @Test
    void exportsSayWhatTheyAreAndHoldTheYearsPostedVouchersWithTheRedReversalNegative() {
        String start = books.startPeriod(DEMO);
        Download csv = books.exportYear(DEMO, "csv");
        Download xlsx = books.exportYear(DEMO, "xlsx");

        assertThat(csv.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"lanyuan-public-vouchers-" + start + "-" + THIS_MONTH + ".csv\"");
        assertThat(xlsx.header("Content-Type")).isEqualTo(ExchangeBooks.XLSX);
        assertThat(xlsx.header("Content-Disposition")).endsWith(".xlsx\"");
        assertThat(Long.parseLong(csv.header(ExchangeController.APPLIED_INDEX))).isEqualTo(books.size(DEMO) - 1);
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);

        List<SheetRow> rows = ExchangeFormat.CSV.read(csv.body());
        assertThat(rows.get(0).cells()).containsExactlyElementsOf(VoucherColumn.headers());
        assertThat(vouchers(rows)).as("a year of vouchers").hasSizeGreaterThan(40);
        assertThat(rows).filteredOn(r -> r.cell(VoucherColumn.SUMMARY).startsWith("注销 ")).hasSize(2)
                .allSatisfy(red -> assertThat(red.cell(VoucherColumn.DEBIT) + red.cell(VoucherColumn.CREDIT))
                        .isEqualTo("-1860.00"));
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.cell(VoucherColumn.PREPARER)).containsOnly("李娜");
        assertThat(ExchangeFormat.XLSX.read(xlsx.body())).hasSameSizeAs(rows);

        Download march = client.download("/api/books/" + DEMO + "/exports/vouchers.csv?from=" + start + "&to=" + start);
        assertThat(ExchangeFormat.CSV.read(march.body())).hasSizeLessThan(rows.size())
                .allSatisfy(r -> assertThat(r.row() == 1 || r.cell(VoucherColumn.DATE).startsWith(start)).isTrue());
    }

    @Test
    void exportRequestsAreCheckedLikeReports() {
        Answer unknown = client.get("/api/books/no-such-book/exports/vouchers.csv?from=2026-01&to=2026-02");
        Answer reversed = client.get("/api/books/" + DEMO + "/exports/vouchers.xlsx?from=" + THIS_MONTH + "&to="
                + THIS_MONTH.minusMonths(1));
        Answer malformed = client.get("/api/books/" + DEMO + "/exports/vouchers.csv?from=2026-1&to=" + THIS_MONTH);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(reversed.json().get("code").asText()).isEqualTo("report.period.reversed");
        assertThat(malformed.json().get("field").asText()).isEqualTo("from");
    }

    /**
     * The import record says every voucher was written; every entry it wrote names the file in its
     * submission id; vouchers with 附单据 cite the stored file; the book lists the import.
     */
    private void assertCompleteImport(JsonNode record, String book, byte[] file, List<SheetRow> rows) {
        String sha256 = Digests.sha256Hex(file);
        int vouchers = vouchers(rows).size();
        assertThat(record.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(record.get("fileSha256").asText()).isEqualTo(sha256);
        assertThat(record.get("rows").asInt()).isEqualTo(rows.size() - 1);
        assertThat(record.get("vouchers").asInt()).isEqualTo(vouchers);
        assertThat(record.get("written").asInt()).isEqualTo(vouchers);
        assertThat(record.get("preparer").asText()).isEqualTo(ExchangeBooks.PREPARER);
        assertThat(record.get("reviewer").asText()).isEqualTo(ExchangeBooks.REVIEWER);
        assertThat(record.get("firstEntryIndex").asLong()).isEqualTo(2);
        assertThat(record.get("lastEntryIndex").asLong()).isEqualTo(books.size(book) - 1).isEqualTo(1 + 3L * vouchers);
        assertThat(books.imports(book)).singleElement().isEqualTo(record);

        JsonNode entries = client.get("/api/books/" + book + "/entries?from=2&limit=1000").json();
        assertThat(entries).hasSize(3 * vouchers).allSatisfy(leaf ->
                assertThat(leaf.get("entry").get("submission").asText()).startsWith("import:" + sha256 + ":"));
        List<JsonNode> cited = new ArrayList<>();
        entries.forEach(leaf -> leaf.get("entry").get("payload").path("attachments").path("files").forEach(cited::add));
        assertThat(cited).isNotEmpty().allSatisfy(f -> assertThat(f.get("sha256").asText()).isEqualTo(sha256));
        assertThat(client.getBytes("/api/books/" + book + "/attachments/" + sha256)).isEqualTo(file);
    }

    /** The vouchers of the file's rows: period, 凭证字 and 凭证号. */
    static Set<String> vouchers(List<SheetRow> rows) {
        Set<String> vouchers = new LinkedHashSet<>();
        rows.subList(1, rows.size()).forEach(r -> vouchers.add(r.cell(VoucherColumn.DATE).substring(0, 7) + "/"
                + r.cell(VoucherColumn.WORD) + "-" + r.cell(VoucherColumn.NUMBER)));
        return vouchers;
    }
}
