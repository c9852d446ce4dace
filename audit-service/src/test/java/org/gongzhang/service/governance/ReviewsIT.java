package org.gongzhang.service.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.service.governance.GovernanceIT.BOOK;
import static org.gongzhang.service.governance.GovernanceIT.path;
import static org.gongzhang.service.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.gongzhang.core.expenditure.WorkingDays;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.security.Users;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Review deadlines on the real service: each reviewer's inbox with the deadline of the step they may
 * take; a reminder raised once and only for the step still waiting; an escalation the book refuses
 * while the step is within its working days; and a request that waited two weeks, escalated by the
 * service's clerk on its own — the saga, db-scheduler's deadline in PostgreSQL and the signed entry.
 */
class ReviewsIT extends ServiceIT {

    @Autowired
    Reviews reviews;
    @Autowired
    CustodialSigner signer;
    @Autowired
    CustodialKeys keys;
    @Autowired
    Users users;
    @Autowired
    Clock clock;

    private LocalDate today;

    @BeforeEach
    void rules() {
        if (client.get(path("/rulesets")).json().isEmpty()) {
            Answer adopted = client.as("sun-hao").post(path("/rulesets/default"), "", "en");
            assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        }
        today = LocalDate.ofInstant(clock.instant(), Reviews.ZONE);
    }

    @Test
    void eachReviewerSeesTheStepsTheyMayTakeWithTheirDeadline() {
        String id = raise();
        int days = reviews.state(BOOK, id).orElseThrow().workingDays();

        JsonNode chairs = item(client.as("lanyuan-chair").get("/api/reviews"), "toReview", id).orElseThrow();
        assertThat(chairs.get("step").asText()).isEqualTo("COMMITTEE");
        assertThat(chairs.get("pendingSince").asText()).isEqualTo(today.toString());
        assertThat(chairs.get("dueBy").asText()).isEqualTo(WorkingDays.nth(today, days).toString());
        assertThat(chairs.get("overdue").asBoolean()).isFalse();
        assertThat(chairs.get("remindedAt").isNull()).isTrue();
        assertThat(chairs.get("compound").asText()).isEqualTo("兰园小区");
        assertThat(chairs.get("amount").asText()).isEqualTo("3200.00");

        // the requester does not review their own request; nor the auditor the committee's step
        assertThat(item(client.as("lanyuan-member").get("/api/reviews"), "toReview", id)).isEmpty();
        assertThat(item(client.as("zhao-min").get("/api/reviews"), "toReview", id)).isEmpty();
        assertThat(item(client.as("li-na").get("/api/reviews"), "toReview", id)).isEmpty();
        // nor a committee of another compound
        assertThat(item(client.as("guiyuan-chair").get("/api/reviews"), "toReview", id)).isEmpty();

        Answer approved = client.as("lanyuan-chair").post(path("/requests/" + id + "/approve"), "{}", "en");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(item(client.as("lanyuan-chair").get("/api/reviews"), "toReview", id)).isEmpty();
        JsonNode auditors = item(client.as("zhao-min").get("/api/reviews"), "toReview", id).orElseThrow();
        assertThat(auditors.get("step").asText()).isEqualTo("COMMUNITY");
    }

    @Test
    void theInboxIsForALoggedInPerson() {
        assertProblem(client.get("/api/reviews"), 401, "auth.required", "");
    }

    @Test
    void aReminderIsRaisedOnceAndOnlyForTheStepStillWaiting() {
        String id = raise();
        reviews.remind(BOOK, id, "COMMUNITY", today);
        reviews.remind(BOOK, id, "COMMITTEE", today.minusDays(1));
        assertThat(item(client.as("lanyuan-chair").get("/api/reviews"), "toReview", id).orElseThrow()
                .get("remindedAt").isNull()).isTrue();

        reviews.remind(BOOK, id, "COMMITTEE", today);
        String reminded = item(client.as("lanyuan-chair").get("/api/reviews"), "toReview", id).orElseThrow()
                .get("remindedAt").asText();
        assertThat(Instant.parse(reminded)).isBefore(clock.instant().plusSeconds(1));
        reviews.remind(BOOK, id, "COMMITTEE", today);
        assertThat(item(client.as("lanyuan-chair").get("/api/reviews"), "toReview", id).orElseThrow()
                .get("remindedAt").asText()).isEqualTo(reminded);
    }

