package org.gongzhang.service.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.service.governance.GovernanceIT.path;
import static org.gongzhang.service.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Supplier;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;

/**
 * The paths a request takes through the API on 兰园小区's book, under the default rule set the demo
 * adopted: the owners' assembly step and its §278 decision, increases below and at the overrun
 * limit, return and resubmission, cancellation, and a tender serving an approved request. Every
 * refusal answers its status and code and leaves the request exactly as it was (its detail, history
 * and payments included). The book is shared with the other integration tests: every request is
 * fresh, and nothing depends on counts.
 */
class RequestPathsIT extends ServiceIT {

    private static final String QUOTE = "a".repeat(64);

    // (a) the owners' assembly step (业主大会决定, 民法典 §278)

    @Test
    void theAssemblyStepStandsOnlyOnAPassedDecisionAboutTheRequest() {
        String id = raise(member(), "60000.00", false);
        JsonNode raised = request(id);
        assertThat(raised.at("/request/path").toString()).isEqualTo("[\"ASSEMBLY\",\"COMMUNITY\"]");
        assertThat(raised.at("/request/pendingStep").asText()).isEqualTo("ASSEMBLY");
        LedgerClient chair = chair();

        refusedUnchanged(id, () -> chair.post(path("/requests/" + id + "/approve"), "{}", "en"), 422,
                "request.decision.required", "entry.payload.decisionId");
        String failed = decide(id, false);
        refusedUnchanged(id, () -> chair.post(path("/requests/" + id + "/approve"), decision(failed), "en"), 409,
                "request.decision.not-passed", "entry.payload.decisionId");
        String aboutAnother = decide(raise(member(), "55000.00", false), true);
        refusedUnchanged(id, () -> chair.post(path("/requests/" + id + "/approve"), decision(aboutAnother), "en"), 409,
                "request.decision.other-request", "entry.payload.decisionId");

        String passed = decide(id, true);
        JsonNode assembly = ok(chair.post(path("/requests/" + id + "/approve"), decision(passed), "en"));
        assertThat(assembly.get("status").asText()).isEqualTo("PENDING");
        assertThat(assembly.get("pendingStep").asText()).isEqualTo("COMMUNITY");
        JsonNode approved = ok(auditor().post(path("/requests/" + id + "/approve"), "{}", "en"));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedAmount").asText()).isEqualTo("60000.00");
        assertThat(request(id).at("/history/1/step").asText()).isEqualTo("ASSEMBLY");
        assertThat(request(id).at("/history/1/note").asText()).isEqualTo(passed);
    }

