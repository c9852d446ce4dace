package org.gongzhang.service.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.service.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.security.Users;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Expenditure requests end to end through the API on 兰园小区's book: raised by the committee,
 * approved by the committee and the community, paid by the agent's voucher that links to the
 * request; the separation-of-duties refusals; two payments racing for one approval on the real
 * PostgreSQL; role and scope refusals; a private payee never shown.
 */
class GovernanceIT extends ServiceIT {

    static final String BOOK = "lanyuan-public";
    static final String QUOTE = "a".repeat(64);

    @BeforeEach
    void rules() {
        if (client.get(path("/rulesets")).json().isEmpty()) {
            Answer adopted = client.as("sun-hao").post(path("/rulesets/default"), "", "en");
            assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        }
    }

    @Test
    void aRequestIsApprovedByTheCommitteeAndTheCommunityAndPaid() {
        JsonNode raised = raise(client.as("lanyuan-member"), "3200.00", "杭州安居维修有限公司");
        String id = raised.get("requestId").asText();
        assertThat(raised.get("status").asText()).isEqualTo("PENDING");
        assertThat(raised.get("pendingStep").asText()).isEqualTo("COMMITTEE");
        assertThat(raised.get("path").toString()).isEqualTo("[\"COMMITTEE\",\"COMMUNITY\"]");
        assertThat(raised.get("ruleset").asText()).isEqualTo("default");

        // paying before approval is the book's refusal
        assertProblem(client.as("li-na").post(path("/requests/" + id + "/payments"), "{\"amount\":\"100.00\"}", "en"),
                409, "payment.request.not-approved", "entry.payload.payment.request");

        JsonNode committee = client.as("lanyuan-chair").post(path("/requests/" + id + "/approve"), "{}", "en").json();
        assertThat(committee.get("pendingStep").asText()).isEqualTo("COMMUNITY");
        JsonNode approved = client.as("zhao-min").post(path("/requests/" + id + "/approve"), "{}", "en").json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedAmount").asText()).isEqualTo("3200.00");

        Answer paid = client.as("li-na").post(path("/requests/" + id + "/payments"), "{\"amount\":\"3000.00\"}", "en");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        String voucherId = paid.json().get("voucherId").asText();
        JsonNode entry = client.get(path("/entries/" + paid.json().get("entryIndex").asLong())).json().get("entry");
        assertThat(entry.get("kind").asText()).isEqualTo("voucher.recorded");
        assertThat(entry.get("payload").get("payment").get("request").asText()).isEqualTo(id);
        assertThat(entry.get("payload").get("lines").get(0).get("account").asText()).isEqualTo("510101");
        assertThat(entry.get("payload").get("lines").get(1).get("account").asText()).isEqualTo("100201");

        JsonNode detail = client.get(path("/requests/" + id)).json();
        assertThat(detail.get("request").get("paid").asText()).isEqualTo("3000.00");
        assertThat(detail.get("payments").get(0).get("voucherId").asText()).isEqualTo(voucherId);
        assertThat(detail.get("history").size()).isEqualTo(3);
        assertProblem(client.as("li-na").post(path("/requests/" + id + "/payments"), "{\"amount\":\"200.01\"}", "en"),
                409, "payment.exceeds-approved", "entry.payload.lines");
    }

    @Test
    void aPrivatePayeeIsNeverShown() {
        Answer raised = client.as("lanyuan-member").post(path("/requests"), """
                {"amount":"800.00","purpose":"保洁临时工工资","account":"510102",
                 "payee":{"type":"PERSON","name":"陈小明"},"quotes":[]}""", "en");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String id = raised.json().get("requestId").asText();
        assertThat(raised.json().get("payee").asText()).isEqualTo("个人（不公开）");
        JsonNode entry = client.get(path("/entries/" + raised.json().get("raisedIndex").asLong())).json().get("entry");
        assertThat(entry.toString()).doesNotContain("陈小明");
        assertThat(entry.get("payload").get("payee").get("commitment").asText()).matches("[0-9a-f]{64}");
        assertThat(client.get(path("/requests/" + id)).body()).doesNotContain("陈小明");
        assertThat(client.get(path("/requests")).body()).doesNotContain("陈小明");
    }

    @Test
    void separationOfDutiesIsTheBooksRefusal() {
        // the requester cannot approve their own request
        LedgerClient chair = client.as("lanyuan-chair");
        String own = raise(chair, "1500.00", "杭州绿城园林有限公司").get("requestId").asText();
        Answer self = chair.post(path("/requests/" + own + "/approve"), "{}", "en");
        assertThat(self.status()).as(self.body()).isEqualTo(403);
        assertThat(self.json().get("code").asText()).isEqualTo("request.approver.is-requester");

        // nor can one who declared an interest in the payee
        String company = "杭州亲友装饰有限公司-" + UUID.randomUUID().toString().substring(0, 8);
        Answer declared = client.as("lanyuan-member").post(path("/interests"),
                "{\"payee\":{\"type\":\"COMPANY\",\"name\":\"" + company + "\"},\"relation\":\"配偶经营\"}", "en");
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        String interested = raise(chair, "1800.00", company).get("requestId").asText();
        Answer approve = client.as("lanyuan-member").post(path("/requests/" + interested + "/approve"), "{}", "zh-CN");
        assertThat(approve.status()).as(approve.body()).isEqualTo(403);
        assertThat(approve.json().get("code").asText()).isEqualTo("request.approver.interested");

        // the community auditor cannot take the committee's step
        Answer wrongStep = client.as("zhao-min").post(path("/requests/" + interested + "/approve"), "{}", "en");
        assertThat(wrongStep.status()).as(wrongStep.body()).isEqualTo(403);
        assertThat(wrongStep.json().get("code").asText()).isEqualTo("request.step.role");
        assertThat(client.get(path("/requests/" + interested)).json().get("request").get("status").asText())
                .isEqualTo("PENDING");
    }

