package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gongzhang.reporting.format.Display;
import org.gongzhang.service.support.LoginForm;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.verifier.statement.Statement;
import org.junit.jupiter.api.Test;

/**
 * The public pages a resident opens from a notice board's QR code: the compound's statements and
 * calendar, a statement with its figures, the verification check by check and its objections (no
 * objector, no objection text), and an owner objecting through the page after logging in.
 */
class PublicStatementPagesIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theCompoundPageListsThePublishedStatementAndTheCalendar() throws Exception {
        String page = get("/public/books/" + BOOK).body();
        JsonNode published = published();
        assertThat(page).contains("兰园小区", "已公示的公示表", published.get("from").asText() + " — " + published.get("to").asText(),
                "公示日历（每季度）", "已公示");
    }

    @Test
    void theCompoundPageListsItsSpendingRequestsAndTenders() throws Exception {
        JsonNode requests = client.get("/api/books/" + BOOK + "/requests").json();
        JsonNode tenders = client.get("/api/books/" + BOOK + "/tenders").json();
        assertThat(requests.size()).isPositive();
        assertThat(tenders.size()).isPositive();
        String page = get("/public/books/" + BOOK).body();
        assertThat(page).contains("支出申请（业财社管）", "招标项目（业标镇管）");
        for (JsonNode request : requests) {
            assertThat(page).contains(request.get("purpose").asText(),
                    Display.amount(org.gongzhang.core.money.Money.parse(request.get("amount").asText()).fen()));
        }
        for (JsonNode tender : tenders) {
            assertThat(page).contains(tender.get("title").asText());
        }
        // the demo's requests: one approved and paid, one refused, one waiting for the community
        assertThat(page).contains("已批准", "不予批准", "审批中：社区审核");
        String english = get("/public/books/" + BOOK + "?lang=en").body();
        assertThat(english).contains("Spending requests", "Tenders (town tender platform)", "pending: community review");
        get("/?lang=zh-CN");
    }

    @Test
    void theStatementPageShowsTheSignedFiguresAndWhatWasVerified() throws Exception {
        JsonNode published = published();
        String id = published.get("statementId").asText();
        String page = get("/public/books/" + BOOK + "/statements/" + id).body();
        Statement statement = Statement.parse(client.get("/api/books/" + BOOK + "/statements/" + id + "/statement.json").body());
        assertThat(page).contains("公共收益收支公示表", "全部核验通过", "✓",
                Display.amount(statement.figures().closingBalance()), Display.amount(statement.figures().totalIncome()),
                "赵敏", "李娜", published.get("root").asText());
        assertThat(page).doesNotContain("✗");
        // the demo's objection: its status and answer are public, who raised it and what they wrote are not
        assertThat(page).contains("已答复", "本季度地面车位施工停用两周").doesNotContain("停车费收入比去年同期少", "lanyuan-owner");
        String english = get("/public/books/" + BOOK + "/statements/" + id + "?lang=en").body();
        assertThat(english).contains("Everything checks", "Public income and expenditure statement");
        get("/?lang=zh-CN");
    }

    @Test
    void aReaderWhoHoldsThePageGetsNotModifiedUntilItChanges() throws Exception {
        String statementPage = "/public/books/" + BOOK + "/statements/" + published().get("statementId").asText();
        for (String path : List.of("/", "/public/books/" + BOOK, statementPage)) {
            HttpResponse<String> first = get(path);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
            String etag = first.headers().firstValue("ETag").orElseThrow();

            HttpResponse<String> again = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();

            HttpResponse<String> stale = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("If-None-Match", "\"0-not-this-version\"").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(stale.statusCode()).as(path).isEqualTo(200);
            assertThat(stale.body()).isEqualTo(first.body());
        }
        HttpResponse<String> login = get("/login");
        assertThat(login.headers().firstValue("Cache-Control").orElse("")).as("other pages are not kept").contains("no-store");
    }

    @Test
    void theQrCodeOfAPrintedStatementLeadsToItsPublishedVersionOrVerifiesTheFiguresNow() throws Exception {
        JsonNode published = published();
        HttpResponse<String> redirect = get("/public/books/" + BOOK + "/verify?from=" + published.get("from").asText()
                + "&to=" + published.get("to").asText());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).endsWith("/statements/" + published.get("statementId").asText());
        String start = client.get("/api/books/" + BOOK).json().get("startPeriod").asText();
        HttpResponse<String> now = get("/public/books/" + BOOK + "/verify?from=" + start + "&to=" + start);
        assertThat(now.statusCode()).isEqualTo(200);
        assertThat(now.body()).contains("尚未公示", "全部核验通过");
        assertThat(get("/public/books/no-such-book").statusCode()).isEqualTo(404);
    }

    @Test
    void anOwnerObjectsThroughThePageAfterLoggingIn() throws Exception {
        String id = published().get("statementId").asText();
        String statementPage = "/public/books/" + BOOK + "/statements/" + id;
        assertThat(get(statementPage).body()).contains("业主登录后可在公示期内提出异议").doesNotContain("name=\"text\"");
        int before = client.get("/api/books/" + BOOK + "/statements/" + id + "/objections").json().size();

        String login = get("/login").body();
        post("/login", "username=lanyuan-owner&password=gongzhang-demo&_csrf=" + LoginForm.csrf(login));
        String form = get(statementPage).body();
        assertThat(form).contains("name=\"text\"");
        HttpResponse<String> sent = post(statementPage + "/objections",
                "text=" + URLEncoder.encode("公示表中的广告收入与合同不符", StandardCharsets.UTF_8) + "&_csrf=" + LoginForm.csrf(form));
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("?objected");
        assertThat(client.get("/api/books/" + BOOK + "/statements/" + id + "/objections").json().size()).isEqualTo(before + 1);
        assertThat(get(statementPage).body()).doesNotContain("公示表中的广告收入与合同不符");
    }

    private JsonNode published() {
        for (JsonNode v : client.get("/api/books/" + BOOK + "/statements").json()) {
            if ("PUBLISHED".equals(v.get("status").asText()) && v.get("supersededBy").isNull()) {
                return v;
            }
        }
        throw new AssertionError("the demo publishes a statement");
    }


    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
