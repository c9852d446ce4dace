package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.service.support.Browser;
import org.gongzhang.service.support.Cli;
import org.gongzhang.service.support.NewStaff;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;

/**
 * The bookkeeping day in a real Chromium: the preparer makes a key in her browser and the community
 * auditor registers it; she enters three vouchers with the keyboard only, each signed in her browser;
 * the reviewer (his own key, registered the same way) reviews and posts them in his own session; the
 * 科目余额表 shows the new figures; the bundle of the book verifies offline with her signatures in it.
 */
class VoucherWorkBrowserIT extends ServiceIT {

    private static final String BOOK = "guiyuan-public";

    @TempDir
    Path temp;

    @Test
    void aPreparerEntersThreeVouchersByKeyboardAndAReviewerPostsThemAllSignedInTheirBrowsers() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        long sizeBefore = client.get("/api/books/" + BOOK + "/head").json().get("size").asLong();
        try (Browser preparer = Browser.open(port, "zh-CN", Browser.DESKTOP);
                Browser reviewer = Browser.open(port, "zh-CN", Browser.DESKTOP);
                Browser auditor = Browser.open(port, "zh-CN", Browser.DESKTOP)) {
            String preparerName = NewStaff.create(client, "AGENT_PREPARER", "FIRM", "hengxin", "周婷");
            String reviewerName = NewStaff.create(client, "AGENT_REVIEWER", "FIRM", "hengxin", "吴刚");
            String preparerKey = makeKey(preparer, preparerName, "周婷的办公室电脑");
            String reviewerKey = makeKey(reviewer, reviewerName, "吴刚的笔记本");
            auditor.go("/staff").logIn("zhao-min");
            // the demo writes this month's own vouchers up to today: the test's show as what they add
            String month = today.substring(0, 7);
            auditor.go("/staff/books/" + BOOK + "/trial-balance?from=" + month + "&to=" + month);
            String balanceBefore = auditor.text(By.cssSelector("table.report"));
            auditor.go("/staff/books/" + BOOK + "/members");
            auditor.screenshot("members-pending");
            auditor.assertAccessible();
            enrol(auditor, "周婷", "吴刚");

            preparer.go("/staff/keys");
            preparer.waitUntil(d -> preparer.text(By.tagName("main")).contains("已登记"));
            preparer.screenshot("keys-registered");
            preparer.assertAccessible();

            preparer.go("/staff/books/" + BOOK + "/vouchers/new");
            preparer.assertAccessible();
            enterVoucher(preparer, "收", "收12月停车费", "100201", "tccd", "1200");
            assertThat(preparer.text(By.tagName("main"))).contains("凭证已保存");
            enterVoucher(preparer, "收", "收12月广告费", "100201", "ggsr", "860.50");
            enterVoucher(preparer, "付", "付12月公示印刷费", "520104", "100201", "35");
            preparer.screenshot("voucher-entry-saved");

            List<JsonNode> mine = entriesSince(sizeBefore, "agent:" + preparerName);
            assertThat(mine).hasSize(3).allSatisfy(e -> {
                assertThat(e.at("/entry/custodial").asBoolean()).isFalse();
                assertThat(e.at("/entry/keyId").asText()).isEqualTo(preparerKey);
                assertThat(e.at("/entry/kind").asText()).isEqualTo("voucher.recorded");
            });

            reviewer.go("/staff/books/" + BOOK + "?status=RECORDED&period=" + today.substring(0, 7));
            assertThat(reviewer.text(By.cssSelector("table.vouchers"))).contains("收12月停车费", "收12月广告费", "付12月公示印刷费");
            reviewer.screenshot("book-vouchers-recorded");
            reviewer.assertAccessible();
            // meanwhile the 广告费 voucher is reviewed from another tab: this page's list is stale there
            String listPage = reviewer.driver().getWindowHandle();
            reviewer.driver().switchTo().newWindow(WindowType.TAB);
            reviewer.go("/staff/books/" + BOOK + "?status=RECORDED&period=" + today.substring(0, 7));
            row(reviewer, "收12月广告费").findElement(By.cssSelector("input[data-id]")).click();
            reviewer.find(By.xpath("//button[text()='审核所选']")).click();
            reviewer.waitUntil(d -> reviewer.path().contains("after="));
            reviewer.driver().close();
            reviewer.driver().switchTo().window(listPage);

            // 审核所选 on the stale list: the batch goes on past the voucher refused, which says why beside it
            selectAll(reviewer);
            reviewer.find(By.xpath("//button[text()='审核所选']")).click();
            reviewer.waitUntil(d -> reviewer.text(By.cssSelector("#voucher-list .form-status")).contains("项被拒绝"));
            assertThat(reviewer.text(By.cssSelector("#voucher-list .form-status"))).startsWith("已完成 2 项，1 项被拒绝");
            // named as the list names it (its 摘要, being unnumbered), not by the id in the service's message
            assertThat(batchNote(reviewer, "收12月广告费")).isEqualTo("凭证“收12月广告费”已审核。");
            assertThat(batchNote(reviewer, "收12月停车费")).isEqualTo("已完成");
            assertThat(batchNote(reviewer, "付12月公示印刷费")).isEqualTo("已完成");
            reviewer.screenshot("book-vouchers-review-refused");
            reviewer.driver().manage().window().setSize(Browser.PHONE);
            // on a phone each voucher is a card, its 摘要 across it, the refusal in view without scrolling sideways
            long viewport = ((Number) reviewer.script("return document.documentElement.clientWidth")).longValue();
            WebElement summary = row(reviewer, "收12月广告费").findElement(By.cssSelector("td.summary"));
            assertThat(summary.getRect().getWidth()).isGreaterThan((int) viewport / 2);
            WebElement refusal = summary.findElement(By.cssSelector(".batch-note"));
            assertThat(refusal.getRect().getX() + refusal.getRect().getWidth()).isLessThanOrEqualTo((int) viewport);
            reviewer.script("arguments[0].scrollIntoView()", summary);
            reviewer.screenshot("book-vouchers-review-refused-phone");
            reviewer.assertAccessible();
            reviewer.driver().manage().window().setSize(Browser.DESKTOP);
            reviewer.go("/staff/books/" + BOOK + "?status=RECORDED&period=" + today.substring(0, 7));
            assertThat(reviewer.all(By.cssSelector("table.vouchers td span.status.RECORDED"))).isEmpty();
            reviewer.go("/staff/books/" + BOOK + "?status=REVIEWED&period=" + today.substring(0, 7));
            selectAll(reviewer);
            reviewer.find(By.xpath("//button[text()='记账所选']")).click();
            reviewer.waitUntil(d -> reviewer.all(By.cssSelector("table.vouchers td span.status.REVIEWED")).isEmpty());
            reviewer.go("/staff/books/" + BOOK + "?period=" + today.substring(0, 7));
            reviewer.screenshot("book-vouchers-posted");
            try (Browser phone = Browser.open(port, "en", Browser.PHONE)) {
                phone.go("/staff?lang=en").logIn("zhao-min");
                phone.go("/staff/books/" + BOOK + "?period=" + today.substring(0, 7) + "&lang=en");
                assertThat(phone.find(By.cssSelector("table.vouchers thead label")).isDisplayed()).isTrue();
                assertThat(phone.text(By.cssSelector("table.vouchers"))).contains("Select all", "周婷");
                phone.script("document.querySelector('table.vouchers').scrollIntoView()");
                phone.screenshot("book-vouchers-en-phone");
                phone.assertAccessible();
            }
            assertThat(reviewer.text(By.cssSelector("table.vouchers"))).contains("收12月停车费");

            List<JsonNode> reviews = entriesSince(sizeBefore, "agent:" + reviewerName);
            assertThat(reviews).allSatisfy(e -> assertThat(e.at("/entry/keyId").asText()).isEqualTo(reviewerKey));
            for (JsonNode recorded : mine) {
                String id = recorded.at("/entry/payload/voucherId").asText();
                assertThat(reviews).extracting(e -> e.at("/entry/kind").asText() + " " + e.at("/entry/payload/voucherId").asText())
                        .contains("voucher.reviewed " + id, "voucher.posted " + id);
            }

            reviewer.go("/staff/books/" + BOOK + "/trial-balance?from=" + month + "&to=" + month);
            String trialBalance = reviewer.text(By.cssSelector("table.report"));
            assertThat(periodCredit(trialBalance, "470101").subtract(periodCredit(balanceBefore, "470101")))
                    .isEqualByComparingTo("1200.00");
            assertThat(periodCredit(trialBalance, "470102").subtract(periodCredit(balanceBefore, "470102")))
                    .isEqualByComparingTo("860.50");
            reviewer.screenshot("trial-balance");
            reviewer.assertAccessible();
            reviewer.find(By.linkText("470101")).click();
            reviewer.waitUntil(d -> reviewer.path().contains("/ledger/470101"));
            assertThat(reviewer.text(By.tagName("main"))).contains("本月合计", "本年累计", "收12月停车费");
            reviewer.screenshot("account-ledger");
            reviewer.assertAccessible();

            for (Browser browser : List.of(preparer, reviewer, auditor)) {
                List<String> sent = browser.requestsSent();
                if (browser != auditor) {
                    assertThat(sent).anyMatch(r -> r.startsWith("POST") && r.contains("/entries\n{\"entry\""));
                }
                assertThat(sent).as("no request carries a private key").noneMatch(VoucherWorkBrowserIT::carriesPrivateKey);
            }
        }
        Path bundle = temp.resolve("guiyuan.zip");
        Files.write(bundle, client.getBytes("/api/books/" + BOOK + "/bundle"));
        Cli verify = Cli.run("verify", bundle.toString(), "--log-key", client.get("/api/log-key").body().trim());
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).containsPattern("signed by the actor's own key: [1-9][0-9]* entries; "
                + "signed by the service for the actor \\(custodial, 代签\\): [1-9][0-9]*");
    }

    private String makeKey(Browser browser, String username, String label) {
        browser.go("/staff/keys").logIn(username);
        browser.go("/staff/keys");
        browser.type(By.id("key-label"), label);
        browser.find(By.cssSelector("button[data-create-key]")).click();
        browser.waitUntil(d -> browser.text(By.tagName("main")).contains(label)
                && browser.find(By.cssSelector("[data-key-present]")).isDisplayed());
        String keyId = browser.text(By.cssSelector("[data-key-id]"));
        assertThat(keyId).matches("[0-9a-f]{32}");
        Object exported = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const open = indexedDB.open('gongzhang-keys', 1);
                open.onsuccess = () => {
                  const get = open.result.transaction('keys').objectStore('keys').get(arguments[0]);
                  get.onsuccess = () => crypto.subtle.exportKey('pkcs8', get.result.privateKey)
                      .then(() => done('exported'), e => done('refused: ' + e.name));
                };""", username);
        assertThat(exported).as("the private key cannot leave the browser").isEqualTo("refused: InvalidAccessError");
        return keyId;
    }

    /** Registers the keys of these people, each from its row on the book's key page. */
    private void enrol(Browser auditor, String... displayNames) {
        for (String name : displayNames) {
            By row = By.xpath("//form[@data-api][.//strong[text()='" + name + "']]");
            auditor.find(row).findElement(By.tagName("button")).click();
            auditor.waitUntil(d -> auditor.all(row).isEmpty());
        }
    }

    /** One voucher, keys only: word, lines with Enter between cells, "=" for the balancing amount, Ctrl+Enter. */
    private void enterVoucher(Browser browser, String word, String summary, String debitAccount, String creditAccount,
            String amount) {
        browser.find(By.id("v-word")).sendKeys(word);
        WebElement first = browser.find(By.name("lines[0].summary"));
        first.click();
        Actions keys = new Actions(browser.driver());
        keys.sendKeys(summary, Keys.ENTER).pause(100)
                .sendKeys(debitAccount).pause(200).sendKeys(Keys.ENTER).pause(100)
                .sendKeys(amount, Keys.ENTER).pause(100)
                .sendKeys(Keys.ENTER).pause(100)
                .sendKeys(Keys.ENTER).pause(100)
                .sendKeys(creditAccount).pause(200).sendKeys(Keys.ENTER).pause(100)
                .sendKeys(Keys.ENTER).pause(100)
                .sendKeys("=").pause(300)
                .perform();
        assertThat(browser.text(By.id("v-balance"))).isEqualTo("借贷平衡");
        browser.screenshot("voucher-entry-" + word + "-" + amount);
        String before = browser.path();
        keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        browser.waitUntil(d -> !browser.path().equals(before) && browser.path().contains("after="));
    }

    /** The row of the voucher list that shows this summary. */
    private static WebElement row(Browser browser, String summary) {
        return browser.find(By.xpath("//table[contains(@class,'vouchers')]//tr[td[text()='" + summary + "']]"));
    }

    /** What the last batch said beside the voucher of this summary. */
    private static String batchNote(Browser browser, String summary) {
        return row(browser, summary).findElement(By.cssSelector(".batch-note")).getText();
    }

    private void selectAll(Browser browser) {
        browser.find(By.cssSelector("input[data-select-all]")).click();
    }

    /** PEM or PKCS#8 (an Ed25519 PKCS#8 DER starts MC4CAQAwBQYDK2VwBCIEI in base64) or a JWK's private "d". */
    private static boolean carriesPrivateKey(String request) {
        return request.contains("PRIVATE KEY") || request.contains("MC4CAQAwBQYDK2Vw") || request.contains("\"d\":")
                || request.contains("pkcs8");
    }

    private List<JsonNode> entriesSince(long from, String actor) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode leaf : client.get("/api/books/" + BOOK + "/entries?from=" + from + "&limit=1000").json()) {
            if (leaf.at("/entry/actor").asText().equals(actor)) {
                found.add(leaf);
            }
        }
        return found;
    }

    /** The period's credit (本期发生额 贷方, the 4th amount) of account {@code code}'s row in a trial balance's text. */
    private static java.math.BigDecimal periodCredit(String trialBalance, String code) {
        for (String row : trialBalance.split("\n")) {
            if (row.startsWith(code + " ")) {
                String[] amounts = java.util.Arrays.stream(row.split(" ")).filter(c -> c.matches("-?[0-9,]+\\.[0-9]{2}"))
                        .toArray(String[]::new);
                return new java.math.BigDecimal(amounts[3].replace(",", ""));
            }
        }
        throw new AssertionError("no row " + code + " in the trial balance:\n" + trialBalance);
    }
}
