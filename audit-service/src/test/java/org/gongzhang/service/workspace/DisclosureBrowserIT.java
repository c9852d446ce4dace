package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.service.support.Browser;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A statement from draft to answered objection in real Chromium: the agent's preparer drafts the
 * last closed month, the community auditor signs it off and publishes it with the key in her own
 * browser, an owner objects, the committee chair accepts and answers in his browser and the auditor
 * reviews; the disclosure calendar refuses a grace period the book does not allow, next to the field.
 */
class DisclosureBrowserIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";

    @Test
    void theAuditorSignsAndPublishesADraftAndTheChairAnswersAnOwnersObjection() {
        long sizeBefore = client.get("/api/books/" + BOOK + "/head").json().get("size").asLong();
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2).toString();
        String chairKey = null;
        String auditorKey = null;
        try (Browser preparer = Browser.open(port, "zh-CN", Browser.DESKTOP);
                Browser chair = Browser.open(port, "zh-CN", Browser.DESKTOP);
                Browser auditor = Browser.open(port, "zh-CN", Browser.DESKTOP);
                Browser officer = Browser.open(port, "zh-CN", Browser.DESKTOP)) {
            chairKey = StaffKeys.make(chair, "lanyuan-chair", "主任的手机");
            auditorKey = StaffKeys.make(auditor, "zhao-min", "赵敏的办公室电脑");
            officer.go("/staff").logIn("sun-hao");
            StaffKeys.enrol(officer, BOOK, auditorKey);
            StaffKeys.enrol(auditor, BOOK, chairKey);

            preparer.go("/staff").logIn("li-na");
            preparer.go("/staff/books/" + BOOK);
            preparer.find(By.linkText("收支公示")).click();
            preparer.waitUntil(d -> preparer.path().endsWith("/statements"));
            month(preparer, "dr-from", month);
            month(preparer, "dr-to", month);
            preparer.screenshot("disclosure-draft");
            preparer.assertAccessible();
            int before = preparer.all(By.cssSelector("table.statements tbody tr")).size();
            preparer.find(By.cssSelector("#draft button[type=submit]")).click();
            preparer.waitUntil(d -> preparer.all(By.cssSelector("table.statements tbody tr")).size() == before + 1);
            preparer.screenshot("disclosure-drafted");
            String statementId = drafted(month);

            auditor.go("/staff/books/" + BOOK + "/statements/" + statementId);
            assertThat(auditor.text(By.id("statement-status"))).isEqualTo("草稿");
            auditor.find(By.cssSelector("#sign button[type=submit]")).click();
            auditor.waitUntil(d -> auditor.text(By.id("statement-status")).equals("已审核签名"));
            auditor.find(By.cssSelector("#publish button[type=submit]")).click();
            auditor.waitUntil(d -> auditor.text(By.id("statement-status")).equals("已发布"));
            auditor.screenshot("disclosure-published");
            auditor.assertAccessible();

            assertThat(client.as("lanyuan-owner").post("/api/books/" + BOOK + "/statements/" + statementId
                    + "/objections", "{\"text\":\"十月的绿化养护费为何比九月高出一倍？\"}", "zh-CN").status()).isEqualTo(201);

            chair.go("/staff/books/" + BOOK + "/statements/" + statementId);
            assertThat(chair.text(By.cssSelector("article.objection"))).contains("十月的绿化养护费为何比九月高出一倍", "已提交");
            chair.find(By.xpath("//article[@class='objection']//button[text()='受理']")).click();
            chair.waitUntil(d -> chair.text(By.cssSelector("article.objection")).contains("已受理"));
            chair.type(By.id("an-1"), "十月补种了入口绿篱，合同与验收单已作为凭证附件公示。");
            chair.find(By.xpath("//article[@class='objection']//button[text()='提交答复']")).click();
            chair.waitUntil(d -> chair.text(By.cssSelector("article.objection")).contains("已答复"));
            chair.screenshot("disclosure-objection-answered");
            chair.assertAccessible();

            auditor.go("/staff/books/" + BOOK + "/statements/" + statementId);
            auditor.type(By.id("rv-note-1"), "答复属实，附件齐全。");
            auditor.find(By.xpath("//article[@class='objection']//button[text()='复核']")).click();
            auditor.waitUntil(d -> auditor.text(By.cssSelector("article.objection")).contains("已复核"));
            auditor.screenshot("disclosure-objection-reviewed");

            auditor.go("/staff/books/" + BOOK + "/statements");
            String grace = auditor.find(By.id("cal-grace")).getAttribute("value");
            auditor.type(By.id("cal-grace"), "200");
            auditor.find(By.cssSelector("#calendar button[type=submit]")).click();
            auditor.waitUntil(d -> !auditor.all(By.cssSelector("#cal-grace + .field-error")).isEmpty());
            assertThat(auditor.find(By.id("cal-grace")).getAttribute("aria-invalid")).isEqualTo("true");
            auditor.screenshot("disclosure-calendar-refused");
            auditor.type(By.id("cal-grace"), "45");
            auditor.find(By.cssSelector("#calendar button[type=submit]")).click();
            auditor.waitUntil(d -> auditor.text(By.tagName("main")).contains("期末后 45 天内发布"));
            assertThat(client.get("/api/books/" + BOOK + "/disclosure-calendar").json().get("graceDays").asInt())
                    .isEqualTo(45);
            client.as("zhao-min").put("/api/books/" + BOOK + "/disclosure-calendar",
                    "{\"cadence\":\"QUARTER\",\"graceDays\":" + grace + "}", "zh-CN");

            JsonNode detail = client.get("/api/books/" + BOOK + "/statements/" + statementId).json();
            assertThat(detail.at("/version/status").asText()).isEqualTo("PUBLISHED");
            assertThat(detail.at("/version/draftedBy").asText()).isEqualTo("agent:li-na");
            assertThat(detail.at("/version/signedBy").asText()).isEqualTo("community:zhao-min");
            assertThat(detail.at("/objections/0/status").asText()).isEqualTo("REVIEWED");
            assertThat(detail.at("/objections/0/answer").asText()).startsWith("十月补种了入口绿篱");

            List<String> signed = new ArrayList<>();
            for (JsonNode leaf : client.get("/api/books/" + BOOK + "/entries?from=" + sizeBefore + "&limit=1000").json()) {
                JsonNode e = leaf.get("entry");
                if (e.get("kind").asText().startsWith("statement.") || e.get("kind").asText().startsWith("objection.")) {
                    signed.add(e.get("kind").asText() + " " + e.get("actor").asText() + " "
                            + (e.get("custodial").asBoolean() ? "custodial" : e.get("keyId").asText()));
                }
            }
            assertThat(signed).containsExactly(
                    "statement.drafted agent:li-na custodial",
                    "statement.signed community:zhao-min " + auditorKey,
                    "statement.published community:zhao-min " + auditorKey,
                    "objection.raised owner:lanyuan-0001 custodial",
                    "objection.accepted committee:lanyuan-chair " + chairKey,
                    "objection.answered committee:lanyuan-chair " + chairKey,
                    "objection.reviewed community:zhao-min " + auditorKey);
        } finally {
            if (auditorKey != null) {
                StaffKeys.revoke(client, "sun-hao", BOOK, auditorKey);
            }
            if (chairKey != null) {
                StaffKeys.revoke(client, "zhao-min", BOOK, chairKey);
            }
        }
    }

    /** A month field takes its value as yyyy-MM; typing into it depends on the browser's locale. */
    private static void month(Browser browser, String id, String value) {
        WebElement field = browser.find(By.id(id));
        browser.script("arguments[0].value = arguments[1];", field, value);
    }

    private String drafted(String month) {
        String id = null;
        for (JsonNode v : client.get("/api/books/" + BOOK + "/statements").json()) {
            if (v.get("from").asText().equals(month) && v.get("to").asText().equals(month)
                    && v.get("status").asText().equals("DRAFTED")) {
                id = v.get("statementId").asText();
            }
        }
        assertThat(id).as("the draft of " + month).isNotNull();
        return id;
    }
}
