package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongzhang.service.support.Browser;
import org.gongzhang.service.support.NewStaff;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * 导入凭证 in a real Chromium: the preparer uploads a CSV with a bad row and sees it refused in
 * Chinese with nothing written; fixes it and confirms, and each voucher is recorded as her own entry,
 * signed in her browser; the reviewer reviews and posts them in his own session; the 科目余额表 shows
 * the new figures and its xlsx button serves a workbook that reads back with the same figures.
 */
class ImportBrowserIT extends ServiceIT {

    private static final String BOOK = "guiyuan-public";
    private static final String HEADER = "日期,凭证字,凭证号,附单据数,摘要,科目代码,科目名称,借方金额,贷方金额,制单人";
    private static final String BANK = "100201,业主大会账户（公共收益户）";
    private static final String LOCKERS = "470104,设施经营收入（快递柜/充电桩/基站）";
    private static final String REPAIRS = "510101,共用部位及设施维修养护";
    private static final String INCOME = "导入：收快递柜场地使用费";
    private static final String PAYMENT = "导入：付公示栏维修费";

    @TempDir
    Path temp;

    @Test
    void aPreparerImportsACheckedFileAndTheReviewerPostsItInHisOwnSession() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String month = today.substring(0, 7);
        String preparerName = NewStaff.create(client, "AGENT_PREPARER", "FIRM", "hengxin", "孙丽");
        String reviewerName = NewStaff.create(client, "AGENT_REVIEWER", "FIRM", "hengxin", "钱伟");
        try (Browser preparer = Browser.open(port, "zh-CN", Browser.DESKTOP);
                Browser reviewer = Browser.open(port, "zh-CN", Browser.DESKTOP)) {
            String preparerKey = StaffKeys.make(preparer, preparerName, "孙丽的办公室电脑");
            register(preparerName, "AGENT_PREPARER", preparerKey);
            register(reviewerName, "AGENT_REVIEWER", null);

            preparer.go("/staff/books/" + BOOK);
            preparer.find(By.linkText("导入凭证")).click();
            preparer.waitUntil(d -> preparer.path().endsWith("/imports"));
            preparer.assertAccessible();

            int income = lastNumber(month, "收") + 1;
            int payment = lastNumber(month, "付") + 1;
            String incomeRows = rows(today, "收", income, 1, INCOME, BANK, "1500.00", LOCKERS);
            String bad = HEADER + "\r\n" + incomeRows
                    + rows(today, "付", payment, 0, PAYMENT, "510109,公示栏维修", "420.00", BANK);
            long sizeBefore = size();
            check(preparer, write("vouchers-bad.csv", bad));
            preparer.waitUntil(d -> preparer.find(By.id("import-problems")).isDisplayed());
            List<WebElement> problems = preparer.all(By.cssSelector("#import-problems tbody tr"));
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).getText()).contains("4", "F · 科目代码", "科目代码 510109 不在本账套的科目表中");
            assertThat(preparer.text(By.cssSelector("#import-form .field-error")))
                    .isEqualTo("文件中有 1 处问题，未写入任何内容。请改正下表所列各行后重新检查。");
            assertThat(preparer.find(By.id("import-preview")).isDisplayed()).isFalse();
            preparer.screenshot("workspace-import-refused");
            preparer.assertAccessible();
            assertThat(size()).as("nothing written for a refused file").isEqualTo(sizeBefore);

            String good = HEADER + "\r\n" + incomeRows + rows(today, "付", payment, 0, PAYMENT, REPAIRS, "420.00", BANK);
            check(preparer, write("vouchers.csv", good));
            preparer.waitUntil(d -> preparer.find(By.id("import-preview")).isDisplayed());
            assertThat(preparer.text(By.id("import-summary"))).contains("4 行，2 张凭证");
            assertThat(preparer.text(By.cssSelector("#import-preview tbody")))
                    .contains("收-" + income, INCOME, "1,500.00", "付-" + payment, PAYMENT, "420.00");
            assertThat(preparer.all(By.cssSelector(".field-error"))).isEmpty();
            assertThat(size()).as("checking writes nothing").isEqualTo(sizeBefore);
            preparer.driver().manage().window().setSize(new Dimension(1280, 1100));
            preparer.screenshot("workspace-import");
            preparer.assertAccessible();

            preparer.find(By.cssSelector("#import-confirm button[type=submit]")).click();
            preparer.waitUntil(d -> preparer.all(By.id("import-to-book")).size() == 1);
            assertThat(preparer.text(By.cssSelector("#import-confirm .form-status"))).contains("已录入 2 张凭证");
            assertThat(preparer.text(By.cssSelector("#import-preview tbody"))).contains("已录入（本人签名）");
            preparer.screenshot("workspace-import-recorded");
            List<JsonNode> recorded = entriesSince(sizeBefore, "agent:" + preparerName);
            assertThat(recorded).hasSize(2).allSatisfy(e -> {
                assertThat(e.at("/entry/kind").asText()).isEqualTo("voucher.recorded");
                assertThat(e.at("/entry/custodial").asBoolean()).isFalse();
                assertThat(e.at("/entry/keyId").asText()).isEqualTo(preparerKey);
            });
            assertThat(recorded.get(0).at("/entry/payload/attachments/count").asInt()).isEqualTo(1);
            assertThat(recorded.get(0).at("/entry/payload/attachments/files/0/name").asText()).isEqualTo("vouchers.csv");

            check(preparer, write("vouchers-again.csv", good));
            preparer.waitUntil(d -> !preparer.all(By.cssSelector("#import-problems tbody tr")).isEmpty());
            assertThat(preparer.text(By.id("import-problems"))).contains("已录入、等待审核记账");

            reviewer.go("/staff").logIn(reviewerName);
            reviewer.go("/staff/books/" + BOOK + "?status=RECORDED&period=" + month);
            select(reviewer, INCOME, PAYMENT);
            reviewer.find(By.xpath("//button[text()='审核所选']")).click();
            reviewer.waitUntil(d -> reviewer.path().contains("after="));
            reviewer.go("/staff/books/" + BOOK + "?status=REVIEWED&period=" + month);
            select(reviewer, INCOME, PAYMENT);
            reviewer.find(By.xpath("//button[text()='记账所选']")).click();
            reviewer.waitUntil(d -> reviewer.path().contains("after="));
            reviewer.go("/staff/books/" + BOOK + "?status=POSTED&period=" + month);
            assertThat(reviewer.text(By.cssSelector("table.vouchers"))).contains("收-" + income, "付-" + payment);
            List<JsonNode> reviewed = entriesSince(sizeBefore, "agent:" + reviewerName);
            assertThat(reviewed).extracting(e -> e.at("/entry/kind").asText())
                    .containsExactly("voucher.reviewed", "voucher.reviewed", "voucher.posted", "voucher.posted");

            reviewer.go("/staff/books/" + BOOK + "/trial-balance?from=" + month + "&to=" + month);
            WebElement lockers = reviewer.find(By.xpath("//table[@class='report']//tr[td/a[text()='470104']]"));
            String pageCredit = lockers.findElements(By.tagName("td")).get(5).getText();
            assertThat(pageCredit).isEqualTo("1,500.00");
            reviewer.assertAccessible();
            String xlsx = reviewer.find(By.linkText("导出 Excel（xlsx）")).getAttribute("href");
            byte[] workbook = client.getBytes(xlsx.substring(xlsx.indexOf("/api/")));
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("科目余额表");
                Row row = rowOf(sheet, "470104");
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(1500.00);
                assertThat(rowOf(sheet, "510101").getCell(4).getNumericCellValue()).isGreaterThanOrEqualTo(420.00);
            }
        }
    }

    /** The community auditor registers the person's key in the book: their own, or (none given) the one the service keeps. */
    private void register(String username, String role, String keyId) {
        String body = keyId == null ? "{\"username\":\"%s\",\"role\":\"%s\"}".formatted(username, role)
                : "{\"username\":\"%s\",\"role\":\"%s\",\"keyId\":\"%s\"}".formatted(username, role, keyId);
        assertThat(client.as("zhao-min").post("/api/books/" + BOOK + "/members", body, "zh-CN").status())
                .isBetween(200, 201);
    }

    private static String rows(String date, String word, int number, int attachments, String summary, String debit,
            String amount, String credit) {
        return String.join(",", date, word, String.valueOf(number), String.valueOf(attachments), summary, debit, amount,
                "", "孙丽") + "\r\n"
                + String.join(",", date, word, String.valueOf(number), String.valueOf(attachments), summary, credit, "",
                amount, "孙丽") + "\r\n";
    }

    private Path write(String name, String csv) throws Exception {
        return Files.write(temp.resolve(name), csv.getBytes(StandardCharsets.UTF_8));
    }

    private static void check(Browser browser, Path file) {
        browser.find(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        browser.find(By.cssSelector("#import-form button[type=submit]")).click();
    }

    private static void select(Browser browser, String... summaries) {
        for (String summary : summaries) {
            browser.find(By.cssSelector("input[aria-label='选择凭证：" + summary + "']")).click();
        }
    }

    private int lastNumber(String month, String word) {
        int last = 0;
        for (JsonNode voucher : client.get("/api/books/" + BOOK + "/reports/vouchers?period=" + month).json().get("vouchers")) {
            if (voucher.get("word").asText().equals(word) && voucher.hasNonNull("number")) {
                last = Math.max(last, voucher.get("number").asInt());
            }
        }
        return last;
    }

    private long size() {
        return client.get("/api/books/" + BOOK + "/head").json().get("size").asLong();
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

    private static Row rowOf(Sheet sheet, String code) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && code.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code);
    }
}
