package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;

/** 待办 across a person's books, the same on the workspace home and at GET /api/reviews. */
class ToDoIT extends ServiceIT {

    @Test
    void aRecordedVoucherWaitsForTheReviewerNotForItsPreparer() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        LedgerClient preparer = client.as("li-na");
        assertThat(preparer.post("/api/books/guiyuan-public/vouchers", """
                {"word":"记","date":"%s","lines":[
                 {"summary":"收快递柜场地费","account":"100201","debit":"300.00"},
                 {"summary":"收快递柜场地费","account":"470104","credit":"300.00"}]}""".formatted(today), "zh-CN")
                .status()).isEqualTo(201);
        waitForReports("guiyuan-public");
        List<JsonNode> reviewer = items(client.as("wang-qiang"), "voucher.review");
        assertThat(reviewer).anySatisfy(i -> {
            assertThat(i.get("book").asText()).isEqualTo("guiyuan-public");
            assertThat(i.get("compound").asText()).isEqualTo("桂苑小区");
            assertThat(i.get("count").asInt()).isPositive();
            assertThat(i.get("link").asText()).isEqualTo("/staff/books/guiyuan-public?status=RECORDED");
        });
        assertThat(items(preparer, "voucher.review")).isEmpty();
    }

    @Test
    void theCommunityAuditorsListHoldsThePendingRequestStepWithItsDueDateAsTheInboxDoes() {
        JsonNode answer = client.as("zhao-min").get("/api/reviews").json();
        assertThat(answer.get("toReview")).isNotEmpty();
        JsonNode step = answer.get("toReview").get(0);
        assertThat(items(client.as("zhao-min"), "request.step")).anySatisfy(i -> {
            assertThat(i.get("link").asText()).endsWith("/requests/" + step.get("requestId").asText());
            assertThat(i.get("dueBy").asText()).isEqualTo(step.get("dueBy").asText());
        });
    }

    @Test
    void onlyALoggedInPersonHasAList() {
        assertThat(client.as("wang-qiang").get("/api/reviews").status()).isEqualTo(200);
        assertThat(client.get("/api/reviews").status()).isEqualTo(401);
    }

    private static List<JsonNode> items(LedgerClient person, String kind) {
        List<JsonNode> found = new ArrayList<>();
        person.get("/api/reviews").json().get("todo").forEach(i -> {
            if (i.get("kind").asText().equals(kind)) {
                found.add(i);
            }
        });
        return found;
    }

    private void waitForReports(String book) {
        long last = client.get("/api/books/" + book + "/head").json().get("size").asLong() - 1;
        for (int i = 0; i < 100; i++) {
            JsonNode balance = client.get("/api/books/" + book + "/reports/trial-balance?from=2026-01&to=2026-01").json();
            if (balance.get("appliedIndex").asLong() >= last) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the reports did not catch up");
    }
}
