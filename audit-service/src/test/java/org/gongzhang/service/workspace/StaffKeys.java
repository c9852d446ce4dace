package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.gongzhang.service.support.Browser;
import org.gongzhang.service.support.LedgerClient;
import org.openqa.selenium.By;

/**
 * Own keys for the people of a browser test: made in their browser (/staff/keys), enrolled in the
 * book by whoever registers that role, and revoked at the end so that later tests sharing the demo
 * book may still sign for them custodially.
 */
final class StaffKeys {

    private StaffKeys() {
    }

    /** Logs {@code username} in and makes their key in this browser; its key id. */
    static String make(Browser browser, String username, String label) {
        browser.go("/staff/keys").logIn(username);
        browser.go("/staff/keys");
        browser.type(By.id("key-label"), label);
        browser.find(By.cssSelector("button[data-create-key]")).click();
        // the key made and kept in the browser (WebCrypto, IndexedDB) and declared to the service, then
        // the page reloaded: on a saturated machine this alone took over 30 s once
        browser.waitUntil(d -> browser.find(By.cssSelector("[data-key-present]")).isDisplayed(), Duration.ofSeconds(90));
        String keyId = browser.text(By.cssSelector("[data-key-id]"));
        assertThat(keyId).matches("[0-9a-f]{32}");
        return keyId;
    }

    /** The registrar (already logged in) enrols the key on the book's 密钥登记 page. */
    static void enrol(Browser registrar, String book, String keyId) {
        registrar.go("/staff/books/" + book + "/members");
        By pending = By.xpath("//form[input[@name='keyId' and @value='" + keyId + "']]//button");
        registrar.find(pending).click();
        registrar.waitUntil(d -> registrar.all(pending).isEmpty()
                && registrar.text(By.tagName("main")).contains(keyId));
    }

    /** Revokes a key through the API as {@code registrar}, signing custodially; the HTTP status. */
    static int revoke(LedgerClient client, String registrar, String book, String keyId) {
        return client.as(registrar).post("/api/books/" + book + "/keys/" + keyId + "/revoke",
                "{\"reason\":\"测试结束\"}", "zh-CN").status();
    }
}
