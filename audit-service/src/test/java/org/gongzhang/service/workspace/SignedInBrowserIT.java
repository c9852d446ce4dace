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
import org.openqa.selenium.WindowType;
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

    /**
     * A key store that does not answer (here: another tab of the site holds it in the middle of
     * creating it, as a page closed at that moment can in Chromium) is said on the page within
     * seconds, in the person's language, and making a key then declares nothing; once the other tab
     * lets go, a reload makes and declares the key.
     */
    @Test
    void aKeyStoreThatDoesNotAnswerIsSaidAndNothingIsDeclaredUntilItDoes() {
        String label = "held store " + System.nanoTime();
        try (Browser browser = Browser.open(port, "zh-CN", Browser.DESKTOP)) {
            browser.go("/");
            String workspaceTab = browser.driver().getWindowHandle();
            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.go("/");
            assertThat(browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    const request = indexedDB.open('gongzhang-keys', 1);
                    request.onupgradeneeded = () => {
                      const store = request.result.createObjectStore('keys');
                      window.released = new Promise(resolve => request.transaction.oncomplete = resolve);
                      const hold = () => { if (!window.release) store.get('held').onsuccess = hold; };
                      hold();
                      done('holding');
                    };
                    request.onsuccess = () => done('not created here');
                    """)).isEqualTo("holding");
            browser.driver().switchTo().window(workspaceTab);

            browser.go("/staff/keys").logIn("chen-jie");
            By signer = By.id("signer");
            assertThat(browser.find(signer).getDomAttribute("data-state")).isEqualTo("unavailable");
            assertThat(browser.text(signer)).isEqualTo("密钥库无响应");
            String unavailable = "本浏览器的密钥库没有响应，未做任何操作。请关闭本站的其他页面，再刷新本页重试。";
            browser.waitUntil(d -> browser.text(By.cssSelector("[data-key-none] .form-status")).equals(unavailable));
            browser.type(By.id("key-label"), label);
            browser.find(By.cssSelector("button[data-create-key]")).click();
            browser.waitUntil(d -> browser.find(By.cssSelector("button[data-create-key]")).isEnabled()
                    && browser.text(By.cssSelector("[data-key-none] .form-status")).equals(unavailable));
            browser.screenshot("keys-store-unavailable-zh");
            browser.assertAccessible();
            assertThat(declared("chen-jie", label)).isEmpty();

            String holder = browser.driver().getWindowHandles().stream().filter(h -> !h.equals(workspaceTab))
                    .findFirst().orElseThrow();
            browser.driver().switchTo().window(holder);
            assertThat(browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    window.release = true;
                    window.released.then(() => done('released'));
                    """)).isEqualTo("released");
            browser.driver().close();
            browser.driver().switchTo().window(workspaceTab);

            browser.go("/staff/keys");
            browser.waitUntil(d -> "none".equals(browser.find(signer).getDomAttribute("data-state")));
            browser.type(By.id("key-label"), label);
            browser.find(By.cssSelector("button[data-create-key]")).click();
            browser.waitUntil(d -> browser.find(By.cssSelector("[data-key-present]")).isDisplayed());
            assertThat(declared("chen-jie", label)).containsExactly(browser.text(By.cssSelector("[data-key-id]")));
            assertThat(browser.find(signer).getDomAttribute("data-state")).isEqualTo("own");
        }
    }

    private List<String> declared(String username, String label) {
        List<String> declared = new ArrayList<>();
        client.as(username).get("/api/me/keys").json().forEach(key -> {
            if (label.equals(key.path("label").asText())) {
                declared.add(key.path("keyId").asText());
            }
        });
        return declared;
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
