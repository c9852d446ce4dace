package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.Problems;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.service.support.TestBook.Place;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a resident finds a compound among a city's: the front page lists streets (one line each,
 * however many compounds), a street's page its communities and their compounds, and the search
 * finds a compound by part of its name or its community's or street's — at most
 * {@value PublicPages#SEARCH_LIMIT} listed, those named so first. A street of its own, opened once for
 * these tests: 51 compounds in one community (东风玉兰社区…) and one (玉兰苑…) in another.
 */
class PublicDirectoryIT extends ServiceIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TAG = UUID.randomUUID().toString().substring(0, 6);
    private static final String STREET = "s-" + TAG;
    private static final String STREET_NAME = "试点街道" + TAG;
    private static final String MAGNOLIA = "玉兰苑" + TAG;
    private static String magnoliaBook;
    private static int openedOnPort;

    /** The street, opened once per service (a new context would be a new database). */
    @BeforeEach
    void theStreet() {
        synchronized (PublicDirectoryIT.class) {
            if (openedOnPort == port) {
                return;
            }
            for (int i = 1; i <= 51; i++) {
                TestBook.openIn(client, new Place("梧桐苑" + i + "期" + TAG, "dongfeng-" + TAG, "东风玉兰社区" + TAG, STREET,
                        STREET_NAME));
            }
            magnoliaBook = TestBook.openIn(client, new Place(MAGNOLIA, "xihu-" + TAG, "西湖社区" + TAG, STREET,
                    STREET_NAME)).id;
            openedOnPort = port;
        }
    }

    @Test
    void theApiListsTheBooksOfAStreetOrACommunityWhenAsked() {
        List<String> street = new ArrayList<>();
        client.get("/api/books?street=" + STREET).json().forEach(b -> street.add(b.path("street").path("id").asText()
                + " " + b.path("community").path("id").asText()));
        assertThat(street).hasSize(52).allMatch(line -> line.startsWith(STREET + " "));
        assertThat(street.get(0)).as("the directory's order: community dongfeng first").endsWith("dongfeng-" + TAG);
        assertThat(street.get(51)).endsWith("xihu-" + TAG);
        assertThat(client.get("/api/books?community=xihu-" + TAG).json()).singleElement()
                .satisfies(b -> assertThat(b.path("book").asText()).isEqualTo(magnoliaBook));
        assertThat(client.get("/api/books?street=" + STREET + "&community=xihu-" + TAG).json()).hasSize(1);
        assertThat(client.get("/api/books?street=nowhere-" + TAG + "&community=xihu-" + TAG).json()).isEmpty();
        assertThat(client.get("/api/books").json().size()).as("without a filter, every book").isGreaterThan(52);
    }

    /** A city's directory a page at a time: the same books in the same order, a Link to the next page while more follow. */
    @Test
    void theApiPagesTheDirectoryInItsOrderWithALinkToTheNextPage() {
        List<String> whole = new ArrayList<>();
        client.get("/api/books?street=" + STREET).json().forEach(b -> whole.add(b.path("book").asText()));
        List<String> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String next = "/api/books?street=" + STREET + "&limit=20";
        while (next != null) {
            assertThat(sizes).as("pages read so far").hasSizeLessThan(5);
            LedgerClient.Answer page = client.get(next);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            sizes.add(page.json().size());
            page.json().forEach(b -> paged.add(b.path("book").asText()));
            next = page.header("Link").map(link -> link.substring(1, link.indexOf(">; rel=\"next\""))).orElse(null);
        }
        assertThat(sizes).containsExactly(20, 20, 12);
        assertThat(paged).isEqualTo(whole);

        List<String> city = new ArrayList<>();
        client.get("/api/books").json().forEach(b -> city.add(b.path("book").asText()));
        LedgerClient.Answer first = client.get("/api/books?limit=" + (city.size() - 1));
        assertThat(first.header("Link")).as("one book left").isPresent();
        LedgerClient.Answer last = client.get("/api/books?limit=5&after=" + city.get(city.size() - 2));
        assertThat(last.json()).singleElement().satisfies(b -> assertThat(b.path("book").asText()).isEqualTo(city.get(city.size() - 1)));
        assertThat(last.header("Link")).isEmpty();
    }

    @Test
    void aBadPageIsRefusedInTheCallersLanguage() {
        assertProblem(client.get("/api/books?limit=0", "zh-CN"), "books.page.invalid", "limit",
                "分页参数不正确：每页账套数须在 1 到 1,000 之间。");
        assertProblem(client.get("/api/books?limit=1001", "en"), "books.page.invalid", "limit",
                "Invalid page: limit must be between 1 and 1,000.");
        assertProblem(client.get("/api/books?limit=5&after=no-such-book", "zh-CN"), "books.page.after", "after",
                "翻页位置不正确：目录中没有账套 no-such-book。");
        LedgerClient.Answer word = client.get("/api/books?limit=many", "en");
        assertThat(word.status()).as(word.body()).isEqualTo(400);
        assertThat(word.contentType()).startsWith("application/problem+json");
        assertThat(word.json().path("field").asText()).isEqualTo("limit");
        assertThat(word.header("Link")).isEmpty();
    }

    private static void assertProblem(LedgerClient.Answer answer, String code, String field, String detail) {
        assertThat(Problems.assertProblem(answer, 422, code, field).path("detail").asText()).isEqualTo(detail);
    }

    @Test
    void theFrontPageListsStreetsWithTheirCountsNotEveryCompound() throws Exception {
        HttpResponse<String> zh = get("/", "zh-CN");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.body()).contains("按街道查看", "找到你的小区", "name=\"q\"", "maxlength=\"50\"", "href=\"/public/streets/beishan\"",
                        "北山街道", "href=\"/public/streets/" + STREET + "\"", STREET_NAME, "2 个社区、52 个小区")
                .doesNotContain("兰园小区", MAGNOLIA, "东风玉兰社区" + TAG);
        assertThat(get("/", "en").body()).contains("By street", "Find your compound", "2 communities, 52 compounds");
    }

    @Test
    void aStreetsPageListsItsCommunitiesAndTheirCompounds() throws Exception {
        String zh = get("/public/streets/" + STREET, "zh-CN").body();
        assertThat(zh).contains("<h1>" + STREET_NAME + "</h1>", "2 个社区、52 个小区", "东风玉兰社区" + TAG,
                "梧桐苑1期" + TAG, "梧桐苑51期" + TAG, "西湖社区" + TAG,
                "href=\"/public/books/" + magnoliaBook + "\">" + MAGNOLIA + "</a>", "href=\"/\">首页</a>");
        assertThat(zh.indexOf("东风玉兰社区" + TAG)).as("communities in the order of their ids")
                .isLessThan(zh.indexOf("西湖社区" + TAG));
        assertThat(get("/public/streets/" + STREET, "en").body()).contains("2 communities, 52 compounds", ">Home</a>");

        String demo = get("/public/streets/beishan", "zh-CN").body();
        assertThat(demo).contains("新河社区", "兰园小区", "桂苑小区", "href=\"/public/books/lanyuan-public\"");
        assertThat(get("/public/books/lanyuan-public", "zh-CN").body()).as("a compound's page links to its street")
                .contains("href=\"/public/streets/beishan\">北山街道</a>");
    }

    @Test
    void aStreetWithoutBooksIsNotFound() throws Exception {
        HttpResponse<String> zh = get("/public/streets/no-such-street", "zh-CN");
        assertThat(zh.statusCode()).isEqualTo(404);
        assertThat(zh.body()).contains("页面或记录不存在");
        assertThat(get("/public/streets/no-such-street", "en").statusCode()).isEqualTo(404);
    }

    @Test
    void aSearchFindsACompoundByPartOfItsNameOrItsCommunitysOrStreets() throws Exception {
        HttpResponse<String> byName = search("苑" + TAG, "zh-CN");
        assertThat(byName.statusCode()).isEqualTo(200);
        assertThat(listed(byName.body())).containsExactly(magnoliaBook);
        assertThat(byName.body()).contains("名称含“苑" + TAG + "”的有 1 个", MAGNOLIA, STREET_NAME + " · 西湖社区" + TAG);
        assertThat(search("  苑" + TAG.toUpperCase() + "  ", "en").body()).as("trimmed, case-insensitive")
                .contains("1 match for “苑" + TAG.toUpperCase() + "”", MAGNOLIA);

        assertThat(listed(search("西湖社区" + TAG, "zh-CN").body())).containsExactly(magnoliaBook);

        HttpResponse<String> byStreet = search(STREET_NAME, "zh-CN");
        assertThat(listed(byStreet.body())).hasSize(PublicPages.SEARCH_LIMIT).doesNotHaveDuplicates();
        assertThat(byStreet.body()).contains("名称含“" + STREET_NAME + "”的有 50 个", "只列出前 50 个，请输入更完整的名称。");
        assertThat(search(STREET_NAME, "en").body()).contains("50 matches", "Only the first 50 are listed");

        List<String> magnolias = listed(search("玉兰", "zh-CN").body());
        assertThat(magnolias).as("a compound named so comes before the 51 of a community named so, past the 50 listed")
                .hasSize(PublicPages.SEARCH_LIMIT).first().isEqualTo(magnoliaBook);
    }

    @Test
    void percentAndUnderscoreAreTakenLiterally() throws Exception {
        for (String literal : List.of("%", "_", "\\", "玉兰_" + TAG, "%" + TAG)) {
            HttpResponse<String> answer = search(literal, "zh-CN");
            assertThat(answer.statusCode()).as(literal).isEqualTo(200);
            assertThat(listed(answer.body())).as(literal).isEmpty();
            assertThat(answer.body()).as(literal).contains("没有名称含“");
        }
        assertThat(search("%", "en").body()).contains("No compound, community or street has “%” in its name.");
    }

    @Test
    void anEmptySearchShowsTheFormAndAskedWhatToFind() throws Exception {
        for (String path : List.of("/public/compounds", "/public/compounds?q=", "/public/compounds?q=%20%20")) {
            HttpResponse<String> answer = get(path, "zh-CN");
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.body()).as(path).contains("输入小区、社区或街道名称中的几个字即可。");
            assertThat(listed(answer.body())).as(path).isEmpty();
        }
        assertThat(get("/public/compounds", "en").body()).contains("A few characters of the name");
    }

    @Test
    void aSearchTooLongOrWithControlCharactersIsRefusedInTheReadersLanguage() throws Exception {
        String fifty = "园".repeat(50);
        assertThat(search(fifty, "zh-CN").statusCode()).as("50 characters are fine").isEqualTo(200);

        for (String bad : List.of(fifty + "园", "x".repeat(500), "园" + TAG + "\u0007", "玉兰\u001b")) {
            HttpResponse<String> zh = search(bad, "zh-CN");
            assertThat(zh.statusCode()).as(bad).isEqualTo(400);
            assertThat(zh.body()).as(bad).contains("aria-invalid=\"true\"", "id=\"q-problem\"");
            assertThat(listed(zh.body())).as("nothing searched").isEmpty();
        }
        assertThat(search(fifty + "园", "zh-CN").body()).contains("名称最多 50 个字，请缩短后再找。");
        assertThat(search(fifty + "园", "en").body()).contains("A name has at most 50 characters");
        assertThat(search("园" + TAG + "\u0007", "zh-CN").body()).contains("名称中不能有控制字符，请重新输入。");
        assertThat(search("园" + TAG + "\u0007", "en").body()).contains("A name cannot hold control characters");

        HttpResponse<String> nul = search("园" + TAG + "\u0000", "zh-CN");
        assertThat(nul.statusCode()).as("a NUL is refused before the page, as in any parameter").isEqualTo(400);
        assertThat(nul.body()).contains("q 含有不允许的字符");
        assertThat(listed(nul.body())).isEmpty();
    }

    /** The books a page links to, in order. */
    private static List<String> listed(String page) {
        List<String> books = new ArrayList<>();
        Matcher link = Pattern.compile("href=\"/public/books/([^\"/?]+)\"").matcher(page);
        while (link.find()) {
            books.add(link.group(1));
        }
        return books;
    }

    private HttpResponse<String> search(String q, String language) throws Exception {
        return get("/public/compounds?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), language);
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
