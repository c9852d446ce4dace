package org.gongzhang.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.gongzhang.reporting.book.ReportBooks;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.gongzhang.service.axon.ReportingRebuild;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.statement.BookReplay;
import org.gongzhang.verifier.statement.StatementFigures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Reports of the demo books, read from the reporting read model, agree with the books' own entries. */
class ReportsIT extends ServiceIT {

    private static final Logger log = LoggerFactory.getLogger(ReportsIT.class);
    private static final List<String> DEMO = List.of("lanyuan-public", "guiyuan-public");
    private static final YearMonth THIS_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokens;
    @Autowired
    EventStore events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    BookDirectory directory;
    @Autowired
    ReportBooks reportBooks;
    @Autowired
    ReportingRebuild rebuild;
    @Autowired
    JdbcTemplate jdbc;

    private ReadModel readModel;

    @BeforeEach
    void readModel() {
        readModel = new ReadModel(processing, tokens, events, transactions, directory, reportBooks);
        readModel.awaitCaughtUp(DEMO);
    }

    @Test
    void theTrialBalanceOfEachDemoBookBalancesForEveryClosedPeriodAndTheYear() {
        for (String book : DEMO) {
            List<String> closed = closedPeriods(book);
            assertThat(closed).as(book).hasSizeGreaterThan(6);
            for (String period : closed) {
                JsonNode report = report(book, "trial-balance?from=" + period + "&to=" + period);
                assertThat(report.get("balanced").asBoolean()).as(book + " " + period).isTrue();
                assertThat(report.get("totals").get("period").get("debit").get("fen").asLong())
                        .as(book + " " + period + " moved money").isPositive();
            }
            JsonNode year = report(book, "trial-balance?from=" + startPeriod(book) + "&to=" + THIS_MONTH);
            assertThat(year.get("balanced").asBoolean()).as(book + " year").isTrue();
            assertThat(row(year, "1002").get("closing").get("debit").get("fen").asLong())
                    .isEqualTo(row(year, "100201").get("closing").get("debit").get("fen").asLong()).isPositive();
        }
    }

    @Test
    void statementFiguresFromTheReadModelEqualThoseTheVerifierComputesFromTheEntries() {
        for (String book : DEMO) {
            BookReplay replay = BookReplay.of(entries(book));
            YearMonth start = YearMonth.parse(startPeriod(book));
            List<YearMonth[]> ranges = new ArrayList<>();
            ranges.add(new YearMonth[] {start, THIS_MONTH});
            ranges.add(new YearMonth[] {start.plusMonths(3), start.plusMonths(8)});
            closedPeriods(book).forEach(p -> ranges.add(new YearMonth[] {YearMonth.parse(p), YearMonth.parse(p)}));
            for (YearMonth[] range : ranges) {
                for (String threshold : List.of("5000.00", "1000.00")) {
                    JsonNode view = report(book, "statement?from=" + range[0] + "&to=" + range[1] + "&threshold=" + threshold);
                    StatementFigures expected = StatementFigures.compute(replay, range[0], range[1],
                            org.gongzhang.verifier.statement.Fen.parse(threshold));
                    assertThat(figures(view)).as(book + " " + range[0] + "…" + range[1] + " ≥ " + threshold)
                            .isEqualTo(expected);
                }
            }
            StatementFigures year = figures(report(book, "statement?from=" + start + "&to=" + THIS_MONTH));
            assertThat(year.transferToMaintenanceFund()).isPositive();
            assertThat(year.items()).isNotEmpty();
        }
    }

