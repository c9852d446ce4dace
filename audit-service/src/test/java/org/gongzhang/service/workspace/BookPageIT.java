package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.LoginForm;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.junit.jupiter.api.Test;

/** The book page (账套) of a book set up ahead of its first period (启用期间), as an agent does in December for January. */
class BookPageIT extends ServiceIT {

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aBookThatStartsNextMonthShowsThatMonthAndItsTrialBalanceLinkOpens() throws Exception {
        YearMonth first = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1);
        TestBook book = TestBook.openStarting(client, first);
        HttpResponse<String> login = LoginForm.submit(browser, port, "zhao-min", LedgerClient.DEMO_PASSWORD);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> page = page("/staff/books/" + book.id);
        assertThat(page.statusCode()).isEqualTo(200);
        String link = "/staff/books/" + book.id + "/trial-balance?from=" + first + "&amp;to=" + first;
        assertThat(page.body()).as("the book's first period shown, not this month before it")
                .contains(link).doesNotContain("from=" + first.minusMonths(1) + "&amp;");

        // the read model learns of the new book shortly after it is opened: until then the page
        // answers 404 (no such book yet) or 409 (报表尚未读到账套的记录，请稍后再试)
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> trialBalance = page(link.replace("&amp;", "&"));
        while ((trialBalance.statusCode() == 404 || trialBalance.statusCode() == 409) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            trialBalance = page(link.replace("&amp;", "&"));
        }
        assertThat(trialBalance.statusCode()).as(trialBalance.body()).isEqualTo(200);
    }

    private HttpResponse<String> page(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").header("Accept-Language", "zh-CN").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
