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
 * the community auditor 赵敏 registers; she enrols it in the books she leaves ticked, one signed
 * entry per book with the progress shown, and the page then shows it waiting only where she left
 * it out, until she enrols that one too.
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

            // leave the last book out, enrol the others
            auditor.find(group).findElement(By.tagName("summary")).click();
            String left = books.get(books.size() - 1);
            auditor.find(group).findElement(By.cssSelector("input[data-id='" + left + "']")).click();
            auditor.find(group).findElement(By.cssSelector("button[data-batch-api]")).click();
            auditor.waitUntil(d -> books(auditor, group).equals(List.of(left)));
            assertThat(auditor.text(group)).contains("在 1 个账套等待登记");
            for (String book : books) {
                boolean registered = registered(book, own.keyId());
                if (registered) {
                    enrolled.add(book);
                }
                assertThat(registered).as(book).isEqualTo(!book.equals(left));
            }

            auditor.find(group).findElement(By.cssSelector("button[data-batch-api]")).click();
            auditor.waitUntil(d -> auditor.all(group).isEmpty());
            assertThat(registered(left, own.keyId())).isTrue();
            enrolled.add(left);
            auditor.screenshot("enrol-many-done-zh");
        } finally {
            for (String book : enrolled) {
                assertThat(StaffKeys.revoke(client, "zhao-min", book, own.keyId())).isEqualTo(200);
            }
        }
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
