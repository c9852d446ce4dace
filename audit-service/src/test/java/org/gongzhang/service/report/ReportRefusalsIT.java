package org.gongzhang.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;

/** Report requests the service cannot answer are refused as problem+json in the caller's language. */
class ReportRefusalsIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";

    @Test
    void malformedPeriodsAreRefusedNamingTheParameter() {
        refused(422, "trial-balance?from=2026-13&to=2026-12", "report.period.invalid", "from");
        refused(422, "statement?from=" + start() + "&to=26-03", "report.period.invalid", "to");
        refused(422, "ledger/1002?from=2026-1&to=2026-02", "report.period.invalid", "from");
    }

    @Test
    void aMissingPeriodIsRefusedAsMissingNamingTheParameter() throws Exception {
        JsonNode to = refused(422, "trial-balance?from=" + start(), "report.period.missing", "to");
        assertThat(to.get("detail").asText()).isEqualTo("缺少参数 to：应为 yyyy-MM 格式的月份，例如 2026-03。");
        refused(422, "trial-balance?to=" + start(), "report.period.missing", "from");
        refused(422, "trial-balance", "report.period.missing", "from");
        refused(422, "statement?from=" + start() + "&to=", "report.period.missing", "to");
        refused(422, "vouchers", "report.period.missing", "period");
        assertThat(inEnglish("/api/books/" + BOOK + "/reports/vouchers", 422).get("detail").asText())
                .isEqualTo("The parameter period is missing: a month written yyyy-MM, e.g. 2026-03.");
    }

    @Test
    void aRangeRunningBackwardsOrBeforeTheBooksFirstPeriodIsRefused() {
        String start = start();
        String before = YearMonth.parse(start).minusMonths(1).toString();
        JsonNode reversed = refused(422, "trial-balance?from=" + YearMonth.parse(start).plusMonths(2)
                + "&to=" + start, "report.period.reversed", "from");
        assertThat(reversed.get("detail").asText()).contains("起始期间不能晚于截止期间");
        JsonNode early = refused(422, "statement?from=" + before + "&to=" + start, "report.period.before-start", "from");
        assertThat(early.get("detail").asText()).contains(before, start);
        refused(422, "vouchers?period=" + before, "report.period.before-start", "period");
    }

    @Test
    void unknownAccountsVouchersAndBooksAreNotFound() {
        String range = "?from=" + start() + "&to=" + start();
        refused(404, "ledger/9999" + range, "report.account.unknown", "account");
        refused(404, "ledger/abc" + range, "report.account.unknown", "account");
        refused(404, "vouchers/no-such-voucher", "report.voucher.not-found", "voucherId");
        Answer answer = client.get("/api/books/no-such-book/reports/trial-balance" + range);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asText()).isEqualTo("book.not-found");
    }

    @Test
    void aBadThresholdIsRefused() {
        refused(422, "statement?from=" + start() + "&to=" + start() + "&threshold=-1", "report.threshold.invalid",
                "threshold");
        refused(422, "statement?from=" + start() + "&to=" + start() + "&threshold=1.234", "report.threshold.invalid",
                "threshold");
    }

    @Test
    void refusalsSpeakChineseByDefaultAndEnglishWhenAsked() throws Exception {
        String path = "/api/books/" + BOOK + "/reports/ledger/9999?from=" + start() + "&to=" + start();
        Answer zh = client.get(path);
        JsonNode en = inEnglish(path);

        assertThat(zh.contentType()).startsWith("application/problem+json");
        assertThat(zh.json().get("detail").asText()).isEqualTo("科目 9999 不在本账套的科目表中。");
        assertThat(en.get("detail").asText()).isEqualTo("Account 9999 is not in this book's chart of accounts.");
        assertThat(en.get("type").asText()).endsWith("/report.account.unknown");
    }

    private JsonNode refused(int status, String path, String code, String field) {
        Answer answer = client.get("/api/books/" + BOOK + "/reports/" + path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(status);
        JsonNode problem = answer.json();
        assertThat(problem.get("code").asText()).as(path).isEqualTo(code);
        assertThat(problem.get("field").asText()).as(path).isEqualTo(field);
        return problem;
    }

    private JsonNode inEnglish(String path) throws Exception {
        return inEnglish(path, 404);
    }

    private JsonNode inEnglish(String path, int status) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(status);
        return new ObjectMapper().readTree(response.body());
    }

    private String start() {
        return client.get("/api/books/" + BOOK).json().get("startPeriod").asText();
    }
}
