package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;

/**
 * The public site as a resident tries it with a browser's headers: request and tender pages linked
 * from the compound page, people by name, a private payee never named, statements posted late
 * marked, the publisher and hotline shown, the language switch keeping the page's query, HTML
 * error pages (problem+json stays on the API), the API answering JSON to a browser, and no message
 * with an unfilled placeholder anywhere.
 */
class PublicSitePagesIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";
    private static final String TENDER = "t-lanyuan-waiqiang";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** An actor id such as agent:li-na or community:zhao-min, as pages must never show a person. */
    private static final Pattern ACTOR_ID = Pattern.compile("\\b(agent|committee|community|town|owner|service|property):[a-z]");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theCompoundPageLinksEveryRequestAndTenderToItsOwnPage() throws Exception {
        String page = page("/public/books/" + BOOK, "zh-CN").body();
        for (JsonNode request : client.get("/api/books/" + BOOK + "/requests").json()) {
            assertThat(page).contains("href=\"/public/books/" + BOOK + "/requests/" + request.get("requestId").asText() + "\"");
        }
        for (JsonNode tender : client.get("/api/books/" + BOOK + "/tenders").json()) {
            assertThat(page).contains("href=\"/public/books/" + BOOK + "/tenders/" + tender.get("tenderId").asText() + "\"");
        }
    }

    @Test
    void aRequestPageShowsItsStepsWithWhoAndWhenAndItsPayments() throws Exception {
        JsonNode paid = null;
        for (JsonNode request : client.get("/api/books/" + BOOK + "/requests").json()) {
            if ("更换3号楼单元门禁及读卡器".equals(request.get("purpose").asText())) {
                paid = request;
            }
        }
        assertThat(paid).as("the demo's request approved by committee and community, then paid").isNotNull();
        HttpResponse<String> page = page("/public/books/" + BOOK + "/requests/" + paid.get("requestId").asText(), "zh-CN");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page.body())).contains(paid.get("purpose").asText(), "已批准", "12,800.00", "杭州安居维修有限公司",
                "办理经过", "提出申请", "吴芳", "（业委会审批）", "周军", "（社区审核）", "赵敏", "付款 12,800.00 元")
                .doesNotContainPattern(ACTOR_ID);
        String english = text(page("/public/books/" + BOOK + "/requests/" + paid.get("requestId").asText(), "en").body());
        assertThat(english).contains("What happened", "raised", "approved", "Payments");
    }

    @Test
    void aPrivatePayeeIsNamedOnNoPage() throws Exception {
        Answer raised = client.as("lanyuan-member").post("/api/books/" + BOOK + "/requests", """
                {"amount":"600.00","purpose":"绿化临时工工资","account":"510102",
                 "payee":{"type":"PERSON","name":"王小红"},"quotes":[]}""", "en");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String id = raised.json().get("requestId").asText();

        String detail = page("/public/books/" + BOOK + "/requests/" + id, "zh-CN").body();
        assertThat(detail).contains("绿化临时工工资", "个人（不公开）").doesNotContain("王小红");
        assertThat(page("/public/books/" + BOOK, "zh-CN").body()).doesNotContain("王小红");
        assertThat(page("/public/books/" + BOOK + "/requests/" + id, "en").body())
                .contains("a private person (not published)").doesNotContain("王小红");
    }

    @Test
    void aTenderPageShowsItsStagesBidsAwardContractAndPaymentsWithWhoSignedEach() throws Exception {
        JsonNode tender = client.get("/api/books/" + BOOK + "/tenders/" + TENDER).json();
        String page = text(page("/public/books/" + BOOK + "/tenders/" + TENDER, "zh-CN").body());

        assertThat(page).contains(tender.get("tender").get("title").asText(), "投标", "评标排名", "中标", "合同",
                "承包单位", tender.get("contract").get("supplierName").asText(), "办理经过", "发布招标公告", "开标",
                "定标", "签订合同", "街道招标经办人", "对应支出申请").doesNotContainPattern(ACTOR_ID);
        for (JsonNode bid : tender.get("bids")) {
            assertThat(page).contains(bid.get("bidder").asText());
        }
        assertThat(text(page("/public/books/" + BOOK + "/tenders/" + TENDER, "en").body()))
                .contains("Bids", "Contract", "tender notice published", "Town tender officer");
    }

    @Test
    void peopleAreNamedNotByTheirActorIdsOnEveryPublicPage() throws Exception {
        for (String path : publicPages()) {
            assertThat(text(page(path, "zh-CN").body())).as(path).doesNotContainPattern(ACTOR_ID);
        }
    }

    @Test
    void noPageLeavesAPlaceholderUnfilledOrSaysNull() throws Exception {
        List<String> paths = new ArrayList<>(publicPages());
        paths.add("/no-such-page");
        paths.add("/public/books/" + BOOK + "/verify?from=2026-13&to=2026-12");
        paths.add("/public/books/" + BOOK + "/verify");
        for (String language : List.of("zh-CN", "en")) {
            for (String path : paths) {
                String body = page(path, language).body();
                assertThat(text(body)).as(language + " " + path).doesNotContain("{0}", "{1}", "{2}", "??")
                        .doesNotContainPattern("\\bnull\\b");
            }
        }
    }

    @Test
    void aStatementPublishedAfterItsDueDateIsMarkedLate() throws Exception {
        // the demo publishes its last closed quarter today, always more than 30 days after it ended
        JsonNode published = published();
        assertThat(text(page("/public/books/" + BOOK, "zh-CN").body())).contains("逾期公示");
        String statement = "/public/books/" + BOOK + "/statements/" + published.get("statementId").asText();
        assertThat(text(page(statement, "zh-CN").body())).contains("逾期公示");
        assertThat(text(page(statement, "en").body())).contains("posted late");
    }

    @Test
    void publicPagesNameThePublisherAndTheSupervisionHotline() throws Exception {
        for (String path : publicPages()) {
            assertThat(text(page(path, "zh-CN").body())).as(path)
                    .contains("公示单位：北山街道新河社区居民委员会（演示）", "监督电话：0571-0000 0000（演示）");
        }
    }

    @Test
    void theLanguageLinkKeepsThePagesQuery() throws Exception {
        String start = client.get("/api/books/" + BOOK).json().get("startPeriod").asText();
        String verify = "/public/books/" + BOOK + "/verify?from=" + start + "&to=" + start;
        String page = page(verify, "zh-CN").body();
        Matcher link = Pattern.compile("<a href=\"([^\"]+)\" lang=\"en\">English</a>").matcher(page);
        assertThat(link.find()).as(page).isTrue();
        String english = link.group(1).replace("&amp;", "&");
        assertThat(english).isEqualTo(verify + "&lang=en");
        HttpResponse<String> switched = page(english, "zh-CN");
        assertThat(switched.statusCode()).isEqualTo(200);
        assertThat(switched.body()).contains("is published yet", "href=\"" + verify.replace("&", "&amp;") + "&amp;lang=zh-CN\"");
    }

    @Test
    void pagesAnswerErrorsAsHtmlPagesInThePersonsLanguageAndTheApiAsProblems() throws Exception {
        HttpResponse<String> unknownBook = page("/public/books/no-such-book", "zh-CN");
        assertThat(unknownBook.statusCode()).isEqualTo(404);
        assertThat(unknownBook.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(unknownBook.body()).contains("页面或记录不存在", "href=\"/\"", "返回首页");

        HttpResponse<String> unknownPage = page("/no-such-page", "en");
        assertThat(unknownPage.statusCode()).isEqualTo(404);
        assertThat(unknownPage.body()).contains("No such page or record", "Back to the front page");

        HttpResponse<String> missing = page("/public/books/" + BOOK + "/verify", "zh-CN");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(missing.body()).contains("请求不完整或有误");

        HttpResponse<String> badPeriod = page("/public/books/" + BOOK + "/verify?from=2026-13&to=2026-12", "zh-CN");
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("请求不完整或有误").doesNotContain("\"type\"");

        HttpResponse<String> unknownTender = page("/public/books/" + BOOK + "/tenders/no-such-tender", "zh-CN");
        assertThat(unknownTender.statusCode()).isEqualTo(404);
        assertThat(unknownTender.body()).contains("页面或记录不存在");

        HttpResponse<String> api = page("/api/books/no-such-book", "zh-CN");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> apiPath = page("/api/no-such-thing", "zh-CN");
        assertThat(apiPath.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void theApiAnswersJsonToABrowser() throws Exception {
        for (String path : List.of("/api/books/" + BOOK + "/requests", "/api/books/" + BOOK + "/tenders",
                "/api/books/" + BOOK + "/tenders/" + TENDER, "/api/books", "/api/books/" + BOOK + "/statements")) {
            HttpResponse<String> answer = page(path, "zh-CN");
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("application/json");
            assertThat(answer.body()).as(path).startsWith(path.endsWith(TENDER) ? "{" : "[");
        }
    }

    /**
     * Every kind of public page of the demo compound: front, street, the search (asked, found and not
     * found), compound, statement, verify, requests, tenders.
     */
    private List<String> publicPages() {
        List<String> paths = new ArrayList<>(List.of("/", "/public/streets/beishan", "/public/compounds",
                "/public/compounds?q=%E5%85%B0%E5%9B%AD", "/public/compounds?q=nowhere", "/public/books/" + BOOK,
                "/public/books/" + BOOK + "/statements/" + published().get("statementId").asText()));
        String start = client.get("/api/books/" + BOOK).json().get("startPeriod").asText();
        paths.add("/public/books/" + BOOK + "/verify?from=" + start + "&to=" + start);
        for (JsonNode request : client.get("/api/books/" + BOOK + "/requests").json()) {
            paths.add("/public/books/" + BOOK + "/requests/" + request.get("requestId").asText());
        }
        for (JsonNode tender : client.get("/api/books/" + BOOK + "/tenders").json()) {
            paths.add("/public/books/" + BOOK + "/tenders/" + tender.get("tenderId").asText());
        }
        return paths;
    }

    private JsonNode published() {
        for (JsonNode v : client.get("/api/books/" + BOOK + "/statements").json()) {
            if ("PUBLISHED".equals(v.get("status").asText()) && v.get("supersededBy").isNull()) {
                return v;
            }
        }
        throw new AssertionError("the demo publishes a statement");
    }

    /** The page's visible text: tags, the head's title and attributes left out. */
    private static String text(String html) {
        return html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " ").replace("&amp;", "&");
    }

    /** The page as a browser asks for it, in {@code language}. */
    private HttpResponse<String> page(String path, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", BROWSER_ACCEPT).header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
