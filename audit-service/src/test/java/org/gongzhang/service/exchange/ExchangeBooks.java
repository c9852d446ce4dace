package org.gongzhang.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.gongzhang.reporting.api.ReportedBook;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.entry.Role;

/**
 * Books for the exchange tests: the demo's, exported; fresh ones opened like a demo book (its chart
 * and opening balances, signed by the same agent through the service's custodial keys, as the demo
 * itself is written); and imports into them.
 */
final class ExchangeBooks {

    static final String DEMO = "lanyuan-public";
    static final String PREPARER = "agent:li-na";
    static final String REVIEWER = "agent:wang-qiang";
    /** The demo logins of the preparer and the reviewer. */
    static final String PREPARER_LOGIN = "li-na";
    static final String REVIEWER_LOGIN = "wang-qiang";
    static final YearMonth THIS_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LedgerClient client;
    private final CustodialKeys keys;
    private final CustodialSigner signer;
    private final BookDirectory directory;
    private final ReportBooks reportBooks;

    ExchangeBooks(LedgerClient client, CustodialKeys keys, CustodialSigner signer, BookDirectory directory,
            ReportBooks reportBooks) {
        this.client = client;
        this.keys = keys;
        this.signer = signer;
        this.directory = directory;
        this.reportBooks = reportBooks;
    }

    /**
     * A new book opened with the genesis payload (chart, people, keys) and the opening balances of
     * {@code model}, signed by its preparer; no vouchers.
     */
    String openLike(String model) {
        String book = "x-" + UUID.randomUUID().toString().substring(0, 8);
        CustodialKey preparer = keys.find(PREPARER, Role.AGENT_PREPARER).orElseThrow();
        JsonNode genesis = entry(model, 0);
        JsonNode balances = entry(model, 1);
        assertThat(balances.get("kind").asText()).isEqualTo("opening-balances.set");
        ObjectNode opened = ((ObjectNode) genesis.get("payload").deepCopy()).put("name", "导入核对账套 " + book);
        signer.submit(preparer, book, "book.opened", LocalDate.parse(genesis.get("businessDate").asText()), opened);
        signer.submit(preparer, book, "opening-balances.set", LocalDate.parse(balances.get("businessDate").asText()),
                (ObjectNode) balances.get("payload").deepCopy());
        return book;
    }

    /** A voucher recorded by the preparer outside any import: another writer of the book. */
    void recordDraftVoucher(String book) {
        CustodialKey preparer = keys.find(PREPARER, Role.AGENT_PREPARER).orElseThrow();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ObjectNode voucher = CanonicalJson.mapper().createObjectNode()
                .put("voucherId", UUID.randomUUID().toString()).put("word", "收").put("date", today.toString());
        voucher.putNull("corrects");
        voucher.putObject("attachments").put("count", 0).putArray("files");
        ArrayNode lines = voucher.putArray("lines");
        lines.addObject().put("summary", "收临时停车费").put("account", "100201").put("debit", "10.00");
        lines.addObject().put("summary", "收临时停车费").put("account", "470101").put("credit", "10.00");
        signer.submit(preparer, book, "voucher.recorded", today, voucher);
    }

    String startPeriod(String book) {
        return client.get("/api/books/" + book).json().get("startPeriod").asText();
    }

    /** The book's vouchers from its first period to this month, once the read model has read the whole book. */
    LedgerClient.Download exportYear(String book, String format) {
        awaitReadModel(book);
        LedgerClient.Download file = client.download("/api/books/" + book + "/exports/vouchers." + format + "?from="
                + startPeriod(book) + "&to=" + THIS_MONTH);
        assertThat(file.status()).as(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return file;
    }

    LedgerClient.Answer importFile(String book, byte[] file, String contentType, String language) {
        return importFile(book, file, contentType, language, PREPARER_LOGIN, REVIEWER_LOGIN);
    }

    /** An import by the logged-in {@code preparer}, co-authenticated by {@code reviewer} (logins). */
    LedgerClient.Answer importFile(String book, byte[] file, String contentType, String language, String preparer,
            String reviewer) {
        return client.as(preparer).postBytes("/api/books/" + book + "/imports/vouchers?fileName=demo-vouchers", file,
                contentType, language, "Reviewer-Authorization", "Bearer " + client.as(reviewer).token());
    }

    long size(String book) {
        return client.get("/api/books/" + book + "/head").json().get("size").asLong();
    }

    JsonNode imports(String book) {
        return client.get("/api/books/" + book + "/imports").json();
    }

    /** Waits until the reporting read model has applied every entry of {@code book}. */
    void awaitReadModel(String book) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            long size = directory.find(book).map(BookSummary::size).orElseThrow();
            assertThat(reportBooks.find(book).map(ReportedBook::appliedIndex).orElse(-1L)).as(book).isEqualTo(size - 1);
        });
    }

    /** The envelope of entry {@code index}, as signed. */
    JsonNode entry(String book, long index) {
        return client.get("/api/books/" + book + "/entries/" + index).json().get("entry");
    }
}
