package org.gongzhang.service.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.LoginForm;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;

/**
 * The pages' side of {@link HostileInputIT}: every staff and public page, opened by a logged-in
 * person (and the public ones by anyone) with hostile values in each query parameter it reads, in
 * {@code lang}, in each path segment that names something, and in its Accept-Language header. Not one answer may be a 5xx; a
 * refusal is a page (HTML), not a stack trace or JSON.
 */
class HostilePageInputIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";

    /** Hostile path segments, as sent (already encoded where they need it). */
    private static final List<String> SEGMENTS = List.of("%00", "a%00b", "%ED%A0%80", "%FF%FE", "x".repeat(3000),
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "%25", "a;b", "-1", "9223372036854775808",
            "%E9%95%BF".repeat(300), "%20", "null", "1e309");

    /** The community auditor 赵敏, and the agent's preparer 李娜 for the pages only she may open. */
    private final HttpClient auditor = withCookies();
    private final HttpClient preparer = withCookies();
    /** Accept-Language and Accept headers that do not follow RFC 9110, or ask for what a page is not. */
    private static final List<Header> HEADERS = List.of(new Header("Accept-Language", "en;q=abc"),
            new Header("Accept-Language", "*;q=2"), new Header("Accept-Language", "zh-CN;q=0.5;q=x"),
            new Header("Accept-Language", "x".repeat(300)), new Header("Accept-Language", "en-,,"),
            new Header("Accept-Language", ";;;"), new Header("Accept-Language", "zh-CN;q=-1"),
            new Header("Accept-Language", "en_US"), new Header("Accept-Language", "zh-CN, en;q=0.5, *;q=0.1"),
            new Header("Accept", "text/html;q=abc"), new Header("Accept", "*/*;q=2"), new Header("Accept", "garbage"),
            new Header("Accept", "application/json"), new Header("Accept", "image/png"),
            new Header("Accept", "text/html, application/xhtml+xml;;;"), new Header("Accept", "x".repeat(300)),
            new Header("Accept", "text/*;charset=\"unterminated"));

    private static final Header ZH = new Header("Accept-Language", "zh-CN");

    /** A request header, sent in place of the page's usual one of that name. */
    private record Header(String name, String value) {
    }

    private final HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void noHostileParameterOrPathGivesAPageA5xx() throws Exception {
        logIn(auditor, "zhao-min");
        logIn(preparer, "li-na");
        LedgerClient api = client.as("zhao-min");
        String voucher = api.get("/api/books/" + BOOK + "/reports/vouchers?period=" + firstPostedPeriod(api))
                .json().path("vouchers").get(0).path("voucherId").asText();
        String request = api.get("/api/books/" + BOOK + "/requests").json().get(0).path("requestId").asText();
        String statement = null;
        for (JsonNode s : api.get("/api/books/" + BOOK + "/statements").json()) {
            if ("PUBLISHED".equals(s.path("status").asText())) {
                statement = s.path("statementId").asText();
            }
        }
        String tender = api.get("/api/books/" + BOOK + "/tenders").json().get(0).path("tenderId").asText();

        Map<String, List<String>> staff = new TreeMap<>();
        staff.put("/staff", List.of("all"));
        staff.put("/staff/overview", List.of("street", "community"));
        staff.put("/staff/keys", List.of("all"));
        staff.put("/staff/enrolments", List.of());
        staff.put("/staff/books/{book}", List.of("period", "status", "word", "after"));
        staff.put("/staff/books/{book}/trial-balance", List.of("from", "to", "after"));
        staff.put("/staff/books/{book}/ledger/{account}", List.of("from", "to"));
        staff.put("/staff/books/{book}/vouchers/new", List.of("word", "date", "after"));
        staff.put("/staff/books/{book}/vouchers/{voucher}", List.of("after"));
        staff.put("/staff/books/{book}/members", List.of());
        staff.put("/staff/books/{book}/imports", List.of());
        staff.put("/staff/books/{book}/cosign", List.of());
        staff.put("/staff/books/{book}/requests", List.of());
        staff.put("/staff/books/{book}/requests/{request}", List.of());
        staff.put("/staff/books/{book}/statements", List.of());
        staff.put("/staff/books/{book}/statements/{statement}", List.of());
        staff.put("/staff/books/{book}/tenders", List.of());
        staff.put("/staff/books/{book}/tenders/{tender}", List.of());
        Map<String, List<String>> pub = new TreeMap<>();
        pub.put("/", List.of());
        pub.put("/login", List.of("error", "logout", "throttled", "continue"));
        pub.put("/public/compounds", List.of("q"));
        pub.put("/public/streets/{street}", List.of());
        pub.put("/public/books/{book}", List.of());
        pub.put("/public/books/{book}/statements/{statement}", List.of());
        pub.put("/public/books/{book}/verify?from={start}&to={start}", List.of("from", "to"));
        pub.put("/public/books/{book}/requests/{request}", List.of());
        pub.put("/public/books/{book}/tenders/{tender}", List.of());
        Map<String, String> ids = Map.of("{book}", BOOK, "{account}", "100201", "{voucher}", voucher,
                "{request}", request, "{statement}", statement, "{tender}", tender, "{street}", "beishan", "{start}", firstPostedPeriod(api));

        for (Map.Entry<String, List<String>> page : staff.entrySet()) {
            String path = fill(page.getKey(), ids, null, null);
            HttpClient as = get(auditor, path).statusCode() == 200 ? auditor : preparer;
            assertThat(get(as, path).statusCode()).as("%s as it is", path).isEqualTo(200);
            probe(as, page.getKey(), page.getValue(), ids);
        }
        for (Map.Entry<String, List<String>> page : pub.entrySet()) {
            String path = fill(page.getKey(), ids, null, null);
            assertThat(get(anonymous, path).statusCode()).as("%s as it is", path).isEqualTo(200);
            probe(auditor, page.getKey(), page.getValue(), ids);
            probe(anonymous, page.getKey(), page.getValue(), ids);
        }
        // the API reads the same headers for its refusals' language and form
        for (Header header : HEADERS) {
            for (String path : List.of("/api/books", "/api/books/" + BOOK + "/requests/nonexistent")) {
                HttpResponse<String> answer = get(anonymous, path, header);
                if (answer.statusCode() >= 500) {
                    failures.add(answer.statusCode() + " " + path + " (" + header + ")");
                }
            }
        }
        System.out.printf("HostilePageInputIT: statuses %s%n", statuses);

        assertThat(failures).as("pages that answered a 5xx, or a refusal that is not a page").isEmpty();
        assertThat(statuses).as("the valid pages were reached: the probe is not refused at the door")
                .containsKey(200);
        assertThat(statuses.keySet()).as("and some hostile values were refused").anyMatch(s -> s >= 400);
    }

    @Test
    void noHostileLoginGivesA5xx() throws Exception {
        List<String> values = List.of("%00", "zhao-min%00", "a%00b", "%ED%A0%80", "%FF%FE", "x".repeat(20_000),
                "%E9%95%BF".repeat(3000), "zhao-min%0D%0A", "%20", "", "'%20or%201%3D1--", "zhao-min%C0%80");
        // each refused login counts against this address in the login throttle (50 in 15 minutes), which
        // the other tests of this service share: one try per name, with the demo password
        int refused = 0;
        for (String username : values) {
            HttpClient browser = withCookies();
            HttpResponse<String> answer = submitLogin(browser, username, LedgerClient.DEMO_PASSWORD);
            String shown = username.length() > 60 ? username.substring(0, 60) + "…" : username;
            if (answer.statusCode() >= 500) {
                failures.add(answer.statusCode() + " login as " + shown + ": " + firstLine(answer.body()));
            } else if (answer.headers().firstValue("Location").orElse("").contains("/login?error")) {
                refused++;
            } else if (answer.statusCode() == 302
                    && !answer.headers().firstValue("Location").orElse("").contains("/login?")) {
                // only the account itself, its name trimmed of control characters and spaces as a
                // login form's is (Spring Security trims it), with its own password
                String who = get(browser, "/api/session", new Header("Accept", "application/json")).body();
                if (!who.contains("\"username\":\"zhao-min\"")) {
                    failures.add("logged in as " + shown + ": " + who);
                }
            }
        }
        assertThat(failures).as("logins that answered a 5xx or let someone in").isEmpty();
        assertThat(refused).as("names that are no account's refused as a wrong login").isGreaterThanOrEqualTo(5);
    }

    /** The page as is, with each parameter and lang hostile in turn, and each named segment hostile in turn. */
    private void probe(HttpClient as, String template, List<String> parameters, Map<String, String> ids) throws Exception {
        String path = fill(template, ids, null, null);
        for (String value : HostileInputIT.PARAMETERS) {
            String query = path.contains("?") ? "&" : "?";
            for (String parameter : parameters) {
                check(as, path + query + parameter + "=" + value);
            }
            check(as, path + query + "lang=" + value);
        }
        for (Header header : HEADERS) {
            check(as, path, header);
        }
        for (String segment : ids.keySet()) {
            if (template.contains(segment)) {
                for (String hostile : SEGMENTS) {
                    check(as, fill(template, ids, segment, hostile));
                }
            }
        }
    }

    private static String fill(String template, Map<String, String> ids, String hostileSegment, String hostile) {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            String value = id.getKey().equals(hostileSegment) ? hostile
                    : URLEncoder.encode(id.getValue(), StandardCharsets.UTF_8);
            path = path.replace(id.getKey(), value);
        }
        return path;
    }

    private void check(HttpClient as, String path) throws Exception {
        check(as, path, ZH);
    }

    private void check(HttpClient as, String path, Header header) throws Exception {
        String shown = (path.length() > 120 ? path.substring(0, 120) + "…" : path) + (header == ZH ? "" : " (" + header + ")");
        HttpResponse<String> answer;
        try {
            answer = get(as, path, header);
        } catch (IOException broken) {
            // e.g. a page that failed while it was being written: the connection cut mid-answer
            failures.add("no whole answer to " + shown + ": " + broken);
            return;
        }
        int status = answer.statusCode();
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500) {
            failures.add(status + " " + shown + ": " + firstLine(answer.body()));
        } else if (status >= 400 && !header.name().equals("Accept")
                && !answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
                && !answer.body().isEmpty()) {
            // a refusal of a page that was asked for as HTML
            failures.add(status + " " + shown + " answered " + answer.headers().firstValue("Content-Type").orElse("?"));
        }
    }

    private HttpResponse<String> get(HttpClient as, String path) throws Exception {
        return get(as, path, ZH);
    }

    private HttpResponse<String> get(HttpClient as, String path, Header header) throws Exception {
        URI uri;
        try {
            uri = URI.create("http://localhost:" + port + path);
        } catch (IllegalArgumentException unsendable) {
            // a value java.net.URI will not send as is (the client's refusal, not the service's)
            return get(as, path.replace(" ", "%20"), header);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/html")
                .header("Accept-Language", "zh-CN").setHeader(header.name(), header.value());
        return as.send(request
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpClient withCookies() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private void logIn(HttpClient browser, String username) throws Exception {
        HttpResponse<String> answer = submitLogin(browser, username, LedgerClient.DEMO_PASSWORD);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    /** The login form as a browser submits it, with its CSRF token; the name and password as sent (already encoded). */
    private HttpResponse<String> submitLogin(HttpClient browser, String username, String password) throws Exception {
        return LoginForm.submit(browser, port, username, password);
    }

    private static String firstPostedPeriod(LedgerClient api) {
        return api.get("/api/books/" + BOOK).json().path("startPeriod").asText();
    }

    private static String firstLine(String body) {
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