    @Test
    void theAssemblyRefusesOnTheFailedDecisionOnly() {
        String id = raise(member(), "80000.00", false);
        String passed = decide(id, true);
        refusedUnchanged(id, () -> chair().post(path("/requests/" + id + "/refuse"), refusal(passed), "en"), 409,
                "request.decision.passed", "entry.payload.decisionId");
        String failed = decide(id, false);
        JsonNode refused = ok(chair().post(path("/requests/" + id + "/refuse"), refusal(failed), "en"));
        assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("pendingStep").isNull()).isTrue();
        assertThat(refused.get("approvedAmount").asText()).isEqualTo("0.00");
    }

    // (b) 超支追加 (杭州 §72): below the overrun percentage the committee alone, from it on the whole path

    @Test
    void anIncreaseBelowTenPercentGoesToTheCommitteeOnly() {
        String id = approved("5000.00");
        JsonNode increased = ok(member().post(path("/requests/" + id + "/increase"), increase("5499.99"), "en"));
        assertThat(increased.get("status").asText()).isEqualTo("PENDING");
        assertThat(increased.get("path").toString()).isEqualTo("[\"COMMITTEE\"]");
        assertThat(increased.get("approvedAmount").asText()).isEqualTo("5000.00");
        JsonNode approved = ok(chair().post(path("/requests/" + id + "/approve"), "{}", "en"));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedAmount").asText()).isEqualTo("5499.99");
    }

    @Test
    void anIncreaseOfTenPercentTakesTheWholePathAgain() {
        String id = approved("5000.00");
        JsonNode increased = ok(member().post(path("/requests/" + id + "/increase"), increase("5500.00"), "en"));
        assertThat(increased.get("path").toString()).isEqualTo("[\"COMMITTEE\",\"COMMUNITY\"]");
        JsonNode committee = ok(chair().post(path("/requests/" + id + "/approve"), "{}", "en"));
        assertThat(committee.get("status").asText()).isEqualTo("PENDING");
        assertThat(committee.get("pendingStep").asText()).isEqualTo("COMMUNITY");
        assertThat(committee.get("approvedAmount").asText()).isEqualTo("5000.00");
        JsonNode approved = ok(auditor().post(path("/requests/" + id + "/approve"), "{}", "en"));
        assertThat(approved.get("approvedAmount").asText()).isEqualTo("5500.00");
    }

    @Test
    void aRefusedIncreaseLeavesTheEarlierApprovalPayable() {
        String id = approved("5000.00");
        ok(preparer().post(path("/requests/" + id + "/payments"), amount("1000.00"), "en"));
        ok(member().post(path("/requests/" + id + "/increase"), increase("5400.00"), "en"));
        JsonNode refused = ok(chair().post(path("/requests/" + id + "/refuse"), refusal(null), "en"));
        assertThat(refused.get("status").asText()).isEqualTo("APPROVED");
        assertThat(refused.get("amount").asText()).isEqualTo("5000.00");
        assertThat(refused.get("approvedAmount").asText()).isEqualTo("5000.00");

        Answer rest = preparer().post(path("/requests/" + id + "/payments"), amount("4000.00"), "en");
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        refusedUnchanged(id, () -> preparer().post(path("/requests/" + id + "/payments"), amount("0.01"), "en"), 409,
                "payment.exceeds-approved", "entry.payload.lines");
        assertThat(request(id).at("/request/paid").asText()).isEqualTo("5000.00");
    }

    @Test
    void anIncreaseNeedsAnApprovedRequest() {
        String id = raise(member(), "3000.00", false);
        refusedUnchanged(id, () -> member().post(path("/requests/" + id + "/increase"), increase("3100.00"), "en"), 409,
                "request.not-approved", "entry.payload.requestId");
    }

    // (c) 退回补充 and resubmission

    @Test
    void aReturnedRequestIsResubmittedAndStartsItsPathAgain() {
        String id = raise(member(), "3000.00", false);
        ok(chair().post(path("/requests/" + id + "/approve"), "{}", "en"));
        JsonNode returned = ok(auditor().post(path("/requests/" + id + "/return"),
                "{\"question\":\"请补充第二家单位的报价。\"}", "en"));
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("pendingStep").isNull()).isTrue();

        refusedUnchanged(id, () -> chair().post(path("/requests/" + id + "/resubmit"), resubmission("2800.00"), "en"), 403,
                "request.not-requester", "entry.actor");
        JsonNode resubmitted = ok(member().post(path("/requests/" + id + "/resubmit"), resubmission("2800.00"), "en"));
        assertThat(resubmitted.get("status").asText()).isEqualTo("PENDING");
        assertThat(resubmitted.get("pendingStep").asText()).isEqualTo("COMMITTEE");
        assertThat(resubmitted.get("amount").asText()).isEqualTo("2800.00");
        assertThat(resubmitted.get("purpose").asText()).isEqualTo("更换3号楼单元门禁（两家报价，取低价）");

        refusedUnchanged(id, () -> member().post(path("/requests/" + id + "/resubmit"), resubmission("2700.00"), "en"), 409,
                "request.not-returned", "entry.payload.requestId");
        ok(chair().post(path("/requests/" + id + "/approve"), "{}", "en"));
        JsonNode approved = ok(auditor().post(path("/requests/" + id + "/approve"), "{}", "en"));
        assertThat(approved.get("approvedAmount").asText()).isEqualTo("2800.00");
    }

    @Test
    void aResubmissionAboveTheTierTakesTheHigherPath() {
        String id = raise(member(), "3000.00", false);
        ok(chair().post(path("/requests/" + id + "/return"), "{\"question\":\"是否需一并维修4号楼？\"}", "en"));
        JsonNode resubmitted = ok(member().post(path("/requests/" + id + "/resubmit"), resubmission("52000.00"), "en"));
        assertThat(resubmitted.get("path").toString()).isEqualTo("[\"ASSEMBLY\",\"COMMUNITY\"]");
        assertThat(resubmitted.get("pendingStep").asText()).isEqualTo("ASSEMBLY");
    }

    @Test
    void aRequestNeverReturnedCannotBeResubmitted() {
        String id = raise(member(), "3000.00", false);
        refusedUnchanged(id, () -> member().post(path("/requests/" + id + "/resubmit"), resubmission("2800.00"), "en"), 409,
                "request.not-returned", "entry.payload.requestId");
    }

    // (d) 撤销

    @Test
    void theRequesterCancels() {
        String id = raise(member(), "1200.00", false);
        JsonNode cancelled = ok(member().post(path("/requests/" + id + "/cancel"), reason(), "en"));
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        refusedUnchanged(id, () -> chair().post(path("/requests/" + id + "/approve"), "{}", "en"), 409, "request.not-pending",
                "requestId");
    }

    @Test
    void theChairCancelsAnotherMembersRequest() {
        String id = approved("2400.00");
        JsonNode cancelled = ok(chair().post(path("/requests/" + id + "/cancel"), reason(), "en"));
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        refusedUnchanged(id, () -> preparer().post(path("/requests/" + id + "/payments"), amount("100.00"), "en"), 409,
                "payment.request.not-approved", "entry.payload.payment.request");
    }

    @Test
    void aRequestPaidAgainstIsNotCancelled() {
        String id = approved("2600.00");
        ok(preparer().post(path("/requests/" + id + "/payments"), amount("500.00"), "en"));
        refusedUnchanged(id, () -> member().post(path("/requests/" + id + "/cancel"), reason(), "en"), 409,
                "request.cancel.paid", "entry.payload.requestId");
        refusedUnchanged(id, () -> chair().post(path("/requests/" + id + "/cancel"), reason(), "en"), 409,
                "request.cancel.paid", "entry.payload.requestId");
    }

    @Test
    void aCommitteeMemberWhoIsNeitherRequesterNorChairCannotCancel() {
        String id = raise(chair(), "1500.00", false);
        refusedUnchanged(id, () -> member().post(path("/requests/" + id + "/cancel"), reason(), "en"), 403,
                "request.not-requester", "entry.actor");
    }

    // (e) a tender serves an approved request (业标镇管)

    @Test
    void aTenderServesAnApprovedRequestWithinItsApproval() {
        String id = raise(member(), "120000.00", true);
        JsonNode pending = request(id);
        assertThat(pending.at("/request/tenderRequired").asBoolean()).isTrue();
        String early = tenderId();
        refusedUnchanged(id, () -> officer().post(path("/tenders"), tender(early, id, "120000.00", true), "en"), 409,
                "tender.request.not-approved", "entry.payload.requestId");
        assertNoTender(early);

        ok(chair().post(path("/requests/" + id + "/approve"), decision(decide(id, true)), "en"));
        assertThat(ok(auditor().post(path("/requests/" + id + "/approve"), "{}", "en")).get("status").asText())
                .isEqualTo("APPROVED");

        String above = tenderId();
        refusedUnchanged(id, () -> officer().post(path("/tenders"), tender(above, id, "120000.01", true), "en"), 409,
                "tender.budget.above-approved", "entry.payload.budget");
        assertNoTender(above);
        String services = tenderId();
        refusedUnchanged(id, () -> officer().post(path("/tenders"), tender(services, id, "120000.00", false), "en"), 422,
                "tender.works.required", "entry.payload.works");
        assertNoTender(services);

        String tenderId = tenderId();
        Answer published = officer().post(path("/tenders"), tender(tenderId, id, "120000.00", true), "en");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().at("/tender/requestId").asText()).isEqualTo(id);
        assertThat(published.json().at("/tender/stage").asText()).isEqualTo("PUBLISHED");

        String second = tenderId();
        refusedUnchanged(id, () -> officer().post(path("/tenders"), tender(second, id, "100000.00", true), "en"), 409,
                "tender.request.duplicate", "entry.payload.requestId");
        assertNoTender(second);
        refusedUnchanged(id, () -> preparer().post(path("/requests/" + id + "/payments"), amount("100.00"), "en"), 409,
                "request.tender-required", "entry.payload.payment.request");
    }

    @Test
    void aTenderForAnUnknownRequestIsRefused() {
        String tenderId = tenderId();
        assertProblem(officer().post(path("/tenders"), tender(tenderId, "no-such-request", "1000.00", false), "en"), 404,
                "request.unknown", "entry.payload.requestId");
        assertNoTender(tenderId);
    }

    @Test
    void aRequestTenderedBelowTheThresholdIsPaidOnlyAgainstItsContract() {
        String id = approved("9000.00");
        Answer published = officer().post(path("/tenders"), tender(tenderId(), id, "9000.00", false), "en");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        refusedUnchanged(id, () -> preparer().post(path("/requests/" + id + "/payments"), amount("100.00"), "en"), 409,
                "payment.request.tendered", "entry.payload.payment.request");
    }

    // ---- helpers

    /** The change is refused with this status and code, and leaves the request's detail exactly as it was. */
    private void refusedUnchanged(String requestId, Supplier<Answer> change, int status, String code, String field) {
        String before = request(requestId).toString();
        assertProblem(change.get(), status, code, field);
        assertThat(request(requestId).toString()).as("request unchanged").isEqualTo(before);
    }

    /** The request's detail: the request, its history of steps and its payments. */
    private JsonNode request(String requestId) {
        Answer answer = client.get(path("/requests/" + requestId));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** A change that succeeded (200 or 201): its answer. */
    private static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
        return answer.json();
    }

    private String raise(LedgerClient requester, String amount, boolean works) {
        Answer raised = requester.post(path("/requests"), """
                {"amount":"%s","purpose":"更换3号楼单元门禁","account":"510101",
                 "payee":{"type":"COMPANY","name":"杭州安居维修有限公司"},"matter":"ORDINARY","works":%s,
                 "quotes":[{"sha256":"%s","name":"报价单.pdf"}]}""".formatted(amount, works, QUOTE), "en");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json().get("requestId").asText();
    }

    /** Raised by the committee member, approved by the chair and the community auditor: above ¥2,000, up to ¥50,000. */
    private String approved(String amount) {
        String id = raise(member(), amount, false);
        ok(chair().post(path("/requests/" + id + "/approve"), "{}", "en"));
        JsonNode approved = ok(auditor().post(path("/requests/" + id + "/approve"), "{}", "en"));
        assertThat(approved.get("status").asText()).as(approved.toString()).isEqualTo("APPROVED");
        return id;
    }

    /**
     * The chair records an ordinary joint decision about {@code requestId}: 240 of 300 owners (24,000
     * of 30,000 m²) take part, 200 (20,000 m²) vote for it when it passes, 100 (10,000 m²) when not.
     */
    private String decide(String requestId, boolean passes) {
        String decisionId = "d-" + UUID.randomUUID().toString().substring(0, 8);
        int inFavour = passes ? 200 : 100;
        Answer recorded = chair().post(path("/decisions"), """
                {"decisionId":"%s","matter":"ORDINARY","subject":"更换3号楼单元门禁","requestId":"%s",
                 "roll":{"owners":300,"area":"30000.00"},"participating":{"owners":240,"area":"24000.00"},
                 "for":{"owners":%d,"area":"%d.00"},"against":{"owners":%d,"area":"%d.00"},
                 "abstain":{"owners":0,"area":"0.00"},"rollSha256":"%s","result":"%s"}"""
                .formatted(decisionId, requestId, inFavour, inFavour * 100, 240 - inFavour, (240 - inFavour) * 100,
                        "c".repeat(64), passes ? "PASSED" : "FAILED"), "en");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("result").asText()).isEqualTo(passes ? "PASSED" : "FAILED");
        return decisionId;
    }

    /** A tender notice posted today, bids opened a week later. */
    private static String tender(String tenderId, String requestId, String budget, boolean works) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return """
                {"tenderId":"%s","requestId":"%s","title":"兰园小区门禁及外墙修缮","description":"3号楼","budget":"%s",
                 "works":%s,"noticeFrom":"%s","noticeUntil":"%s","bidOpening":"%s",
                 "documents":[{"sha256":"%s","name":"招标文件.pdf"}]}"""
                .formatted(tenderId, requestId, budget, works, today, today.plusDays(5), today.plusDays(7),
                        "d".repeat(64));
    }

    private void assertNoTender(String tenderId) {
        assertProblem(client.get(path("/tenders/" + tenderId)), 404, "tender.unknown", "tenderId");
    }

    private static String tenderId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String decision(String decisionId) {
        return "{\"decisionId\":\"" + decisionId + "\"}";
    }

    private static String refusal(String decisionId) {
        return decisionId == null ? "{\"reason\":\"业主意见不一，暂不追加。\"}"
                : "{\"reason\":\"业主大会表决未通过。\",\"decisionId\":\"" + decisionId + "\"}";
    }

    private static String increase(String amount) {
        return "{\"amount\":\"" + amount + "\",\"reason\":\"增加两处门禁\"}";
    }

    private static String resubmission(String amount) {
        return """
                {"amount":"%s","purpose":"更换3号楼单元门禁（两家报价，取低价）",
                 "quotes":[{"sha256":"%s","name":"报价单.pdf"},{"sha256":"%s","name":"第二份报价单.pdf"}]}"""
                .formatted(amount, QUOTE, "b".repeat(64));
    }

    private static String reason() {
        return "{\"reason\":\"业主自行修复\"}";
    }

    private static String amount(String amount) {
        return "{\"amount\":\"" + amount + "\"}";
    }

    private LedgerClient member() {
        return client.as("lanyuan-member");
    }

    private LedgerClient chair() {
        return client.as("lanyuan-chair");
    }

    private LedgerClient auditor() {
        return client.as("zhao-min");
    }

    private LedgerClient preparer() {
        return client.as("li-na");
    }

    private LedgerClient officer() {
        return client.as("sun-hao");
    }
}
