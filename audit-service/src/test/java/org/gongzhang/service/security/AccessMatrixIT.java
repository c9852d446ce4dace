package org.gongzhang.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;

/**
 * Every role against every state-changing endpoint that goes through {@link Access}, on 兰园小区's
 * book: who is let through, and that everyone else gets 401/403 with nothing written. People of
 * 桂苑小区 and an auditor of another community stand for "another compound's data".
 */
class AccessMatrixIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";
    private static final String ANONYMOUS = "(anonymous)";
    private static final List<String> PEOPLE = List.of(ANONYMOUS, "li-na", "chen-jie", "wang-qiang", "zhao-min",
            "sun-hao", "lanyuan-chair", "lanyuan-member", "lanyuan-owner", "guiyuan-chair", "guiyuan-owner", "admin",
            "elsewhere-auditor");

    /** One state-changing endpoint: how to call it as someone, and who may. */
    private record Endpoint(String name, BiFunction<LedgerClient, String, Answer> call, Set<String> allowed) {
    }

    private static final String[] COMMITTEE = {"lanyuan-chair", "lanyuan-member"};
    private static final String[] APPROVERS = {"lanyuan-chair", "lanyuan-member", "zhao-min"};
    private static final String[] PREPARERS = {"li-na", "chen-jie"};

    private static Endpoint governance(String path, String body, String... allowed) {
        return new Endpoint("POST " + path, (c, who) -> c.post("/api/books/" + BOOK + "/" + path, body, "en"),
                Set.of(allowed));
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST attachments", (c, who) -> c.postText("/api/books/" + BOOK + "/attachments",
                    "matrix " + who, "en"),
                    Set.of("li-na", "chen-jie", "wang-qiang", "zhao-min", "sun-hao", "lanyuan-chair", "lanyuan-member")),
            new Endpoint("POST checkpoints", (c, who) -> c.post("/api/books/" + BOOK + "/checkpoints", "", "en"),
                    Set.of("wang-qiang", "zhao-min", "sun-hao")),
            new Endpoint("POST members", (c, who) -> c.post("/api/books/" + BOOK + "/members",
                    "{\"username\":\"lanyuan-member\",\"role\":\"COMMITTEE_MEMBER\"}", "en"),
                    Set.of("zhao-min")),
            new Endpoint("POST users", (c, who) -> c.post("/api/users", "{\"username\":\"m-" + who.replace("(", "")
                    .replace(")", "") + "\",\"displayName\":\"矩阵\",\"password\":\"long-enough-1\","
                    + "\"grants\":[{\"role\":\"OWNER\",\"scope\":{\"kind\":\"COMPOUND\",\"id\":\"lanyuan\"}}]}", "en"),
                    Set.of("admin")),
            new Endpoint("PUT firms", (c, who) -> c.put("/api/firms/matrix-firm/compounds/lanyuan", "", "en"),
                    Set.of("admin")),
            new Endpoint("POST statements", (c, who) -> c.post("/api/books/" + BOOK + "/statements",
                    "{\"from\":\"2099-01\",\"to\":\"2099-03\"}", "en"), Set.of("li-na", "chen-jie")),
            new Endpoint("POST statements/sign", (c, who) -> c.post("/api/books/" + BOOK + "/statements/none/sign", "", "en"),
                    Set.of("zhao-min")),
            new Endpoint("POST statements/publish", (c, who) -> c.post("/api/books/" + BOOK + "/statements/none/publish",
                    "{}", "en"), Set.of("zhao-min", "wang-qiang")),
            new Endpoint("POST statements/withdraw", (c, who) -> c.post("/api/books/" + BOOK + "/statements/none/withdraw",
                    "{\"reason\":\"x\"}", "en"), Set.of("li-na", "chen-jie", "wang-qiang")),
            new Endpoint("POST objections", (c, who) -> c.post("/api/books/" + BOOK + "/statements/none/objections",
                    "{\"text\":\"x\"}", "en"), Set.of("lanyuan-owner")),
            new Endpoint("POST objections/accept", (c, who) -> c.post("/api/books/" + BOOK + "/objections/none/accept", "", "en"),
                    Set.of("li-na", "chen-jie", "wang-qiang", "lanyuan-chair", "lanyuan-member")),
            new Endpoint("POST objections/answer", (c, who) -> c.post("/api/books/" + BOOK + "/objections/none/answer",
                    "{\"answer\":\"x\"}", "en"), Set.of("li-na", "chen-jie", "wang-qiang", "lanyuan-chair", "lanyuan-member")),
            new Endpoint("POST objections/review", (c, who) -> c.post("/api/books/" + BOOK + "/objections/none/review",
                    "{\"outcome\":\"UPHELD\",\"note\":\"x\"}", "en"), Set.of("zhao-min")),
            new Endpoint("PUT disclosure-calendar", (c, who) -> c.put("/api/books/" + BOOK + "/disclosure-calendar",
                    "{\"cadence\":\"QUARTER\",\"graceDays\":30}", "en"), Set.of("zhao-min")),
            new Endpoint("POST imports", (c, who) -> c.postBytes("/api/books/" + BOOK + "/imports/vouchers",
                    new byte[] {1}, "text/csv", "en", "Reviewer-Authorization", "Bearer none"), Set.of("li-na", "chen-jie")),
            new Endpoint("POST imports/check", (c, who) -> c.postBytes("/api/books/" + BOOK + "/imports/vouchers/check",
                    new byte[] {1}, "text/csv", "en"), Set.of("li-na", "chen-jie")),
            // governance: an empty body or an unknown id, so that whoever is let through is refused by the book
            governance("rulesets/default", "", "sun-hao"),
            governance("requests", "{}", COMMITTEE),
            governance("requests/matrix-none/approve", "{}", APPROVERS),
            governance("requests/matrix-none/refuse", "{\"reason\":\"x\"}", APPROVERS),
            governance("requests/matrix-none/return", "{\"question\":\"x\"}", APPROVERS),
            governance("requests/matrix-none/cancel", "{\"reason\":\"x\"}", COMMITTEE),
            governance("requests/matrix-none/resubmit", "{}", COMMITTEE),
            governance("requests/matrix-none/increase", "{\"amount\":\"1.00\",\"reason\":\"x\"}", COMMITTEE),
            governance("requests/matrix-none/payments", "{\"amount\":\"1.00\"}", PREPARERS),
            governance("interests", "{}", new String[] {"li-na", "chen-jie", "wang-qiang", "zhao-min", "sun-hao",
                    "lanyuan-chair", "lanyuan-member"}),
            governance("decisions", "{}", "lanyuan-chair"),
            governance("tenders", "{}", "sun-hao"),
            governance("tenders/matrix-none/bids", "{}", "sun-hao"),
            governance("tenders/matrix-none/opening", "{}", "sun-hao"),
            governance("tenders/matrix-none/evaluation", "{}", "sun-hao"),
            governance("tenders/matrix-none/award", "{}", "sun-hao"),
            governance("tenders/matrix-none/award-notice", "{}", "sun-hao"),
            governance("tenders/matrix-none/contract", "{}", "lanyuan-chair"),
            governance("contracts/matrix-none/acceptance", "{}", "lanyuan-chair"),
            governance("contracts/matrix-none/final-account", "{}", "zhao-min"),
            governance("contracts/matrix-none/payments", "{\"amount\":\"1.00\"}", PREPARERS),
            // a town's own rule set in a book or a street (rules that do not stand, so nothing is adopted), and a
            // request's payee in full, which only the book's staff read (an unknown request: 404 once let through)
            governance("rulesets/matrix-none", "{}", "sun-hao"),
            new Endpoint("POST streets/rulesets", (c, who) -> c.post("/api/streets/beishan/rulesets/matrix-none", "{}",
                    "en"), Set.of("sun-hao")),
            new Endpoint("GET requests/payee", (c, who) -> c.get("/api/books/" + BOOK + "/requests/matrix-none/payee"),
                    Set.of("li-na", "chen-jie", "wang-qiang", "zhao-min", "sun-hao", "lanyuan-chair", "lanyuan-member")));

    @Test
    void nobodyOutsideTheRoleAndScopeGetsThroughAndTheyChangeNothing() {
        Map<String, LedgerClient> clients = clients();
        List<String> holes = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String person : PEOPLE) {
                long size = size();
                Answer answer = endpoint.call().apply(clients.get(person), person);
                boolean allowed = endpoint.allowed().contains(person);
                int status = answer.status();
                boolean accessRefusal = (status == 401 || status == 403) && accessCode(answer);
                if (allowed && accessRefusal) {
                    holes.add(endpoint.name() + " refused " + person + ": " + answer.body());
                } else if (!allowed) {
                    int expected = ANONYMOUS.equals(person) ? 401 : 403;
                    if (status != expected || !accessRefusal) {
                        holes.add(endpoint.name() + " let " + person + " through: " + status + " " + answer.body());
                    } else if (size() != size) {
                        holes.add(endpoint.name() + " refused " + person + " but the log grew");
                    } else if (!answer.contentType().startsWith("application/problem+json")) {
                        holes.add(endpoint.name() + " refused " + person + " without a problem: " + answer.contentType());
                    }
                }
            }
        }
        assertThat(holes).isEmpty();
    }

    @Test
    void aRefusalSaysWhetherTheRoleOrTheScopeIsMissing() {
        Map<String, LedgerClient> clients = clients();
        Answer wrongRole = clients.get("lanyuan-owner").post("/api/books/" + BOOK + "/checkpoints", "", "en");
        assertThat(wrongRole.json().get("code").asText()).isEqualTo("access.role");
        Answer wrongPlace = clients.get("elsewhere-auditor").post("/api/books/" + BOOK + "/checkpoints", "", "zh-CN");
        assertThat(wrongPlace.json().get("code").asText()).isEqualTo("access.scope");
        assertThat(wrongPlace.json().get("detail").asText()).isEqualTo("账套 lanyuan-public 不在你的管辖或服务范围内。");
    }

    /** A refusal for who the caller is (auth.*, access.*), as opposed to one by the ledger's own rules. */
    private static boolean accessCode(Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return false;
        }
        String code = answer.json().path("code").asText();
        // a bad second person's token is about the co-signer, not the caller
        return (code.startsWith("auth.") || code.startsWith("access.")) && !code.startsWith("auth.second-person");
    }

    private Map<String, LedgerClient> clients() {
        LedgerClient admin = client.as("admin");
        if (admin.get("/api/session").status() == 200) {
            admin.post("/api/users", """
                    {"username":"elsewhere-auditor","displayName":"外社区审核员","password":"long-enough-1",
                     "actor":"community:elsewhere","grants":[{"role":"COMMUNITY_AUDITOR","scope":{"kind":"COMMUNITY","id":"qinghe"}}]}""",
                    "en");
        }
        Map<String, LedgerClient> clients = new LinkedHashMap<>();
        for (String person : PEOPLE) {
            clients.put(person, switch (person) {
                case ANONYMOUS -> client;
                case "elsewhere-auditor" -> client.as(person, "long-enough-1");
                default -> client.as(person);
            });
        }
        return clients;
    }

    private long size() {
        return client.get("/api/books/" + BOOK + "/head").json().get("size").asLong();
    }
}
