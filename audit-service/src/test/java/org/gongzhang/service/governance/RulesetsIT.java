package org.gongzhang.service.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.service.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.gongzhang.core.expenditure.SpendingRules;
import org.gongzhang.service.axon.BookCache;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.Tamper;
import org.gongzhang.service.support.TestBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A town's own spending rule set through the API: adopted by the town officer in one book of
 * 北山街道 or in all of them, a custom threshold changing the path of the next request; every
 * refusal (bad rules, wrong role, another street's officer, unknown book or street) adopts nothing;
 * a street's books answer one by one, a book that refuses or fails leaving the others adopted.
 * The demo books are left with the defaults adopted last, as the other tests expect them.
 */
class RulesetsIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";
    private static final String STREET = "beishan";
    private static final List<String> DEMO_BOOKS = List.of("lanyuan-public", "guiyuan-public");

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private BookCache bookCache;

    @AfterEach
    void defaultsAdoptedLast() {
        for (String book : DEMO_BOOKS) {
            JsonNode rulesets = client.get("/api/books/" + book + "/rulesets").json();
            if (!"default".equals(rulesets.get(rulesets.size() - 1).get("ruleset").asText())) {
                Answer adopted = client.as("sun-hao").post("/api/books/" + book + "/rulesets/default", "", "en");
                assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
            }
        }
    }

    @Test
    void aTownsOwnThresholdChangesThePathOfTheNextRequest() {
        String id = "beishan-" + suffix();
        // the committee alone up to ¥5,000 (the default: up to ¥2,000)
        String rules = rules(r -> tier(r, 0).put("upTo", "5000.00"));
        Answer adopted = client.as("sun-hao").post(path("/rulesets/" + id), rules, "en");
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        assertThat(adopted.json().get("ruleset").asText()).isEqualTo(id);
        assertThat(adopted.json().get("version").asInt()).isEqualTo(1);
        assertThat(adopted.json().get("adoptedBy").asText()).isEqualTo("town:sun-hao");

        JsonNode raised = raise(BOOK, "lanyuan-member", "3200.00");
        assertThat(raised.get("ruleset").asText()).isEqualTo(id);
        assertThat(raised.get("rulesetVersion").asInt()).isEqualTo(1);
        assertThat(raised.get("path").toString()).isEqualTo("[\"COMMITTEE\"]");

        Answer again = client.as("sun-hao").post(path("/rulesets/" + id), rules(r -> r.put("reviewWorkingDays", 3)), "en");
        assertThat(again.json().get("version").asInt()).isEqualTo(2);
        JsonNode first = client.get(path("/rulesets/" + id + "/1")).json();
        assertThat(first.get("rules").get("tiers").get(0).get("upTo").asText()).isEqualTo("5000.00");
        assertThat(first.get("rules").get("reviewWorkingDays").asInt()).isEqualTo(5);
        assertThat(client.get(path("/rulesets/" + id + "/2")).json().get("rules").get("reviewWorkingDays").asInt())
                .isEqualTo(3);
        assertProblem(client.get(path("/rulesets/" + id + "/3")), 404, "ruleset.unknown", "ruleset");

        // the defaults again: the next request takes the default path, the earlier keeps its own
        Answer defaults = client.as("sun-hao").post(path("/rulesets/default"), "", "en");
        assertThat(defaults.status()).isEqualTo(201);
        long head = client.get(path("/head")).json().get("size").asLong();
        Answer twice = client.as("sun-hao").post(path("/rulesets/default"), "", "en");
        assertThat(twice.status()).as("the rules in force asked again: nothing adopted").isEqualTo(200);
        assertThat(twice.json().get("version").asInt()).isEqualTo(defaults.json().get("version").asInt());
        assertThat(client.get(path("/head")).json().get("size").asLong()).isEqualTo(head);
        assertThat(raise(BOOK, "lanyuan-member", "3200.00").get("path").toString())
                .isEqualTo("[\"COMMITTEE\",\"COMMUNITY\"]");
        JsonNode kept = client.get(path("/requests/" + raised.get("requestId").asText())).json().get("request");
        assertThat(kept.get("path").toString()).isEqualTo("[\"COMMITTEE\"]");
    }

    /** A refusal expected of a body posted to a path of the book. */
    private record Refused(String path, String body, String code, String field) {
    }

    @Test
    void rulesThatDoNotStandAreRefusedAndNothingIsAdopted() {
        LedgerClient officer = client.as("sun-hao");
        String id = "/rulesets/beishan-" + suffix();
        long size = size(BOOK);
        int rulesets = rulesets(BOOK);
        List<Refused> refusals = List.of(
                new Refused(id, rules(r -> tier(r, 1).put("upTo", "1000.00")), "ruleset.tiers.not-ascending",
                        "entry.payload.tiers[1].upTo"),
                new Refused(id, rules(r -> r.putArray("majorMatterSteps").add("COMMITTEE")),
                        "ruleset.major-matter.without-assembly", "entry.payload.majorMatterSteps"),
                new Refused(id, rules(r -> r.put("overrunPercent", 0)), "ruleset.overrun-percent.invalid",
                        "entry.payload.overrunPercent"),
                new Refused(id, rules(r -> ((ObjectNode) r.get("citations")).remove("tenderThreshold")),
                        "ruleset.citation.blank", "entry.payload.citations.tenderThreshold"),
                new Refused(id, rules(r -> r.put("tenderThreshold", "100000.001")), "amount.too-many-decimals",
                        "entry.payload.tenderThreshold"),
                new Refused(id, "{}", "entry.malformed", "entry.payload.tiers"),
                new Refused(id, rules(r -> r.put("version", 7)), "governance.ruleset.field.unknown", "version"),
                new Refused(id, "[]", "governance.body.invalid", ""),
                new Refused("/rulesets/-beishan", rules(r -> { }), "ruleset.id.invalid", "ruleset"),
                new Refused("/rulesets/" + "x".repeat(65), rules(r -> { }), "ruleset.id.invalid", "ruleset"),
                new Refused("/rulesets/default", rules(r -> { }), "governance.ruleset.default-reserved", ""));
        for (Refused refused : refusals) {
            assertProblem(officer.post(path(refused.path()), refused.body(), "en"), 422, refused.code(), refused.field());
        }
        assertThat(size(BOOK)).isEqualTo(size);
        assertThat(rulesets(BOOK)).isEqualTo(rulesets);
        assertProblem(client.get(path(id + "/1")), 404, "ruleset.unknown", "ruleset");
    }

    @Test
    void onlyTheTownOfficerOfTheBooksStreetAdopts() {
        String id = "beishan-" + suffix();
        String body = rules(r -> { });
        long size = size(BOOK);
        int rulesets = rulesets(BOOK);
        LedgerClient elsewhere = otherStreetsOfficer();
        assertProblem(elsewhere.post(path("/rulesets/" + id), body, "en"), 403, "access.scope", "");
        assertProblem(elsewhere.post(path("/rulesets/default"), "", "en"), 403, "access.scope", "");
        for (String person : List.of("zhao-min", "lanyuan-chair", "li-na", "lanyuan-owner", "admin")) {
            assertProblem(client.as(person).post(path("/rulesets/" + id), body, "en"), 403, "access.role", "");
        }
        assertProblem(client.post(path("/rulesets/" + id), body, "en"), 401, "auth.required", "");
        assertProblem(client.as("sun-hao").post("/api/books/no-such-book/rulesets/" + id, body, "en"), 404,
                "book.not-found", "book");
        assertProblem(client.get("/api/books/no-such-book/rulesets/" + id + "/1"), 404, "book.not-found", "book");
        assertThat(size(BOOK)).isEqualTo(size);
        assertThat(rulesets(BOOK)).isEqualTo(rulesets);
    }

    @Test
    void aStreetAdoptsInEachOfItsBooksAndEachBookAnswers() {
        TestBook unregistered = TestBook.open(client);
        long unregisteredSize = unregistered.size();
        // a book whose stored log was altered behind the service's back cannot be loaded: the event of its
        // voucher no longer reads as one
        TestBook broken = TestBook.open(client);
        broken.postVoucher(broken.parkingVoucher("100.00"));
        new Tamper(jdbc, broken.id).replaceInEntry(2, "{\"entry\":", "{\"word\":");
        readFromItsLog(broken);
        String id = "beishan-" + suffix();
        Answer adopted = client.as("sun-hao").post("/api/streets/" + STREET + "/rulesets/" + id,
                rules(r -> tier(r, 0).put("upTo", "5000.00")), "zh-CN");
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(200);
        Map<String, JsonNode> outcomes = new LinkedHashMap<>();
        adopted.json().get("books").forEach(b -> outcomes.put(b.get("book").asText(), b));
        assertThat(outcomes.keySet()).containsAll(DEMO_BOOKS).contains(unregistered.id, broken.id);
        for (String book : DEMO_BOOKS) {
            assertThat(outcomes.get(book).get("version").asInt()).as(book).isEqualTo(1);
            assertThat(outcomes.get(book).get("refused").isNull()).isTrue();
            assertThat(client.get("/api/books/" + book + "/rulesets/" + id + "/1").status()).isEqualTo(200);
        }
        // the town officer holds no key in a book opened without them: that book refuses, the others stand
        JsonNode refused = outcomes.get(unregistered.id).get("refused");
        assertThat(outcomes.get(unregistered.id).get("version").isNull()).isTrue();
        assertThat(refused.get("code").asText()).isEqualTo("entry.key.unknown");
        assertThat(refused.get("detail").asText()).isNotBlank().isNotEqualTo("entry.key.unknown");
        assertThat(unregistered.size()).isEqualTo(unregisteredSize);
        // nor does a book that fails otherwise stop the others
        assertThat(outcomes.get(broken.id).get("refused").get("code").asText()).isEqualTo("governance.ruleset.book-failed");

        assertThat(raise("guiyuan-public", "guiyuan-member", "4000.00").get("path").toString())
                .isEqualTo("[\"COMMITTEE\"]");
    }

    @Test
    void aStreetsRulesThatDoNotStandAreRefusedInEveryBookBeforeAnyIsWritten() {
        Map<String, Long> sizes = streetSizes();
        String id = "beishan-" + suffix();
        LedgerClient officer = client.as("sun-hao");
        String street = "/api/streets/" + STREET + "/rulesets/";
        assertProblem(officer.post(street + id, rules(r -> r.put("reviewWorkingDays", 61)), "en"), 422,
                "ruleset.review-working-days.invalid", "entry.payload.reviewWorkingDays");
        assertProblem(officer.post(street + id, rules(r -> tier(r, 2).put("upTo", "90000.00")), "en"), 422,
                "ruleset.tiers.last-bounded", "entry.payload.tiers[2].upTo");
        assertProblem(officer.post(street + id, rules(r -> r.put("note", "x")), "en"), 422,
                "governance.ruleset.field.unknown", "note");
        assertProblem(officer.post(street + "-" + id, rules(r -> { }), "en"), 422, "ruleset.id.invalid", "ruleset");
        assertProblem(officer.post(street + "default", rules(r -> { }), "en"), 422, "governance.ruleset.default-reserved",
                "ruleset");
        assertProblem(officer.post("/api/streets/no-such-street/rulesets/" + id, rules(r -> { }), "en"), 404,
                "street.not-found", "street");
        assertProblem(otherStreetsOfficer().post(street + id, rules(r -> { }), "en"), 403, "access.scope", "");
        assertProblem(client.as("zhao-min").post(street + id, rules(r -> { }), "en"), 403, "access.role", "");
        assertProblem(client.as("lanyuan-chair").post(street + id, rules(r -> { }), "en"), 403, "access.role", "");
        assertProblem(client.post(street + id, rules(r -> { }), "en"), 401, "auth.required", "");
        assertThat(streetSizes()).isEqualTo(sizes);
        for (String book : DEMO_BOOKS) {
            assertThat(client.get("/api/books/" + book + "/rulesets/" + id + "/1").status()).isEqualTo(404);
        }
    }

    /**
     * Drops the book from the node's cache of books (as a restart, or the cache's own eviction, would):
     * until then a command finds it there and never reads the altered log. The next command reads the
     * log and fails on the altered event.
     */
    private void readFromItsLog(TestBook book) {
        bookCache.evict(book.id);
        Answer probe = client.submit(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("1.00")));
        assertThat(probe.status()).as(probe.body()).isEqualTo(500);
    }

    /** The DOMAIN §4 defaults as a body: without id and version, changed by {@code change}. */
    private static String rules(Consumer<ObjectNode> change) {
        ObjectNode rules = SpendingRules.defaults();
        rules.remove("ruleset");
        rules.remove("version");
        change.accept(rules);
        return rules.toString();
    }

    private static ObjectNode tier(ObjectNode rules, int index) {
        return (ObjectNode) ((ArrayNode) rules.get("tiers")).get(index);
    }

    private JsonNode raise(String book, String requester, String amount) {
        Answer raised = client.as(requester).post("/api/books/" + book + "/requests", """
                {"amount":"%s","purpose":"更换单元门禁","account":"510101",
                 "payee":{"type":"COMPANY","name":"杭州安居维修有限公司"},"matter":"ORDINARY","works":false,
                 "quotes":[{"sha256":"%s","name":"报价单.pdf"}]}""".formatted(amount, "a".repeat(64)), "en");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json();
    }

    /** A town officer of 西山街道, created for the test by the administrator. */
    private LedgerClient otherStreetsOfficer() {
        String username = "xishan-" + suffix();
        Answer created = client.as("admin").post("/api/users", """
                {"username":"%s","displayName":"西山街道经办","password":"long-enough-1",
                 "grants":[{"role":"TOWN_OFFICER","scope":{"kind":"STREET","id":"xishan"}}]}""".formatted(username), "en");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return client.as(username, "long-enough-1");
    }

    private Map<String, Long> streetSizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        List<JsonNode> books = new ArrayList<>();
        client.get("/api/books").json().forEach(books::add);
        books.stream().filter(b -> STREET.equals(b.path("street").path("id").asText()))
                .forEach(b -> sizes.put(b.get("book").asText(), size(b.get("book").asText())));
        assertThat(sizes).containsKeys(DEMO_BOOKS.toArray(String[]::new));
        return sizes;
    }

    private long size(String book) {
        return client.get("/api/books/" + book + "/head").json().get("size").asLong();
    }

    private int rulesets(String book) {
        return client.get("/api/books/" + book + "/rulesets").json().size();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String path(String rest) {
        return "/api/books/" + BOOK + rest;
    }
}