    @Test
    void aStepWithinItsWorkingDaysIsNotEscalated() {
        String id = raise();
        long head = client.get(path("/head")).json().get("size").asLong();

        reviews.escalate(BOOK, id, "COMMITTEE", today);

        JsonNode detail = client.get(path("/requests/" + id)).json();
        assertThat(detail.get("request").get("escalatedTo").isNull()).isTrue();
        assertThat(detail.get("history").size()).isEqualTo(1);
        assertThat(client.get(path("/head")).json().get("size").asLong()).isEqualTo(head);
    }

    @Test
    void aStepThatWaitedPastItsWorkingDaysIsEscalatedByTheClerk() throws InterruptedException {
        // raised two weeks ago: the saga's escalation deadline is already past when it is set
        String id = UUID.randomUUID().toString();
        String member = users.find("lanyuan-member").orElseThrow().actor();
        signer.submit(keys.forActor(member, Role.COMMITTEE_MEMBER), BOOK, "request.raised", today.minusDays(14),
                GovernanceIT.raisedPayload(id, "2600.00", "修补地库坡道防滑条"));

        JsonNode request = awaitEscalated(id, Duration.ofSeconds(90));
        assertThat(request.get("escalatedTo").asText()).isEqualTo("COMMUNITY");
        assertThat(request.get("status").asText()).isEqualTo("PENDING");
        assertThat(request.get("pendingStep").asText()).isEqualTo("COMMITTEE");
        JsonNode history = client.get(path("/requests/" + id)).json().get("history");
        JsonNode escalation = history.get(history.size() - 1);
        assertThat(escalation.get("kind").asText()).isEqualTo("ESCALATED");
        assertThat(escalation.get("actor").asText()).isEqualTo("service:clerk");
        JsonNode entry = client.get(path("/entries/" + escalation.get("entryIndex").asLong())).json().get("entry");
        assertThat(entry.get("kind").asText()).isEqualTo("request.escalated");
        assertThat(entry.get("role").asText()).isEqualTo("SERVICE");
        assertThat(entry.get("payload").get("reason").asText()).isEqualTo("DEADLINE");

        // the community sees it escalated; the committee sees it overdue, reminded
        JsonNode escalated = item(client.as("zhao-min").get("/api/reviews"), "escalated", id).orElseThrow();
        assertThat(escalated.get("escalatedTo").asText()).isEqualTo("COMMUNITY");
        JsonNode chairs = item(client.as("lanyuan-chair").get("/api/reviews"), "toReview", id).orElseThrow();
        assertThat(chairs.get("overdue").asBoolean()).isTrue();
        assertThat(chairs.get("remindedAt").isNull()).isFalse();
        assertThat(item(client.as("sun-hao").get("/api/reviews"), "escalated", id)).isEmpty();

        // once is all: the clerk's second try is the book's refusal and changes nothing
        reviews.escalate(BOOK, id, "COMMITTEE", today.minusDays(14));
        assertThat(client.get(path("/requests/" + id)).json().get("history").size()).isEqualTo(history.size());

        // the committee still decides; the next step waits from today
        Answer approved = client.as("lanyuan-chair").post(path("/requests/" + id + "/approve"), "{}", "en");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("escalatedTo").isNull()).isTrue();
        // (today, or tomorrow when the test ran across midnight in Beijing)
        assertThat(approved.json().get("pendingSince").asText()).isIn(today.toString(),
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
    }

    private JsonNode awaitEscalated(String id, Duration patience) throws InterruptedException {
        Instant until = Instant.now().plus(patience);
        while (true) {
            Answer answer = client.get(path("/requests/" + id));
            if (answer.status() == 200 && !answer.json().get("request").get("escalatedTo").isNull()) {
                return answer.json().get("request");
            }
            assertThat(Instant.now()).as("request %s not escalated within %s", id, patience).isBefore(until);
            Thread.sleep(250);
        }
    }

    private String raise() {
        Answer raised = client.as("lanyuan-member").post(path("/requests"), """
                {"amount":"3200.00","purpose":"更换5号楼信报箱","account":"510101",
                 "payee":{"type":"COMPANY","name":"杭州安居维修有限公司"},"matter":"ORDINARY","works":false,
                 "quotes":[]}""", "en");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json().get("requestId").asText();
    }

    private static Optional<JsonNode> item(Answer inbox, String list, String requestId) {
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        return StreamSupport.stream(inbox.json().get(list).spliterator(), false)
                .filter(i -> i.get("requestId").asText().equals(requestId)).findFirst();
    }
}
