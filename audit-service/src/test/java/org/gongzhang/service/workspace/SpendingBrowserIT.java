package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongzhang.service.support.Browser;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A spending request through its path in real Chromium: a committee member raises it with a quote,
 * cannot approve it himself (the book's separation of duties, shown in Chinese next to the action),
 * the chair approves the committee step and the community auditor the community step, each with
 * the key in their own browser, and the agent's preparer pays it.
 */
class SpendingBrowserIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";

    @TempDir
    Path temp;

    @Test
    void aMemberRaisesTheChairAndTheAuditorApproveInTheirBrowsersAndThePreparerPays() throws Exception {
        long sizeBefore = client.get("/api/books/" + BOOK + "/head").json().get("size").asLong();
        String purpose = "更换5号楼单元门禁读卡器 " + UUID.randomUUID().toString().substring(0, 6);
        Path quote = Files.writeString(temp.resolve("报价单.pdf"), "%PDF-1.4\n% 报价单 3,000.00\n%%EOF\n");
        String chairKey = null;
        String auditorKey = null;
        try (Browser member = Browser.open(port, "zh-CN", Browser.DESKTOP);
                Browser chair = Browser.open(port, "zh-CN", Browser.DESKTOP);
                Browser auditor = Browser.open(port, "zh-CN", Browser.DESKTOP);
                Browser officer = Browser.open(port, "zh-CN", Browser.DESKTOP);
                Browser preparer = Browser.open(port, "zh-CN", Browser.DESKTOP)) {
            chairKey = StaffKeys.make(chair, "lanyuan-chair", "主任的手机");
            auditorKey = StaffKeys.make(auditor, "zhao-min", "赵敏的办公室电脑");
            officer.go("/staff").logIn("sun-hao");
            StaffKeys.enrol(officer, BOOK, auditorKey);
            StaffKeys.enrol(auditor, BOOK, chairKey);

            member.go("/staff").logIn("lanyuan-member");
            member.go("/staff/books/" + BOOK);
            member.find(By.linkText("支出申请")).click();
            member.waitUntil(d -> member.path().endsWith("/requests"));
            member.type(By.id("rq-amount"), "3000");
            member.type(By.id("rq-purpose"), purpose);
            member.type(By.id("rq-account"), "510101");
            member.type(By.id("rq-payee"), "杭州安居维修有限公司");
            member.find(By.id("rq-quotes")).sendKeys(quote.toString());
            member.waitUntil(d -> member.text(By.cssSelector("ul[data-attached=quotes]")).contains("报价单.pdf"));
            member.screenshot("spending-raise");
            member.assertAccessible();
            member.find(By.cssSelector("#raise button[type=submit]")).click();
            member.waitUntil(d -> member.text(By.cssSelector("table.requests")).contains(purpose));
            member.screenshot("spending-list");
            member.assertAccessible();
            member.find(By.linkText(purpose)).click();
            member.waitUntil(d -> member.path().contains("/requests/"));
            String requestId = member.path().substring(member.path().lastIndexOf('/') + 1);
            JsonNode raised = request(requestId);
            assertThat(raised.at("/request/status").asText()).isEqualTo("PENDING");
            assertThat(raised.at("/request/pendingStep").asText()).isEqualTo("COMMITTEE");
            assertThat(raised.at("/request/requester").asText()).isEqualTo("committee:lanyuan-member");

            member.find(By.cssSelector("#approve button[type=submit]")).click();
            member.waitUntil(d -> member.text(By.cssSelector("#approve")).contains("不能审批自己的申请"));
            member.screenshot("spending-own-approval-refused");
            assertThat(request(requestId).at("/request/pendingStep").asText()).isEqualTo("COMMITTEE");

            approve(chair, requestId, 2);
            assertThat(chair.text(By.cssSelector("dl.facts"))).contains("待审环节", "社区");
            chair.screenshot("spending-committee-approved");
            approve(auditor, requestId, 3);
            assertThat(auditor.text(By.id("request-status"))).isEqualTo("已批准");
            auditor.screenshot("spending-approved");
            auditor.assertAccessible();

            preparer.go("/staff").logIn("li-na");
            preparer.go("/staff/books/" + BOOK + "/requests/" + requestId);
            preparer.type(By.id("pay-amount"), "3000");
            preparer.find(By.cssSelector("#pay button[type=submit]")).click();
            preparer.waitUntil(d -> !preparer.all(By.cssSelector("table.payments")).isEmpty());
            assertThat(preparer.text(By.cssSelector("table.payments"))).contains("3,000.00");
            preparer.screenshot("spending-paid");
            preparer.assertAccessible();

            officer.go("/staff/books/" + BOOK);
            officer.find(By.linkText("招标")).click();
            officer.waitUntil(d -> officer.path().endsWith("/tenders"));
            assertThat(officer.all(By.id("publish"))).hasSize(1);
            officer.screenshot("tenders");
            officer.assertAccessible();
            officer.go("/staff/books/" + BOOK + "/tenders/t-lanyuan-waiqiang");
            assertThat(officer.text(By.cssSelector("table.bids"))).contains("中标");
            assertThat(officer.text(By.id("contract-status"))).isNotEmpty();
            officer.screenshot("tender-contracted");
            officer.assertAccessible();
            assertThat(member.go("/staff/books/" + BOOK + "/tenders").all(By.id("publish"))).isEmpty();

            JsonNode done = request(requestId);
            assertThat(done.at("/request/status").asText()).isEqualTo("APPROVED");
            assertThat(done.at("/request/paid").asText()).isEqualTo("3000.00");
            assertThat(done.get("history")).extracting(s -> s.get("kind").asText() + " " + s.get("actor").asText())
                    .containsExactly("RAISED committee:lanyuan-member", "APPROVED committee:lanyuan-chair",
                            "APPROVED community:zhao-min");
            assertThat(done.get("payments")).hasSize(1);

            List<JsonNode> approvals = entriesSince(sizeBefore, "request.approved");
            assertThat(approvals).extracting(e -> e.at("/entry/keyId").asText()).containsExactly(chairKey, auditorKey);
            assertThat(approvals).allSatisfy(e -> assertThat(e.at("/entry/custodial").asBoolean()).isFalse());
            JsonNode raisedEntry = entriesSince(sizeBefore, "request.raised").get(0);
            assertThat(raisedEntry.at("/entry/payload/quotes/0/name").asText()).isEqualTo("报价单.pdf");
            assertThat(client.getBytes("/api/books/" + BOOK + "/attachments/"
                    + raisedEntry.at("/entry/payload/quotes/0/sha256").asText())).isEqualTo(Files.readAllBytes(quote));
        } finally {
            if (auditorKey != null) {
                StaffKeys.revoke(client, "sun-hao", BOOK, auditorKey);
            }
            if (chairKey != null) {
                StaffKeys.revoke(client, "zhao-min", BOOK, chairKey);
            }
        }
    }

    /** Approves the pending step in this person's browser and waits for the page to show it taken. */
    private void approve(Browser approver, String requestId, int stepsAfter) {
        approver.go("/staff/books/" + BOOK + "/requests/" + requestId);
        approver.find(By.cssSelector("#approve button[type=submit]")).click();
        approver.waitUntil(d -> approver.all(By.cssSelector("table.steps tbody tr")).size() == stepsAfter);
    }

    private JsonNode request(String requestId) {
        return client.get("/api/books/" + BOOK + "/requests/" + requestId).json();
    }

    private List<JsonNode> entriesSince(long from, String kind) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode leaf : client.get("/api/books/" + BOOK + "/entries?from=" + from + "&limit=1000").json()) {
            if (leaf.at("/entry/kind").asText().equals(kind)) {
                found.add(leaf);
            }
        }
        return found;
    }
}
