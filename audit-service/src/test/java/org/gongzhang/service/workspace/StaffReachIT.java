package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.gongzhang.service.security.Grant;
import org.gongzhang.service.security.Scope;
import org.gongzhang.service.security.Users;
import org.gongzhang.service.signing.PersonalKey;
import org.gongzhang.service.signing.PersonalKeys;
import org.gongzhang.service.support.Browser;
import org.gongzhang.service.support.ClientKeys;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The books a person serves, read by their grants' scope in SQL rather than by reading every book:
 * a street, a community, a compound and an agent firm's compounds each reach exactly their books, on
 * the to-do list, the workspace's book list and a key waiting to be enrolled.
 */
class StaffReachIT extends ServiceIT {

    private static final String PASSWORD = "reach-password-1";

    @Autowired
    Users users;
    @Autowired
    StaffBooks staff;
    @Autowired
    BookOverview overview;
    @Autowired
    ToDo toDo;
    @Autowired
    KeyEnrolments keyEnrolments;
    @Autowired
    BookDirectory directory;
    @Autowired
    PersonalKeys personalKeys;

    private String run;
    private TestBook a1;
    private TestBook a2;
    private TestBook b1;
    private TestBook t1;

    /** Street S (communities A: a1, a2; B: b1) and street T (t1), each book with one voucher waiting for review. */
    @BeforeEach
    void city() {
        run = UUID.randomUUID().toString().substring(0, 8);
        a1 = book("甲一小区", "A", "S");
        a2 = book("甲二小区", "A", "S");
        b1 = book("乙一小区", "B", "S");
        t1 = book("丁一小区", "D", "T");
    }

    @Test
    void eachScopeReachesExactlyItsBooksOnTheToDoList() {
        assertThat(reviewing(person("street", AccessRole.COMMUNITY_AUDITOR, Scope.street(id("S")))))
                .containsExactlyInAnyOrder(a1.id, a2.id, b1.id);
        assertThat(reviewing(person("community", AccessRole.COMMUNITY_AUDITOR, Scope.community(id("A")))))
                .containsExactlyInAnyOrder(a1.id, a2.id);
        assertThat(reviewing(person("compound", AccessRole.COMMUNITY_AUDITOR, Scope.compound("c-" + b1.id))))
                .containsExactly(b1.id);
        String firm = id("firm");
        users.serve(firm, "c-" + a2.id);
        users.serve(firm, "c-" + t1.id);
        assertThat(reviewing(person("firm", AccessRole.AGENT_REVIEWER, Scope.firm(firm))))
                .containsExactlyInAnyOrder(a2.id, t1.id);
        // a role that reviews no voucher (the town officer) sees none, though its street holds four
        assertThat(reviewing(person("officer", AccessRole.TOWN_OFFICER, Scope.street(id("S"))))).isEmpty();
    }

    @Test
    void theWorkspaceListsTheBooksOfEveryGrantInTheDirectorysOrderWithTheirVouchersNotPosted() {
        String firm = id("firm");
        users.serve(firm, "c-" + t1.id);
        Caller both = person("both", AccessRole.COMMUNITY_AUDITOR, Scope.community(id("B")));
        users.grant(both.username(), new Grant(AccessRole.AGENT_REVIEWER, Scope.firm(firm)));
        Caller person = users.find(both.username()).orElseThrow();

        List<BookSummary> books = toDo.of(person).books();
        assertThat(books).extracting(BookSummary::book).containsExactly(b1.id, t1.id);
        assertThat(staff.roles(person, books.get(0))).containsExactly(AccessRole.COMMUNITY_AUDITOR);
        assertThat(staff.roles(person, books.get(1))).containsExactly(AccessRole.AGENT_REVIEWER);
        assertThat(overview.of(books, toDo.of(person))).allSatisfy(row -> {
            assertThat(row.unposted()).isEqualTo(1);
            assertThat(row.openPeriod()).isEqualTo(row.book().startPeriod());
        });
        // nobody's grants: no book at all
        assertThat(toDo.of(users.create(id("nobody"), "无权限", "agent:" + id("nobody"), PASSWORD, List.of())).books()).isEmpty();
    }

