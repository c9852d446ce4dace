package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongzhang.service.support.Browser;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A resident on a phone (390×844) in a real Chromium: from the front page's search to a compound, a
 * statement and its verification, a spending request and a tender; switching language on the
 * verify page of a period not yet published; an address that does not exist; on a desktop, from the
 * front page through a street's page to a compound and back, in Chinese and English. On every page
 * nothing runs off the side of the screen and axe-core finds no serious violation; the
 * screenshots (target/screenshots) are in Chinese and English.
 */
class PublicSiteBrowserIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";

    @Test
    void aResidentReadsTheCompoundsRecordOnAPhoneInChinese() {
        try (Browser browser = Browser.open(port, "zh-CN", Browser.PHONE)) {
            browser.go("/");
            assertThat(browser.all(By.linkText("兰园小区"))).as("compounds are found, not all listed").isEmpty();
            look(browser, "public-front-zh");

            browser.type(By.id("q"), "兰园");
            browser.find(By.cssSelector("form.search button")).click();
            browser.waitUntil(d -> browser.path().startsWith("/public/compounds?q="));
            assertThat(browser.text(By.tagName("main"))).contains("名称含“兰园”的有 1 个", "北山街道 · 新河社区");
            look(browser, "public-search-zh");

            browser.find(By.linkText("兰园小区")).click();
            browser.waitUntil(d -> browser.path().equals("/public/books/" + BOOK));
            assertThat(browser.text(By.tagName("main"))).contains("已公示的公示表", "逾期公示", "公示单位", "监督电话");
            look(browser, "public-compound-zh");
            browser.script("document.querySelector('table.stack').scrollIntoView()");
            browser.screenshot("public-compound-requests-zh");

            browser.find(By.cssSelector("main a[href*='/statements/']")).click();
            browser.waitUntil(d -> browser.path().contains("/statements/"));
            assertThat(browser.text(By.tagName("main"))).contains("全部核验通过", "赵敏").doesNotContain("zhao-min");
            look(browser, "public-statement-zh");

            browser.go("/public/books/" + BOOK);
            browser.find(By.linkText("更换3号楼单元门禁及读卡器")).click();
            browser.waitUntil(d -> browser.path().contains("/requests/"));
            assertThat(browser.text(By.tagName("main"))).contains("办理经过", "吴芳", "周军", "赵敏", "付款 12,800.00 元");
            look(browser, "public-request-zh");

            browser.go("/public/books/" + BOOK);
            browser.find(By.cssSelector("main a[href$='/tenders/t-lanyuan-waiqiang']")).click();
            browser.waitUntil(d -> browser.path().endsWith("/tenders/t-lanyuan-waiqiang"));
            assertThat(browser.text(By.tagName("main"))).contains("投标", "中标", "合同", "办理经过", "街道招标经办人");
            look(browser, "public-tender-zh");

            browser.go("/no-such-page");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("页面或记录不存在");
            look(browser, "public-error-zh");
            browser.find(By.linkText("返回首页")).click();
            browser.waitUntil(d -> browser.path().equals("/"));
        }
    }

    @Test
    void aResidentFindsTheCompoundThroughItsStreetOnADesktopAndInEnglish() {
        try (Browser browser = Browser.open(port, "zh-CN", Browser.DESKTOP)) {
            browser.go("/");
            browser.find(By.linkText("北山街道")).click();
            browser.waitUntil(d -> browser.path().equals("/public/streets/beishan"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("北山街道");
            assertThat(browser.text(By.tagName("main"))).contains("新河社区", "桂苑小区", "个社区");
            browser.screenshot("public-street-desktop-zh");
            browser.assertAccessible();

            browser.find(By.linkText("桂苑小区")).click();
            browser.waitUntil(d -> browser.path().startsWith("/public/books/"));
            browser.find(By.linkText("北山街道")).click();
            browser.waitUntil(d -> browser.path().equals("/public/streets/beishan"));

            browser.find(By.linkText("English")).click();
            browser.waitUntil(d -> browser.path().contains("lang=en"));
            assertThat(browser.text(By.tagName("main"))).contains("Home", "communit", "compounds", "Find your compound");
            browser.screenshot("public-street-desktop-en");
            browser.find(By.linkText("Home")).click();
            browser.waitUntil(d -> browser.path().equals("/"));
            assertThat(browser.text(By.tagName("main"))).contains("By street", "Find your compound");
            browser.screenshot("public-front-desktop-en");
        }
        try (Browser phone = Browser.open(port, "en", Browser.PHONE)) {
            phone.go("/public/compounds");
            assertThat(phone.text(By.tagName("main"))).contains("A few characters of the name");
            phone.type(By.id("q"), "no such compound anywhere");
            phone.find(By.cssSelector("form.search button")).click();
            phone.waitUntil(d -> phone.path().startsWith("/public/compounds?q="));
            assertThat(phone.text(By.tagName("main"))).contains("No compound, community or street has");
            look(phone, "public-search-none-en");
            phone.go("/public/compounds?q=" + "x".repeat(51));
            assertThat(phone.text(By.id("q-problem"))).isEqualTo("A name has at most 50 characters: shorten it and search again.");
            look(phone, "public-search-too-long-en");
        }
    }

    @Test
    void switchingLanguageOnTheVerifyPageOfAnUnpublishedPeriodKeepsItsPeriods() {
        String start = client.get("/api/books/" + BOOK).json().get("startPeriod").asText();
        String verify = "/public/books/" + BOOK + "/verify?from=" + start + "&to=" + start;
        try (Browser browser = Browser.open(port, "zh-CN", Browser.PHONE)) {
            browser.go(verify);
            assertThat(browser.text(By.tagName("main"))).contains("尚未公示", "全部核验通过");
            look(browser, "public-verify-zh");

            browser.find(By.linkText("English")).click();
            browser.waitUntil(d -> browser.path().contains("lang=en"));
            assertThat(browser.path()).isEqualTo(verify + "&lang=en");
            assertThat(browser.text(By.tagName("main"))).contains("is published yet", "Everything checks");
            look(browser, "public-verify-en");

            browser.go("/public/books/" + BOOK + "/tenders/t-lanyuan-waiqiang");
            assertThat(browser.text(By.tagName("main"))).contains("Bids", "Contract", "Town tender officer");
            look(browser, "public-tender-en");
            browser.go("/public/books/" + BOOK);
            assertThat(browser.text(By.tagName("main"))).contains("Spending requests", "posted late", "Supervision hotline");
            look(browser, "public-compound-en");
            browser.go("/public/books/" + BOOK + "/verify");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("The request is incomplete or wrong");
            look(browser, "public-error-en");

            browser.find(By.linkText("中文")).click();
            browser.waitUntil(d -> browser.path().contains("lang=zh-CN"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("请求不完整或有误");
        }
    }

    /** Nothing wider than the phone, no serious accessibility violation, and a screenshot to look at. */
    private static void look(Browser browser, String name) {
        long width = ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
        long viewport = ((Number) browser.script("return window.innerWidth")).longValue();
        assertThat(viewport).isLessThanOrEqualTo(390);
        assertThat(width).as("page width of " + browser.path()).isLessThanOrEqualTo(viewport);
        browser.screenshot(name);
        browser.assertAccessible();
    }
}
