package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gongzhang.service.support.Browser;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every page of the workspace on a phone (390 × 844), as the community auditor 赵敏 would open them
 * while out of the office: none is wider than the screen, so nothing is reached only by scrolling the
 * whole page sideways (a wide report scrolls inside its own box, which the keyboard can reach). Each
 * page is checked by axe-core and screenshotted, in Chinese and in English.
 */
class StaffPagesOnAPhoneBrowserIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";

    @Test
    void noWorkspacePageIsWiderThanAPhone() {
        List<String> tooWide = new ArrayList<>();
        for (String language : List.of("zh-CN", "en")) {
            try (Browser phone = Browser.open(port, language, Browser.PHONE)) {
                String lang = language.equals("en") ? "lang=en" : "lang=zh-CN";
                phone.go("/staff?" + lang).logIn("zhao-min");
                List<String> pages = new ArrayList<>(List.of("/staff", "/staff/overview", "/staff/keys",
                        "/staff/books/" + BOOK, "/staff/books/" + BOOK + "/members",
                        "/staff/books/" + BOOK + "/trial-balance", "/staff/books/" + BOOK + "/ledger/100201",
                        "/staff/books/" + BOOK + "/requests", "/staff/books/" + BOOK + "/statements",
                        "/staff/books/" + BOOK + "/tenders", "/staff/books/" + BOOK + "/cosign"));
                pages.add(firstLink(phone, "/staff/books/" + BOOK + "?period=", "/vouchers/"));
                pages.add(firstLink(phone, "/staff/books/" + BOOK + "/requests", "/requests/"));
                pages.add(firstLink(phone, "/staff/books/" + BOOK + "/statements", "/statements/"));
                pages.add(firstLink(phone, "/staff/books/" + BOOK + "/tenders", "/tenders/"));
                for (String page : pages) {
                    phone.go(page + (page.contains("?") ? "&" : "?") + lang);
                    assertThat(phone.path()).as(page).doesNotStartWith("/login");
                    assertThat(phone.all(By.cssSelector("main[data-error]"))).as(page + " answered an error page: "
                            + phone.text(By.tagName("main"))).isEmpty();
                    long wide = ((Number) phone.script("return document.documentElement.scrollWidth")).longValue();
                    long screen = ((Number) phone.script("return document.documentElement.clientWidth")).longValue();
                    phone.screenshot("phone-" + language + page.replaceAll("[^A-Za-z0-9]+", "-"));
                    phone.assertAccessible();
                    if (wide > screen) {
                        tooWide.add(language + " " + page + " is " + wide + " px wide on a " + screen + " px screen: "
                                + widest(phone));
                    }
                }
                // a page that cannot be shown still says who is logged in, not 登录 / Log in
                phone.go("/staff/books/" + BOOK + "/vouchers/no-such-voucher?" + lang);
                assertThat(phone.all(By.cssSelector("main[data-error='404']"))).hasSize(1);
                assertThat(phone.text(By.cssSelector("header .who"))).contains("赵敏");
                phone.screenshot("phone-" + language + "-error-signed-in");
            }
        }
        assertThat(tooWide).isEmpty();
    }

    /** The first link on {@code page} whose path contains {@code part} (a voucher, a request, ...). */
    private static String firstLink(Browser browser, String page, String part) {
        browser.go(page);
        for (WebElement link : browser.all(By.cssSelector("main a[href]"))) {
            String href = link.getDomAttribute("href");
            if (href.contains(part) && !href.endsWith("/new")) {
                return href;
            }
        }
        throw new AssertionError("no link to " + part + " on " + page);
    }

    /** What sticks out furthest to the right, to name it when a page is too wide. */
    private static Object widest(Browser browser) {
        return browser.script("""
                let widest = null, right = 0;
                for (const e of document.querySelectorAll('main *')) {
                  const r = e.getBoundingClientRect().right;
                  if (r > right) { right = r; widest = e; }
                }
                return widest ? widest.tagName + '.' + widest.className + ' ' + Math.round(right) + ' px: '
                    + (widest.textContent || '').trim().slice(0, 60) : 'nothing';""");
    }
}
