package org.gongzhang.service.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.gongzhang.service.security.Users;
import org.gongzhang.service.support.ClientKeys;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.LoginForm;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.Role;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The workspace home (工作台, {@code GET /staff}, and with every item and book, {@code ?all=1}) and the to-do list ({@code GET /api/reviews}) of
 * people who serve many compounds: the demo's town officer (孙浩, every book of 北山街道), its
 * community auditor (赵敏, every book of 新河社区) and an agent of a firm (李娜, 恒信) that keeps
 * {@code firm} of the books. The street holds {@code compounds} books (the demo's two plus books
 * opened through the API, each with its genesis, opening balances and one voucher waiting for
 * review), and 我的签名密钥 ({@code /staff/keys}, and every book, {@code ?all=1}) with a key declared. p50, p95 and max over 30 requests after 5 unmeasured ones, each person logged in through
 * the login form as a browser is. Not a test.
 *
 * <pre>java -cp "audit-service/target/test-classes:audit-service/target/classes:…" \
 *     org.gongzhang.service.bench.WorkspaceBenchmark 500 100</pre>
 */
public final class WorkspaceBenchmark {

    private WorkspaceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int compounds = args.length == 0 ? 500 : Integer.parseInt(args[0]);
        int firm = args.length < 2 ? 100 : Integer.parseInt(args[1]);
        try (ConfigurableApplicationContext context = OverviewBenchmark.demoService()) {
            int port = OverviewBenchmark.port(context);
            LedgerClient client = new LedgerClient(port);
            int existing = client.get("/api/books").json().size();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<String>> opened = new ArrayList<>();
            for (int i = existing; i < compounds; i++) {
                opened.add(pool.submit(() -> {
                    TestBook book = TestBook.open(new LedgerClient(port));
                    book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("100.00")));
                    return book.id;
                }));
            }
            Users users = context.getBean(Users.class);
            int served = 0;
            for (Future<String> f : opened) {
                String book = f.get();
                if (served < firm - existing) {
                    users.serve("hengxin", client.get("/api/books/" + book).json().path("compound").path("id").asText());
                    served++;
                }
            }
            pool.shutdown();
            System.out.printf("opened %,d books (4 entries each, 8 writers) in %.0f s; the firm serves %,d more%n",
                    compounds - existing, (System.nanoTime() - start) / 1e9, served);
            Thread.sleep(5_000); // the read models catch up
            for (String person : List.of("sun-hao", "zhao-min", "li-na")) {
                HttpClient browser = logIn(port, person);
                String home = measure(browser, port, person, "/staff");
                int rows = count(home, "href=\"/staff/books/[^/\"?]+\"");
                int todo = count(home, "<li>\\s*<a href=\"/staff/books/");
                System.out.printf("   %s's home lists %,d books%s%n", person, rows,
                        todo == 0 ? "" : String.format(", %,d to-do items", todo));
                measure(browser, port, person, "/staff?all=1");
                measure(browser, port, person, "/api/reviews");
                // 我的签名密钥 with a key declared, standing in every book the person serves
                ClientKeys own = ClientKeys.generate(person, Role.AGENT_PREPARER);
                client.as(person).post("/api/me/keys", "{\"publicKey\":\""
                        + Base64.getEncoder().encodeToString(own.pair().getPublic().getEncoded()) + "\",\"label\":\"bench\"}", "en");
                measure(browser, port, person, "/staff/keys");
                measure(browser, port, person, "/staff/keys?all=1");
            }
            System.out.println("load average " + Machine.loadAverage());
        }
    }

    /** A browser's session: GET the login form for its CSRF token, POST the demo password. */
    private static HttpClient logIn(int port, String username) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> answer = LoginForm.submit(browser, port, URLEncoder.encode(username, StandardCharsets.UTF_8),
                URLEncoder.encode(LedgerClient.DEMO_PASSWORD, StandardCharsets.UTF_8));
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + username + ": " + answer.statusCode() + " " + location);
        }
        return browser;
    }

    private static String measure(HttpClient browser, int port, String person, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "zh-CN").build();
        String body = null;
        long[] nanos = new long[30];
        for (int i = -5; i < nanos.length; i++) {
            long t = System.nanoTime();
            HttpResponse<String> answer = browser.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " as " + person + ": " + answer.statusCode());
            }
            if (i >= 0) {
                nanos[i] = took;
            }
            body = answer.body();
        }
        Arrays.sort(nanos);
        System.out.printf("GET %s as %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%,d bytes)%n", path, person,
                nanos[14] / 1e6, nanos[28] / 1e6, nanos[29] / 1e6, body.length());
        return body;
    }

    private static int count(String page, String regex) {
        return (int) Pattern.compile(regex).matcher(page).results().count();
    }
}
