package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.gongzhang.service.support.LoginForm;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** The public front page (its streets) in both languages, the form login with its CSRF token, and the OpenAPI description. */
class PagesIT extends ServiceIT {

    @Autowired
    private ApplicationContext context;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theFrontPageListsTheStreetsInChineseByDefaultAndSwitchesToEnglish() throws Exception {
        String zh = page("/").body();
        assertThat(zh).contains("小区公共收益公示", "北山街道", "找到你的小区", "<html lang=\"zh-CN\"");
        String en = page("/?lang=en").body();
        assertThat(en).contains("Public income statements of residential compounds", "<html lang=\"en\"");
        assertThat(page("/").body()).as("the choice is remembered").contains("<html lang=\"en\"");
        assertThat(page("/?lang=zh-CN").body()).contains("小区公共收益公示");
    }

    @Test
    void aStaffMemberLogsInThroughTheFormWithItsCsrfToken() throws Exception {
        assertThat(login("zhao-min", "wrong-password").headers().firstValue("Location").orElse("")).contains("/login?error");
        HttpResponse<String> ok = login("zhao-min", "gongzhang-demo");
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    @Test
    void aGuessedAccountIsRefusedEvenWithItsPasswordAndTheLoginPageSaysForHowLong() throws Exception {
        String username = org.gongzhang.service.support.NewStaff.create(new org.gongzhang.service.support.LedgerClient(port),
                "COMMITTEE_MEMBER", "COMPOUND", "lanyuan", "猜密码测试");
        for (int i = 0; i < 5; i++) {
            assertThat(login(username, "guess-" + i).headers().firstValue("Location").orElse("")).contains("/login?error");
        }
        HttpResponse<String> right = login(username, "gongzhang-demo");
        String location = right.headers().firstValue("Location").orElse("");
        assertThat(location).contains("/login?throttled=1");
        assertThat(page(URI.create(location).getRawPath() + "?" + URI.create(location).getRawQuery()).body())
                .contains("登录失败次数过多，请 1 分钟后再试。");
    }

    @Test
    void theLoginPageShowsOnlyAWaitTheThrottleCouldHaveSetNotWordsFromTheLink() throws Exception {
        assertThat(page("/login?throttled=12").body()).contains("登录失败次数过多，请 12 分钟后再试。");
        for (String planted : new String[] {"%E8%AF%B7%E8%87%B4%E7%94%B5110%E6%A0%B8%E5%AE%9E", "0", "-1", "1e3", "99999",
                "x".repeat(5_000)}) {
            HttpResponse<String> answer = page("/login?throttled=" + planted);
            assertThat(answer.statusCode()).as(planted).isEqualTo(200);
            assertThat(answer.body()).as(planted).doesNotContain("登录失败次数过多", "role=\"alert\"")
                    .contains("name=\"_csrf\"", "</html>");
        }
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        page("/login");
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=zhao-min&password=gongzhang-demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void theApiIsDescribedByOpenApiWithItsBearerScheme() throws Exception {
        JsonNode api = new ObjectMapper().readTree(page("/v3/api-docs").body());
        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(api.get("paths").has("/api/session")).isTrue();
        assertThat(api.get("paths").has("/api/books/{book}/entries")).isTrue();
        assertThat(api.get("paths").has("/api/books/{book}/reports/statement")).isTrue();
        assertThat(api.get("components").get("securitySchemes").get("bearer").get("scheme").asText()).isEqualTo("bearer");
        assertThat(page("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    /**
     * A page's links are written as they are: no filter looks each one up on the class path as a
     * static file (Thymeleaf's {@code ResourceUrlEncodingFilter}, which Boot adds when the resource
     * chain is on: two thirds of the time a workspace home listing 1,000 books took, docs/benchmarks.md).
     * The static files and the API explorer's are still served.
     */
    @Test
    void linksAreNotLookedUpAsStaticFilesAndStaticFilesAreServed() throws Exception {
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                .noneMatch(registration -> registration.getFilter() instanceof ResourceUrlEncodingFilter);
        assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
        for (String file : new String[] {"/site.css", "/js/workspace.js", "/swagger-ui/swagger-ui.css"}) {
            HttpResponse<String> answer = page(file);
            assertThat(answer.statusCode()).as(file).isEqualTo(200);
            assertThat(answer.body()).as(file).isNotBlank();
        }
    }

    private HttpResponse<String> login(String username, String password) throws Exception {
        return LoginForm.submit(browser, port, username, URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> page(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
