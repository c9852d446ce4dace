package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.gongzhang.service.support.Browser;
import org.gongzhang.service.support.ClientKeys;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * 批量登记密钥 in real Chromium: a key the agent 李娜 declared waits in every book of the demo firm that
 * the community auditor 赵敏 registers; she enrols it in the ticked books, one signed entry per book
 * with the progress shown. A book where it was enrolled meanwhile is refused beside that book, and the
 * batch goes on with the others, each marked done and not sent again.
 */
class EnrolManyBrowserIT extends ServiceIT {

    @Test
    void theAuditorEnrolsOneKeyInTheTickedBooksAtOnce() {
        ClientKeys own = ClientKeys.generate("agent:li-na", Role.AGENT_PREPARER);
        String publicKey = Base64.getEncoder().encodeToString(own.pair().getPublic().getEncoded());
        assertThat(client.as("li-na").post("/api/me/keys",
                "{\"publicKey\":\"" + publicKey + "\",\"label\":\"李娜的新电脑\"}", "zh-CN").status()).isEqualTo(201);
        List<String> enrolled = new ArrayList<>();
        try (Browser auditor = Browser.open(port, "zh-CN", Browser.DESKTOP)) {
            auditor.go("/staff").logIn("zhao-min");
            auditor.go("/staff");
            assertThat(auditor.text(By.id("enrol-many"))).matches("批量登记密钥（\\d+）");
            auditor.find(By.id("enrol-many")).click();
            auditor.waitUntil(d -> auditor.path().equals("/staff/enrolments"));
            By group = By.cssSelector("section[data-key='" + own.keyId() + "']");
            List<String> books = books(auditor, group);
            assertThat(books).hasSizeGreaterThanOrEqualTo(2);
            assertThat(auditor.text(group)).contains("李娜", "制单", "李娜的新电脑", "在 " + books.size() + " 个账套等待登记");
            // the to-do list has one item for the key, not one per book
            List<JsonNode> items = new ArrayList<>();
            client.as("zhao-min").get("/api/reviews").json().get("todo").forEach(items::add);
            assertThat(items).filteredOn(i -> i.path("kind").asText().startsWith("key.enrol")
                    && i.path("title").asText().equals("李娜")).singleElement().satisfies(i -> {
                        assertThat(i.path("kind").asText()).isEqualTo("key.enrol.many");
                        assertThat(i.path("count").asInt()).isEqualTo(books.size());
                        assertThat(i.path("link").asText()).isEqualTo("/staff/enrolments");
                    });
            auditor.screenshot("enrol-many-zh");
            auditor.assertAccessible();
            try (Browser phone = Browser.open(port, "en", Browser.PHONE)) {
                phone.go("/staff/enrolments?lang=en").logIn("zhao-min");
                phone.go("/staff/enrolments?lang=en");
                assertThat(phone.text(group)).contains("waiting in " + books.size() + " books", "Enrol in the selected books");
                phone.screenshot("enrol-many-en-phone");
            }

            // meanwhile the key is enrolled in the last book elsewhere: the page's list is stale there
            String stale = books.get(books.size() - 1);
            assertThat(client.as("zhao-min").post("/api/books/" + stale + "/members", "{\"username\":\"li-na\","
                    + "\"role\":\"AGENT_PREPARER\",\"keyId\":\"" + own.keyId() + "\"}", "zh-CN").status()).isEqualTo(201);
            enrolled.add(stale);

            // enrol in every book: the stale one is refused on its merits, each of the others is done
            auditor.find(group).findElement(By.tagName("summary")).click();
            auditor.find(group).findElement(By.cssSelector("button[data-batch-api]")).click();
            auditor.waitUntil(d -> auditor.text(group).contains("项被拒绝"));
            List<String> others = books.subList(0, books.size() - 1);
            assertThat(auditor.find(group).findElement(By.cssSelector(".form-status")).getText())
                    .startsWith("已完成 " + others.size() + " 项，1 项被拒绝");
            assertThat(note(auditor, group, stale)).contains("已在本账套登记过");
            assertThat(box(auditor, group, stale).isSelected()).as("refused, so unticked").isFalse();
            for (String book : others) {
                assertThat(note(auditor, group, book)).as(book).isEqualTo("已完成");
                assertThat(box(auditor, group, book).isEnabled()).as("done, so not sent again").isFalse();
                assertThat(registered(book, own.keyId())).as(book).isTrue();
                enrolled.add(book);
            }
            auditor.screenshot("enrol-many-refused-zh");

            // submitted again, nothing is sent again (no new refusal), and nothing waits any more
            auditor.find(group).findElement(By.cssSelector("button[data-batch-api]")).click();
            auditor.waitUntil(d -> auditor.all(group).isEmpty());
            auditor.screenshot("enrol-many-done-zh");
        } finally {
            for (String book : enrolled) {
                assertThat(StaffKeys.revoke(client, "zhao-min", book, own.keyId())).isEqualTo(200);
            }
        }
    }

    private static WebElement box(Browser browser, By group, String book) {
        return browser.find(group).findElement(By.cssSelector("input[data-id='" + book + "']"));
    }

    /** What the batch said beside a book. */
    private static String note(Browser browser, By group, String book) {
        return browser.find(group).findElement(By.xpath(".//li[.//input[@data-id='" + book + "']]//span[contains(@class,'batch-note')]"))
                .getText();
    }

    private static List<String> books(Browser browser, By group) {
        List<String> ids = new ArrayList<>();
        for (WebElement box : browser.find(group).findElements(By.cssSelector("input[data-id]"))) {
            ids.add(box.getDomAttribute("data-id"));
        }
        return ids;
    }

    private boolean registered(String book, String keyId) {
        List<String> keys = new ArrayList<>();
        client.get("/api/books/" + book + "/keys").json().forEach(k -> {
            if (k.path("revokedAt").isNull()) {
                keys.add(k.path("keyId").asText());
            }
        });
        return keys.contains(keyId);
    }
}