    @Test
    void vouchersAreNumberedPerWordAndPeriodAndARedVoucherCancelsItsOriginal() {
        String book = DEMO.get(0);
        JsonNode red = null;
        for (String period : closedPeriods(book)) {
            JsonNode list = report(book, "vouchers?period=" + period);
            Map<String, Integer> last = new HashMap<>();
            for (JsonNode v : list.get("vouchers")) {
                if (v.get("status").asText().equals("POSTED")) {
                    String word = v.get("word").asText();
                    assertThat(v.get("number").asInt()).as(book + " " + period + " " + word + " gap-free")
                            .isEqualTo(last.merge(word, 1, Integer::sum));
                    assertThat(v.get("voucherNumber").asText()).isEqualTo(word + "-" + v.get("number").asInt());
                }
                if (v.get("red").asBoolean()) {
                    red = v;
                }
            }
        }
        assertThat(red).as("the demo reverses one voucher").isNotNull();
        JsonNode original = report(book, "vouchers/" + red.get("reverses").asText());
        assertThat(original.get("voucher").get("reversedBy").asText()).isEqualTo(red.get("voucherId").asText());
        JsonNode redVoucher = report(book, "vouchers/" + red.get("voucherId").asText());
        assertThat(redVoucher.get("lines").get(0).get("summary").asText()).startsWith("注销 ")
                .endsWith(original.get("voucher").get("voucherNumber").asText() + "号凭证");
        assertThat(redVoucher.get("totals").get("debit").get("fen").asLong())
                .isEqualTo(-original.get("totals").get("debit").get("fen").asLong());
        assertThat(redVoucher.get("totalInWords").asText()).isEqualTo("负壹仟捌佰陆拾元整");
        JsonNode wrongAccount = report(book, "ledger/510103?from=" + startPeriod(book) + "&to=" + THIS_MONTH);
        assertThat(wrongAccount.get("lines")).hasSize(2);
        assertThat(wrongAccount.get("closingSide").asText()).isEqualTo("FLAT");
    }

    @Test
    void theAccountLedgerRunsFromItsOpeningBalanceToTheTrialBalancesClosing() {
        for (String book : DEMO) {
            String from = closedPeriods(book).get(2);
            String to = THIS_MONTH.toString();
            JsonNode ledger = report(book, "ledger/1002?from=" + from + "&to=" + to);
            JsonNode trial = report(book, "trial-balance?from=" + from + "&to=" + to);
            assertThat(ledger.get("opening").get("fen").asLong())
                    .isEqualTo(row(trial, "1002").get("opening").get("debit").get("fen").asLong());
            assertThat(ledger.get("closing").get("fen").asLong())
                    .isEqualTo(row(trial, "1002").get("closing").get("debit").get("fen").asLong());
            JsonNode lines = ledger.get("lines");
            assertThat(lines.get(lines.size() - 1).get("balance")).isEqualTo(ledger.get("closing"));
            assertThat(lines.get(0).get("voucherNumber").asText()).matches("[记收付转]-\\d+");
        }
    }

    @Test
    void aNewVoucherShowsOnceTheReadModelHasAppliedItsEntry() {
        TestBook book = TestBook.open(client);
        book.postVoucher(book.parkingVoucher("1234.56"));
        readModel.awaitCaughtUp(List.of(book.id));

        JsonNode list = report(book.id, "vouchers?period=" + YearMonth.from(book.today));
        assertThat(list.get("appliedIndex").asLong()).isEqualTo(book.size() - 1);
        assertThat(list.get("vouchers")).hasSize(1);
        JsonNode voucher = list.get("vouchers").get(0);
        assertThat(voucher.get("voucherNumber").asText()).isEqualTo("收-1");
        assertThat(voucher.get("total").get("yuan").asText()).isEqualTo("1,234.56");
        assertThat(voucher.get("preparer").asText()).isEqualTo(book.preparer.actor());
        assertThat(voucher.get("reviewer").asText()).isEqualTo(book.reviewer.actor());
        JsonNode one = report(book.id, "vouchers/" + voucher.get("voucherId").asText());
        assertThat(one.get("totalInWords").asText()).isEqualTo("壹仟贰佰叁拾肆元伍角陆分");
    }

    @Test
    void resettingTheProcessorAndReplayingTheLogRebuildsIdenticalReports() {
        Map<String, String> before = reports();

        readModel.resetAndHold();
        assertThat(reportBooks.find(DEMO.get(0))).as("the reset emptied the read model").isEmpty();
        long started = System.nanoTime();
        readModel.start();
        long entries = readModel.awaitCaughtUp(DEMO);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("Rebuilt the reporting read model from {} events in {} ms: {} events/s", entries,
                Math.round(seconds * 1000), Math.round(entries / seconds));

        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void theServicesRebuildAppliesTheWholeLogIntoIdenticalReportsAndTheProcessorGoesOnFromWhereItEnded() {
        Map<String, String> before = reports();
        long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        long head = events.createHeadToken().position().orElseThrow();

        ReportingRebuild.Result result = rebuild.rebuild();

        assertThat(result.events()).as("every event the store holds was applied by the rebuild").isEqualTo(stored);
        Map<Integer, TrackingToken> after;
        try {
            after = readModel.tokensWhileStopped();
        } finally {
            readModel.start();
        }
        assertThat(after.values()).as("each segment goes on after the rebuild's last event, not from a reset")
                .isNotEmpty().allSatisfy(token -> {
                    assertThat(token).isNotInstanceOf(ReplayToken.class);
                    assertThat(token.position().orElse(-1)).isGreaterThanOrEqualTo(head);
                });
        readModel.awaitCaughtUp(DEMO);
        assertThat(reports()).isEqualTo(before);
        log.info("ReportingRebuild applied {} events in {} ms", result.events(), result.nanos() / 1_000_000);
    }

    @Test
    void vouchersPostedWhileTheReadModelIsRebuiltAllReachIt() throws Exception {
        Map<String, String> before = reports();
        TestBook book = TestBook.open(client);
        int vouchers = 12;
        var posting = java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (int i = 1; i <= vouchers; i++) {
                book.postVoucher(book.parkingVoucher(i + ".00"));
            }
        });
        int rebuilds = 0;
        while (!posting.isDone() || rebuilds == 0) {
            rebuild.rebuild();
            rebuilds++;
        }
        posting.get();

