package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.service.support.Browser;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.interactions.Actions;

/** Logging in and out in a real Chromium: who is signed in shows on every page; the session cookie is guarded. */
class SignedInBrowserIT extends ServiceIT {

    @Test
    void afterLoginThePersonReturnsToTheWorkspaceAndSeesTheirNameRolesAndLogout() {
        try (Browser browser = Browser.open(port, "zh-CN", Browser.DESKTOP)) {
            browser.go("/staff");
            assertThat(browser.path()).startsWith("/login");
            browser.logIn("li-na");
            assertThat(browser.path()).matches("/staff(\\?continue)?");
            String header = browser.text(By.cssSelector("header.site"));
            assertThat(header).contains("李娜", "代理记账·制单", "退出");
            assertThat(browser.text(By.tagName("main"))).contains("兰园小区", "桂苑小区");
            browser.screenshot("workspace-home-zh").toFile();
            browser.assertAccessible();

            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");

            browser.go("/public/books/lanyuan-public");
            assertThat(browser.text(By.cssSelector("header.site"))).contains("李娜");

            browser.find(By.cssSelector("header.site form[action$='/logout'] button")).click();
            browser.waitUntil(d -> browser.path().startsWith("/login"));
            assertThat(browser.text(By.tagName("main"))).contains("已退出");
            browser.go("/staff");
            assertThat(browser.path()).startsWith("/login");

            browser.logIn("zhao-min");
            assertThat(browser.text(By.cssSelector("header.site"))).as("a grant's place by its name")
                    .contains("赵敏", "社区审核员（新河社区）");
        }
    }

    /**
     * A double click on 在本浏览器创建密钥 makes one key, not two: a second key would replace the
     * first in this browser and leave the first declared on the server but unusable.
     */
    @Test
    void aDoubleClickMakesOneKeyAndTheBrowserHoldsTheOneDeclared() {
        String label = "double-click " + System.nanoTime();
        try (Browser browser = Browser.open(port, "zh-CN", Browser.DESKTOP)) {
            browser.go("/staff/keys").logIn("chen-jie");
            browser.go("/staff/keys");
            browser.type(By.id("key-label"), label);
            new Actions(browser.driver()).doubleClick(browser.find(By.cssSelector("button[data-create-key]"))).perform();
            browser.waitUntil(d -> browser.find(By.cssSelector("[data-key-present]")).isDisplayed());
            String keyId = browser.text(By.cssSelector("[data-key-id]"));

            JsonNode mine = client.as("chen-jie").get("/api/me/keys").json();
            List<String> declared = new ArrayList<>();
            mine.forEach(key -> {
                if (label.equals(key.path("label").asText())) {
                    declared.add(key.path("keyId").asText());
                }
            });
            assertThat(declared).containsExactly(keyId);
        }
    }

    @Test
    void aPageReturnedToAfterLoginIsTheOneAsked() {
        try (Browser browser = Browser.open(port, "en", Browser.PHONE)) {
            browser.go("/staff?lang=en");
            browser.logIn("zhao-min");
            assertThat(browser.path()).startsWith("/staff");
            assertThat(browser.text(By.cssSelector("header.site"))).contains("Community auditor", "Log out");
            browser.screenshot("workspace-home-en-phone");
            browser.assertAccessible();
        }
    }

    @Test
    void pagesForbidInlineScriptsAndFraming() throws IOException, InterruptedException {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("onclick=");
    }
}
