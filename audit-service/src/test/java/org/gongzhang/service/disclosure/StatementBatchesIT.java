package org.gongzhang.service.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.service.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.util.stream.StreamSupport;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.junit.jupiter.api.Test;

/** One job drafts the statements of every compound of the street; one compound failing does not stop the others. */
class StatementBatchesIT extends ServiceIT {

    @Test
    void theStreetsCompoundsAreDraftedAndAFailingOneIsReportedWithItsReason() throws Exception {
        TestBook stranger = TestBook.open(client);
        String compound = client.get("/api/books/" + stranger.id).json().get("compound").get("id").asText();
        assertThat(client.as("admin").put("/api/firms/hengxin/compounds/" + compound, "", "en").status()).isEqualTo(204);

        YearMonth published = YearMonth.parse(client.get("/api/books/lanyuan-public/statements").json().get(0).get("from").asText());
        String from = published.minusMonths(6).toString();
        String to = published.minusMonths(4).toString();
        LedgerClient preparer = client.as("li-na");
        JsonNode job = preparer.post("/api/batches/statements",
                "{\"street\":\"beishan\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"}", "zh-CN").json();
        // the demo's two compounds, the stranger, and whatever other tests opened in the street for the firm
        int total = job.get("total").asInt();
        assertThat(total).isGreaterThanOrEqualTo(3);
        String id = job.get("id").asText();
        for (int i = 0; i < 600 && !job.get("finished").asBoolean(); i++) {
            Thread.sleep(100);
            job = preparer.get("/api/batches/" + id).json();
            assertThat(job.get("done").asInt()).isBetween(0, total);
        }
        assertThat(job.get("finished").asBoolean()).isTrue();
        assertThat(job.get("results")).hasSize(total);
        assertThat(job.get("millis").asLong()).isPositive();
        JsonNode lanyuan = result(job, "lanyuan-public");
        assertThat(lanyuan.get("status").asText()).isEqualTo("DRAFTED");
        assertThat(result(job, "guiyuan-public").get("status").asText()).isEqualTo("DRAFTED");
        JsonNode failed = result(job, stranger.id);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("message").asText()).isNotBlank().isNotEqualTo(failed.get("code").asText());
        assertThat(client.get("/api/books/lanyuan-public/statements/" + lanyuan.get("statementId").asText()).json()
                .get("version").get("from").asText()).isEqualTo(from);
    }

    @Test
    void aBatchNeedsOneScopeAndAPreparer() {
        assertProblem(client.as("li-na").post("/api/batches/statements", "{\"from\":\"2026-01\",\"to\":\"2026-03\"}", "en"),
                422, "batch.scope.invalid", "community");
        assertProblem(client.as("li-na").post("/api/batches/statements",
                "{\"community\":\"nowhere\",\"from\":\"2026-01\",\"to\":\"2026-03\"}", "en"), 404, "batch.no-books", "community");
        assertProblem(client.as("zhao-min").post("/api/batches/statements",
                "{\"community\":\"xinhe\",\"from\":\"2026-01\",\"to\":\"2026-03\"}", "en"), 403, "access.role", "");
        assertProblem(client.as("li-na").post("/api/batches/statements",
                "{\"community\":\"xinhe\",\"from\":\"abc\",\"to\":\"2026-03\"}", "en"), 422, "statement.period.invalid",
                "from");
        assertProblem(client.as("li-na").post("/api/batches/statements",
                "{\"community\":\"xinhe\",\"from\":\"2026-04\",\"to\":\"2026-03\"}", "zh-CN"), 422,
                "statement.period.reversed", "from");
    }

    private static JsonNode result(JsonNode job, String book) {
        return StreamSupport.stream(job.get("results").spliterator(), false)
                .filter(r -> r.get("book").asText().equals(book)).findFirst().orElseThrow();
    }
}