        readModel.awaitCaughtUp(List.of(book.id));
        JsonNode list = report(book.id, "vouchers?period=" + YearMonth.from(book.today));
        assertThat(list.get("vouchers")).as("after %d rebuilds", rebuilds).hasSize(vouchers)
                .allSatisfy(v -> assertThat(v.get("status").asText()).isEqualTo("POSTED"));
        assertThat(list.get("appliedIndex").asLong()).isEqualTo(book.size() - 1);
        readModel.awaitCaughtUp(DEMO);
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void eventsDeliveredAgainChangeNothing() {
        Map<String, String> before = reports();

        readModel.rewindWithoutResetAndHold();
        readModel.start();
        readModel.awaitCaughtUp(DEMO);

        assertThat(reports()).isEqualTo(before);
    }

    private Map<String, String> reports() {
        Map<String, String> bodies = new HashMap<>();
        for (String book : DEMO) {
            String year = "from=" + startPeriod(book) + "&to=" + THIS_MONTH;
            for (String path : List.of("trial-balance?" + year, "statement?threshold=0&" + year, "ledger/100201?" + year,
                    "ledger/5101?" + year, "vouchers?period=" + closedPeriods(book).get(7))) {
                bodies.put(book + " " + path, client.get("/api/books/" + book + "/reports/" + path).body());
            }
        }
        return bodies;
    }

    private JsonNode report(String book, String path) {
        var answer = client.get("/api/books/" + book + "/reports/" + path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode row(JsonNode trialBalance, String code) {
        for (JsonNode row : trialBalance.get("rows")) {
            if (row.get("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row " + code);
    }

    private String startPeriod(String book) {
        return client.get("/api/books/" + book).json().get("startPeriod").asText();
    }

    private List<SignedEntry> entries(String book) {
        List<SignedEntry> entries = new ArrayList<>();
        client.get("/api/books/" + book + "/entries?limit=1000").json()
                .forEach(leaf -> entries.add(SignedEntry.fromLeaf(leaf.toString())));
        return entries;
    }

    private List<String> closedPeriods(String book) {
        List<String> periods = new ArrayList<>();
        entries(book).forEach(entry -> {
            if (entry.header().kind().equals("period.closed")) {
                periods.add(entry.header().payload().get("period").asText());
            }
        });
        return periods;
    }

    private static StatementFigures figures(JsonNode view) {
        return new StatementFigures(fen(view.get("openingBalance")), categories(view.get("income")),
                categories(view.get("expenses")), fen(view.get("transferToMaintenanceFund")),
                fen(view.get("closingBalance")), items(view.get("items")));
    }

    private static List<StatementFigures.Category> categories(JsonNode lines) {
        List<StatementFigures.Category> categories = new ArrayList<>();
        lines.forEach(c -> categories.add(new StatementFigures.Category(c.get("account").asText(), c.get("name").asText(),
                fen(c.get("amount")))));
        return categories;
    }

    private static List<StatementFigures.Item> items(JsonNode lines) {
        List<StatementFigures.Item> items = new ArrayList<>();
        lines.forEach(i -> items.add(new StatementFigures.Item(i.get("entry").asLong(), i.get("voucherId").asText(),
                LocalDate.parse(i.get("date").asText()), i.get("account").asText(), i.get("name").asText(),
                i.get("summary").asText(), fen(i.get("amount")))));
        return items;
    }

    private static long fen(JsonNode amount) {
        return amount.get("fen").asLong();
    }
}