    @Test
    void twoPaymentsRacingForOneApprovalCannotBothPass() throws Exception {
        String id = approved("5000.00");
        LedgerClient preparer = client.as("li-na");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return preparer.post(path("/requests/" + id + "/payments"), "{\"amount\":\"3000.00\"}", "en");
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            Answer refused = answers.get(0).get().status() == 409 ? answers.get(0).get() : answers.get(1).get();
            assertThat(refused.json().get("code").asText()).isEqualTo("payment.exceeds-approved");
        } finally {
            pool.shutdownNow();
        }
        JsonNode detail = client.get(path("/requests/" + id)).json();
        assertThat(detail.get("request").get("paid").asText()).isEqualTo("3000.00");
        assertThat(detail.get("payments").size()).isEqualTo(1);
    }

    @Test
    void anotherCompoundsChairAndAnOwnerAreRefused() {
        String id = raise(client.as("lanyuan-member"), "900.00", "杭州安居维修有限公司").get("requestId").asText();
        String body = "{\"amount\":\"100.00\",\"purpose\":\"x\",\"account\":\"510101\","
                + "\"payee\":{\"type\":\"COMPANY\",\"name\":\"某公司\"}}";
        assertProblem(client.as("guiyuan-chair").post(path("/requests"), body, "en"), 403, "access.scope", "");
        assertProblem(client.as("guiyuan-chair").post(path("/requests/" + id + "/approve"), "{}", "en"), 403,
                "access.scope", "");
        assertProblem(client.as("lanyuan-owner").post(path("/requests"), body, "en"), 403, "access.role", "");
        assertProblem(client.as("lanyuan-owner").post(path("/requests/" + id + "/approve"), "{}", "en"), 403,
                "access.role", "");
        assertProblem(client.as("lanyuan-chair").post(path("/requests/" + id + "/payments"), "{\"amount\":\"1.00\"}",
                "en"), 403, "access.role", "");
        assertProblem(client.as("lanyuan-chair").post(path("/rulesets/default"), "", "en"), 403, "access.role", "");
        assertProblem(client.post(path("/requests"), body, "en"), 401, "auth.required", "");
        assertProblem(client.get(path("/requests/no-such")), 404, "request.unknown", "requestId");
    }

    @Test
    void theDemoHasAPaidARefusedAndAPendingRequestAndAContractedTender() {
        JsonNode requests = client.get(path("/requests")).json();
        List<String> seen = new ArrayList<>();
        requests.forEach(r -> seen.add(r.get("status").asText() + " " + r.get("paid").asText() + " " + r.get("purpose").asText()));
        assertThat(seen).contains("APPROVED 12800.00 更换3号楼单元门禁及读卡器", "REFUSED 0.00 小区入口更换时令绿植",
                "PENDING 0.00 2号楼楼道声控灯具更换");
        assertThat(client.get(path("/tenders/t-lanyuan-waiqiang")).json().get("tender").get("stage").asText())
                .isEqualTo("CONTRACTED");
        assertThat(client.get("/api/books/guiyuan-public/rulesets").json().get(0).get("ruleset").asText())
                .isEqualTo("default");
    }

    private String approved(String amount) {
        String id = raise(client.as("lanyuan-member"), amount, "杭州安居维修有限公司").get("requestId").asText();
        client.as("lanyuan-chair").post(path("/requests/" + id + "/approve"), "{}", "en");
        JsonNode approved = client.as("zhao-min").post(path("/requests/" + id + "/approve"), "{}", "en").json();
        assertThat(approved.get("status").asText()).as(approved.toString()).isEqualTo("APPROVED");
        return id;
    }

    private JsonNode raise(LedgerClient requester, String amount, String company) {
        Answer raised = requester.post(path("/requests"), """
                {"amount":"%s","purpose":"更换3号楼单元门禁","account":"510101",
                 "payee":{"type":"COMPANY","name":"%s"},"matter":"ORDINARY","works":false,
                 "quotes":[{"sha256":"%s","name":"报价单.pdf"}]}""".formatted(amount, company, QUOTE), "en");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json();
    }

    @Autowired
    CustodialSigner signer;
    @Autowired
    CustodialKeys keys;
    @Autowired
    Users users;

    @Test
    void anIdAsLongAsTheBookAllowsIsIndexed() {
        // PayloadReader.ID: up to 128 characters; the index columns hold as much
        String id = "r" + UUID.randomUUID().toString().replace("-", "") + "x".repeat(95);
        assertThat(id).hasSize(128);
        signer.submit(keys.forActor(users.find("lanyuan-member").orElseThrow().actor(),
                Role.COMMITTEE_MEMBER), BOOK, "request.raised", signer.today(), raisedPayload(id, "900.00", "更换信报箱锁芯"));
        Answer request = client.get(path("/requests/" + id));
        assertThat(request.status()).as(request.body()).isEqualTo(200);
        assertThat(request.json().get("request").get("status").asText()).isEqualTo("PENDING");
    }

    /** A {@code request.raised} payload as a client signs it: an ordinary repair by a company, no files. */
    static ObjectNode raisedPayload(String requestId, String amount, String purpose) {
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("requestId", requestId).put("amount", amount)
                .put("purpose", purpose).put("account", "510101");
        payload.putObject("payee").put("type", "COMPANY").put("name", "杭州安居维修有限公司");
        payload.put("matter", "ORDINARY").put("works", false);
        payload.putArray("quotes");
        payload.putArray("documents");
        return payload;
    }

    static String path(String rest) {
        return "/api/books/" + BOOK + rest;
    }
}
