package org.gongzhang.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.reporting.format.Display;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.verifier.statement.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Printed reports of the demo books say exactly what the JSON reports say. */
class ReportPdfsIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";
    private static final YearMonth THIS_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private String year;

    @BeforeEach
    void readModel() {
        new ReadModel(processing, tokens, events, transactions, directory, reportBooks).awaitCaughtUp(List.of(BOOK));
        year = "from=" + client.get("/api/books/" + BOOK).json().get("startPeriod").asText() + "&to=" + THIS_MONTH;
    }

    @Test
    void theStatementOfTheDemoYearPrintsExactlyTheFiguresOfTheJsonStatement() {
        JsonNode json = json("statement?" + year);
        Printed pdf = pdf("statement.pdf?" + year, "zh-CN");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        pdf.line("兰园小区公共收益收支公示表");
        pdf.line("街道：北山街道", "社区：新河社区", "小区：兰园小区", "单位：元");
        pdf.line("一、期初结余", yuan(json.get("openingBalance")));
        for (JsonNode line : json.get("income")) {
            pdf.line(line.get("name").asText(), line.get("account").asText(), yuan(line.get("amount")));
        }
        pdf.line("收入合计", yuan(json.get("totalIncome")));
        for (JsonNode line : json.get("expenses")) {
            pdf.line(line.get("name").asText(), line.get("account").asText(), yuan(line.get("amount")));
        }
        pdf.line("支出合计", yuan(json.get("totalExpenses")));
        pdf.line("四、转入维修资金", yuan(json.get("transferToMaintenanceFund")));
        pdf.line("五、期末结余", yuan(json.get("closingBalance")));
        pdf.line("期末结余（大写）：" + json.get("closingInWords").asText());
        assertThat(json.get("items")).isNotEmpty();
        for (JsonNode item : json.get("items")) {
            pdf.line(item.get("voucherNumber").asText(), item.get("summary").asText(), yuan(item.get("amount")),
                    "条目 " + item.get("entry").asLong());
        }
        assertThat(pdf.text().split("条目 \\d+", -1)).hasSize(json.get("items").size() + 1);
    }

    @Test
    void theStatementNamesItsPeopleItsCheckpointAndItsVerifyAddress() {
        Printed pdf = pdf("statement.pdf?" + year, "zh-CN");
        JsonNode checkpoints = client.get("/api/books/" + BOOK + "/checkpoints").json();
        JsonNode latest = checkpoints.get(checkpoints.size() - 1);

        pdf.line("编制：李娜");
        pdf.line("审核：赵敏");
        pdf.line("公示单位：北山街道新河社区居民委员会（演示）", "监督电话：0571-0000 0000（演示）");
        pdf.line("账本前 " + latest.get("size").asLong() + " 条记录");
        pdf.line(latest.get("root").asText());
        String start = year.substring("from=".length(), year.indexOf('&'));
        assertThat(pdf.text().replaceAll("\\s+", "")).contains(
                "http://localhost:8080/public/books/" + BOOK + "/verify?from=" + start + "&to=" + THIS_MONTH);
    }

    @Test
    void aPeriodNotPublishedPrintsAsADraftThatCannotPassForThePostedStatement() {
        Printed pdf = pdf("statement.pdf?" + year, "zh-CN");

        pdf.line("兰园小区公共收益收支公示表（草稿）");
        pdf.line("草稿 · 未公示");
        assertThat(pdf.text()).contains("不得作为公示表张贴").doesNotContain("公示编号");
        assertThat(pdf("statement.pdf?lang=en&" + year, "zh-CN").text()).contains("(DRAFT)");
    }

    @Test
    void aPublishedPeriodPrintsItsPublishedVersionNotTodaysFigures() {
        JsonNode published = null;
        for (JsonNode v : client.get("/api/books/" + BOOK + "/statements").json()) {
            if ("PUBLISHED".equals(v.get("status").asText()) && v.get("supersededBy").isNull()) {
                published = v;
            }
        }
        assertThat(published).as("the demo publishes a statement").isNotNull();
        String id = published.get("statementId").asText();
        Statement signed = Statement.parse(client.get("/api/books/" + BOOK + "/statements/" + id + "/statement.json").body());
        Printed pdf = pdf("statement.pdf?from=" + published.get("from").asText() + "&to=" + published.get("to").asText(),
                "zh-CN");

        pdf.line("公示编号：" + id, "状态：已公示");
        pdf.line("五、期末结余", Display.amount(signed.figures().closingBalance()));
        pdf.line("编制：李娜");
        assertThat(pdf.text()).doesNotContain("草稿");
    }

    @Test
    void englishWhenAskedByParameterOrByAcceptLanguage() {
        Printed byParameter = pdf("statement.pdf?lang=en&" + year, "zh-CN");
        Printed byHeader = pdf("statement.pdf?" + year, "en-US,en;q=0.9");

        byParameter.line("Public Income Statement of 兰园小区");
        byHeader.line("Public Income Statement of 兰园小区");
        byHeader.line("Total income");
    }

    @Test
    void theTrialBalanceOfTheYearSaysItBalances() {
        JsonNode json = json("trial-balance?" + year);
        Printed pdf = pdf("trial-balance.pdf?" + year, "zh-CN");

        assertThat(json.get("balanced").asBoolean()).isTrue();
        pdf.line("科目余额表");
        pdf.line("试算平衡：");
        JsonNode closing = json.get("totals").get("closing");
        pdf.line("合计", yuan(closing.get("debit")), yuan(closing.get("credit")));
    }

    @Test
    void aVoucherPrintsItsNumberLinesAndTotalInWords() {
        String period = THIS_MONTH.minusMonths(3).toString();
        JsonNode posted = null;
        for (JsonNode v : json("vouchers?period=" + period).get("vouchers")) {
            if (v.get("status").asText().equals("POSTED")) {
                posted = v;
                break;
            }
        }
        assertThat(posted).as("a posted voucher in " + period).isNotNull();
        JsonNode voucher = json("vouchers/" + posted.get("voucherId").asText());
        Printed pdf = pdf("vouchers/" + posted.get("voucherId").asText() + ".pdf", "zh-CN");

        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        pdf.line("记账凭证");
        pdf.line("账套：兰园小区公共收益账套");
        pdf.line("制单：李娜");
        assertThat(pdf.text()).doesNotContain("agent:", "账套：" + BOOK);
        pdf.line("凭证字号：" + posted.get("voucherNumber").asText());
        pdf.line("附单据 " + posted.get("attachments").asInt() + " 张");
        for (JsonNode line : voucher.get("lines")) {
            pdf.line(line.get("summary").asText(), line.get("account").asText());
        }
        assertThat(pdf.text().replaceAll("\\s+", "")).contains("合计（大写）：" + voucher.get("totalInWords").asText()
                + "￥" + voucher.get("totals").get("debit").get("fen").asLong());
    }

    @Test
    void aRequestTheJsonReportRefusesGetsTheSameProblemAndNoPdf() throws IOException {
        Printed badPeriod = pdf("statement.pdf?from=2026-13&to=2026-12", "zh-CN");
        Printed unknownVoucher = pdf("vouchers/no-such-voucher.pdf?lang=en", "zh-CN");

        assertThat(badPeriod.status()).isEqualTo(422);
        assertThat(badPeriod.contentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(badPeriod.body());
        assertThat(problem.get("code").asText()).isEqualTo("report.period.invalid");
        assertThat(problem.get("field").asText()).isEqualTo("from");
        assertThat(new String(badPeriod.body(), 0, 4, StandardCharsets.ISO_8859_1)).isNotEqualTo("%PDF");
        assertThat(unknownVoucher.status()).isEqualTo(404);
        assertThat(JSON.readTree(unknownVoucher.body()).get("detail").asText()).startsWith("This book has no voucher");
    }

    private JsonNode json(String path) {
        var answer = client.get("/api/books/" + BOOK + "/reports/" + path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static String yuan(JsonNode amount) {
        return amount.get("yuan").asText();
    }

    /** Fetches a report as a browser asking for a PDF would. */
    private Printed pdf(String path, String language) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/books/" + BOOK + "/reports/" + path))
                    .header("Accept", "application/pdf").header("Accept-Language", language).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Printed(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** An answer that should be a PDF: its status, type, bytes and, when it is one, its text. */
    private record Printed(int status, String contentType, byte[] body) {

        String text() {
            try (PDDocument document = Loader.loadPDF(body)) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                return stripper.getText(document);
            } catch (IOException e) {
                throw new AssertionError("not a PDF (" + status + " " + contentType + ")", e);
            }
        }

        /** Some line holds every part, in this order. */
        void line(String... parts) {
            String text = text();
            boolean found = text.lines().anyMatch(line -> {
                int at = 0;
                for (String part : parts) {
                    at = line.indexOf(part, at);
                    if (at < 0) {
                        return false;
                    }
                    at += part.length();
                }
                return true;
            });
            assertThat(found).as("a line with %s in:%n%s", String.join(" … ", parts), text).isTrue();
        }
    }
}