    @Test
    void aDeclaredKeyWaitsForTheAuditorsWhoseAreaHoldsABookItsHolderServes() {
        String firm = id("firm");
        users.serve(firm, "c-" + a2.id);
        users.serve(firm, "c-" + t1.id);
        Caller agent = person("agent", AccessRole.AGENT_REVIEWER, Scope.firm(firm));
        ClientKeys own = ClientKeys.generate(agent.actor(), Role.AGENT_REVIEWER);
        String publicKey = Base64.getEncoder().encodeToString(own.pair().getPublic().getEncoded());
        LedgerClient.Answer declared = client.as(agent.username(), PASSWORD)
                .post("/api/me/keys", "{\"publicKey\":\"" + publicKey + "\",\"label\":\"reach\"}", "en");
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);

        Caller registrar = person("registrar", AccessRole.COMMUNITY_AUDITOR, Scope.street(id("S")));
        Map<String, List<String>> streetAuditor = enrolments(registrar);
        assertThat(streetAuditor.get(agent.displayName())).containsExactly(a2.id);
        // the book's members page asks for that book alone
        assertThat(keyEnrolments.pendingIn(registrar, summary(a2))).extracting(KeyEnrolments.Pending::username)
                .containsExactly(agent.username());
        assertThat(keyEnrolments.pendingIn(registrar, summary(a1))).isEmpty();
        // the agent's own keys page: the key waits in both books the firm keeps
        assertThat(keyEnrolments.standing(agent, 20).get(0).shown()).extracting(s -> s.book().book() + " " + s.state())
                .containsExactlyInAnyOrder(a2.id + " WAITING", t1.id + " WAITING");
        Map<String, List<String>> otherCommunity = enrolments(person("other", AccessRole.COMMUNITY_AUDITOR,
                Scope.community(id("B"))));
        assertThat(otherCommunity).doesNotContainKey(agent.displayName());
    }

    /**
     * A lost device's key, once revoked in a book, is never offered for enrolment there again (the log
     * would refuse it: a key id enters a book's log once), and its holder's keys page says it is
     * revoked there, not that it waits for the auditor; in another book it still waits.
     */
    @Test
    void aKeyRevokedInABookIsNotOfferedThereAgainAndItsHolderSeesItRevoked() {
        String firm = id("firm");
        users.serve(firm, "c-" + a2.id);
        users.serve(firm, "c-" + t1.id);
        Caller agent = users.create(id("agent"), "失机代理", "agent:" + id("agent"), LedgerClient.DEMO_PASSWORD,
                List.of(new Grant(AccessRole.AGENT_REVIEWER, Scope.firm(firm))));
        ClientKeys own = ClientKeys.generate(agent.actor(), Role.AGENT_REVIEWER);
        String publicKey = Base64.getEncoder().encodeToString(own.pair().getPublic().getEncoded());
        assertThat(client.as(agent.username()).post("/api/me/keys",
                "{\"publicKey\":\"" + publicKey + "\",\"label\":\"lost phone\"}", "en").status()).isEqualTo(201);
        Caller registrar = person("registrar", AccessRole.COMMUNITY_AUDITOR, Scope.street(id("S")));
        assertThat(keyEnrolments.pendingIn(registrar, summary(a2))).extracting(KeyEnrolments.Pending::username)
                .containsExactly(agent.username());

        a2.accept(a2.entry(a2.auditor, "key.registered", own.registration()));
        assertThat(keyEnrolments.pendingIn(registrar, summary(a2))).isEmpty();
        a2.accept(a2.entry(a2.auditor, "key.revoked", CanonicalJson.mapper().createObjectNode()
                .put("keyId", own.keyId()).put("reason", "手机丢失")));

        assertThat(keyEnrolments.pendingIn(registrar, summary(a2))).as("a revoked key is not offered again").isEmpty();
        assertThat(enrolments(registrar)).doesNotContainKey(agent.displayName());
        assertThat(keyEnrolments.standing(agent, 20).get(0).shown()).extracting(st -> st.book().book() + " " + st.state())
                .containsExactlyInAnyOrder(a2.id + " REVOKED", t1.id + " WAITING");
        LedgerClient.Answer again = client.submit(a2.entry(a2.auditor, "key.registered", own.registration()), "zh-CN");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("已登记或已吊销的密钥都不能再次登记");

        try (Browser browser = Browser.open(port, "zh-CN", Browser.PHONE)) {
            browser.go("/staff/keys").logIn(agent.username());
            browser.go("/staff/keys");
            By row = By.xpath("//tr[td/code='" + own.keyId() + "']");
            String declared = browser.text(row);
            browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.find(row));
            assertThat(declared).contains("lost phone", "2 个账套：已登记 0，已吊销 1，等待登记 1",
                    "甲二小区 已吊销（不能再在该账套登记）", "丁一小区 等待社区审核员登记");
            browser.screenshot("keys-revoked-zh-phone");
            browser.assertAccessible();
        }
    }

    @Test
    void theKeysARegistrarMayBeAskedToEnrolAreThoseOfPeopleWhoseGrantsReachTheirBooks() {
        String firm = id("firm");
        users.serve(firm, "c-" + a2.id);
        List<String> reaching = List.of(
                declare(person("everywhere", AccessRole.ADMINISTRATOR, Scope.ALL)),
                declare(person("street-s", AccessRole.TOWN_OFFICER, Scope.street(id("S")))),
                declare(person("community-a", AccessRole.COMMUNITY_AUDITOR, Scope.community(id("A")))),
                declare(person("compound-a1", AccessRole.COMMITTEE_CHAIR, Scope.compound("c-" + a1.id))),
                declare(person("firm-a2", AccessRole.AGENT_PREPARER, Scope.firm(firm))));
        List<String> elsewhere = List.of(
                declare(person("community-b", AccessRole.COMMUNITY_AUDITOR, Scope.community(id("B")))),
                declare(person("street-t", AccessRole.TOWN_OFFICER, Scope.street(id("T")))),
                declare(person("compound-t1", AccessRole.COMMITTEE_CHAIR, Scope.compound("c-" + t1.id))));

        List<String> declared = personalKeys.declaredIn(Set.of(id("S")), Set.of(id("A")), Set.of("c-" + a1.id, "c-" + a2.id))
                .stream().map(PersonalKey::keyId).toList();
        assertThat(declared).containsAll(reaching).doesNotContainAnyElementsOf(elsewhere);
    }

    private String declare(Caller person) {
        ClientKeys own = ClientKeys.generate(person.actor(), Role.AGENT_PREPARER);
        return personalKeys.declare(person, "ed25519", Base64.getEncoder().encodeToString(own.pair().getPublic().getEncoded()),
                "reach").keyId();
    }

    /** The books of the person's {@code voucher.review} items. */
    private List<String> reviewing(Caller person) {
        List<String> books = new ArrayList<>();
        for (JsonNode item : client.as(person.username(), PASSWORD).get("/api/reviews").json().get("todo")) {
            String book = item.get("book").asText();
            if (item.get("kind").asText().equals("voucher.review") && isOurs(book)) {
                books.add(book);
            }
        }
        return books;
    }

    /** Per key holder's name, the books of this test's city their {@code key.enrol} items name. */
    private Map<String, List<String>> enrolments(Caller registrar) {
        List<JsonNode> items = new ArrayList<>();
        client.as(registrar.username(), PASSWORD).get("/api/reviews").json().get("todo").forEach(items::add);
        return items.stream().filter(i -> i.get("kind").asText().equals("key.enrol") && isOurs(i.get("book").asText()))
                .collect(Collectors.groupingBy(i -> i.get("title").asText(),
                        Collectors.mapping(i -> i.get("book").asText(), Collectors.toList())));
    }

    private BookSummary summary(TestBook book) {
        return directory.require(book.id);
    }

    private boolean isOurs(String book) {
        return Set.of(a1.id, a2.id, b1.id, t1.id).contains(book);
    }

    private Caller person(String name, AccessRole role, Scope scope) {
        return users.create(id(name), id(name), "agent:" + id(name), PASSWORD, List.of(new Grant(role, scope)));
    }

    private String id(String name) {
        return name.toLowerCase() + "-" + run;
    }

    private TestBook book(String compound, String community, String street) {
        TestBook book = TestBook.openIn(client, new TestBook.Place(compound, id(community), community + "社区",
                id(street), street + "街道"));
        book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("100.00")));
        book.awaitReports();
        return book;
    }
}
