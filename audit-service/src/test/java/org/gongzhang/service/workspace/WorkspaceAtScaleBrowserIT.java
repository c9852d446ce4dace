package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Grant;
import org.gongzhang.service.security.Scope;
import org.gongzhang.service.security.Users;
import org.gongzhang.service.support.Browser;
import org.gongzhang.service.support.ClientKeys;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workspace home of a street's auditor with more books and more to do than a page can hold: the
 * most urgent items and the first books, how many there are, and a link that shows them all.
 */
class WorkspaceAtScaleBrowserIT extends ServiceIT {

    private static final int BOOKS = WorkspaceController.BOOKS_SHOWN + 1;

    @Autowired
    Users users;

    private String auditor;
    private int todo;

    /** A street of 101 compounds, each book opened three months ago (its disclosures overdue), and its auditor. */
    @BeforeEach
    void street() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String street = "many-" + run;
        for (int i = 0; i < BOOKS; i++) {
            TestBook.openIn(client, new TestBook.Place(String.format("第%03d小区", i), street + "-c" + (i % 4),
                    "第" + (i % 4) + "社区", street, "多多街道"));
        }
        auditor = "auditor-" + run;
        users.create(auditor, "多审核", "auditor:" + run, LedgerClient.DEMO_PASSWORD,
                List.of(new Grant(AccessRole.COMMUNITY_AUDITOR, Scope.street(street))));
        todo = client.as(auditor).get("/api/reviews").json().get("todo").size();
        assertThat(todo).as("the street's overdue disclosures").isGreaterThan(WorkspaceController.TODO_SHOWN);
    }

    @Test
    void onAPhoneTheMostUrgentAndTheFirstBooksShowWithHowManyThereAreAndAllOfThemOneTapAway() {
        try (Browser browser = Browser.open(port, "zh-CN", Browser.PHONE)) {
            browser.go("/staff").logIn(auditor);
            browser.go("/staff");
            assertThat(browser.text(By.cssSelector("main h2"))).isEqualTo("待办（" + todo + "）");
            assertThat(browser.all(By.cssSelector("ul.todo > li"))).hasSize(WorkspaceController.TODO_SHOWN);
            assertThat(browser.text(By.id("todo-more"))).contains("共 " + todo + " 项，只显示最紧急的 50 项。", "显示全部");
            assertThat(browser.all(By.cssSelector("main table tbody tr"))).hasSize(WorkspaceController.BOOKS_SHOWN);
            assertThat(browser.text(By.id("books-more"))).contains("共 101 个账套，只列出前 100 个。");
            browser.script("document.getElementById('todo-more').scrollIntoView({block: 'center'})");
            browser.screenshot("workspace-home-many-zh");
            browser.assertAccessible();

            browser.find(By.cssSelector("#books-more a")).click();
            browser.waitUntil(d -> browser.path().equals("/staff?all=1"));
            assertThat(browser.all(By.cssSelector("ul.todo > li"))).hasSize(todo);
            assertThat(browser.all(By.cssSelector("main table tbody tr"))).hasSize(BOOKS);
            assertThat(browser.all(By.id("todo-more"))).isEmpty();
            assertThat(browser.all(By.id("books-more"))).isEmpty();
        }
    }

    /**
     * 我的签名密钥 of a key declared for a street's 101 books: counted by state, the first 20 listed (each
     * waiting for the town officer, who registers an auditor's key), all one tap away.
     */
    @Test
    void aKeyDeclaredForEveryBookOfTheStreetIsCountedAndItsFirstBooksListed() {
        ClientKeys own = ClientKeys.generate("auditor", Role.COMMUNITY_AUDITOR);
        String publicKey = Base64.getEncoder().encodeToString(own.pair().getPublic().getEncoded());
        assertThat(client.as(auditor).post("/api/me/keys", "{\"publicKey\":\"" + publicKey + "\",\"label\":\"街道电脑\"}",
                "zh-CN").status()).isEqualTo(201);
        try (Browser browser = Browser.open(port, "zh-CN", Browser.PHONE)) {
            browser.go("/staff/keys").logIn(auditor);
            browser.go("/staff/keys");
            By row = By.cssSelector("tr[data-key='" + own.keyId() + "']");
            assertThat(browser.find(row).findElements(By.cssSelector("ul.plain > li"))).hasSize(KeyPages.KEY_BOOKS_SHOWN)
                    .allSatisfy(book -> assertThat(book.getText()).matches("第\\d{3}小区 等待街道登记"));
            assertThat(browser.text(row)).contains("101 个账套：已登记 0，已吊销 0，等待登记 101", "只列出前 20 个账套。", "显示全部");
            browser.script("arguments[0].scrollIntoView({block: 'start'})", browser.find(row));
            browser.screenshot("keys-many-zh-phone");
            browser.assertAccessible();

            browser.find(By.cssSelector("tr[data-key='" + own.keyId() + "'] .keys-more a")).click();
            browser.waitUntil(d -> browser.path().equals("/staff/keys?all=1"));
            assertThat(browser.find(row).findElements(By.cssSelector("ul.plain > li"))).hasSize(BOOKS);
            assertThat(browser.find(row).findElements(By.cssSelector(".keys-more"))).isEmpty();
        }
    }

    @Test
    void inEnglishTheNotesSayTheSame() {
        try (Browser browser = Browser.open(port, "en", Browser.DESKTOP)) {
            browser.go("/staff").logIn(auditor);
            browser.go("/staff");
            assertThat(browser.text(By.id("todo-more"))).contains("The 50 most urgent of " + todo + " are shown.", "Show all");
            assertThat(browser.text(By.id("books-more"))).contains("The first 100 of your 101 books are listed.");
            browser.script("document.getElementById('books-more').scrollIntoView({block: 'center'})");
            browser.screenshot("workspace-home-many-en");
        }
    }
}
