package org.gongzhang.service.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.Problems;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.junit.jupiter.api.Test;

/**
 * A community auditor and a town officer read every compound they supervise in one answer; each
 * figure agrees with the compound's own pages (its size, its requests, its trial balance, its
 * published statements), and the totals with the lines.
 */
class OverviewIT extends ServiceIT {

    private static final List<String> DEMO = List.of("guiyuan-public", "lanyuan-public");

    @Test
    void theCommunityAuditorSeesEachCompoundAsItsOwnPagesShowIt() throws InterruptedException {
        for (String book : DEMO) {
            awaitReadModel(book);
        }
        JsonNode overview = ok(client.as("zhao-min").get("/api/overview?community=xinhe"));
        List<String> books = new ArrayList<>();
        overview.get("compounds").forEach(c -> books.add(c.get("book").asText()));
        assertThat(books).containsAll(DEMO);
        for (JsonNode compound : overview.get("compounds")) {
            String book = compound.get("book").asText();
            if (!DEMO.contains(book)) {
                continue;
            }
            JsonNode summary = ok(client.get("/api/books/" + book));
            assertThat(compound.get("entries").asLong()).isEqualTo(summary.get("size").asLong());
            assertThat(compound.get("compound").asText()).isEqualTo(summary.at("/compound/name").asText());
            assertThat(compound.get("pendingRequests").asInt())
                    .isEqualTo(ok(client.get("/api/books/" + book + "/requests?status=PENDING")).size());
            assertThat(compound.get("cashAndBankFen").asLong()).as(book).isEqualTo(cashAndBank(book, summary));
            JsonNode latest = latestPublished(book);
            assertThat(compound.get("lastPublishedTo").asText()).isEqualTo(latest.get("to").asText());
            assertThat(compound.get("overdueDisclosures").asInt())
                    .isEqualTo(ok(client.as("zhao-min").get("/api/books/" + book + "/disclosure-calendar"))
                            .path("slots").findValuesAsText("status").stream().filter("OVERDUE"::equals).count());
        }
        assertThat(JsonTotals.sum(overview, "pendingRequests")).isEqualTo(overview.at("/totals/pendingRequests").asInt());
        assertThat(JsonTotals.sum(overview, "cashAndBankFen")).isEqualTo(overview.at("/totals/cashAndBankFen").asLong());
        assertThat(overview.at("/totals/compounds").asInt()).isEqualTo(overview.get("compounds").size());
        assertThat(DEMO.stream().mapToInt(b -> find(overview, b).get("pendingRequests").asInt()).sum())
                .as("the demo's 兰园 request waiting for the community").isPositive();
    }

    @Test
    void theTownOfficerSeesTheStreetAndNobodyElseSeesAnything() {
        JsonNode street = ok(client.as("sun-hao").get("/api/overview?street=beishan"));
        assertThat(street.get("compounds").findValuesAsText("book")).containsAll(DEMO);

        Problems.assertProblem(new LedgerClient(port).get("/api/overview"), 401, "auth.required", "");
        Problems.assertProblem(client.as("li-na").get("/api/overview", "en"), 403, "access.role", "");
        Problems.assertProblem(client.as("lanyuan-owner").get("/api/overview"), 403, "access.role", "");
        JsonNode unknown = Problems.assertProblem(client.as("zhao-min").get("/api/overview?community=no-such", "zh-CN"),
                404, "overview.area.not-found", "community");
        assertThat(unknown.get("detail").asText()).contains("no-such", "没有账套");
        TestBook elsewhere = bookIn("hongqiao", "虹桥社区");
        JsonNode outside = Problems.assertProblem(client.as("zhao-min").get("/api/overview?community=hongqiao", "en"),
                403, "overview.area.scope", "");
        assertThat(outside.get("detail").asText()).contains("hongqiao", "outside the area you supervise");
        assertThat(ok(client.as("zhao-min").get("/api/overview")).get("compounds").findValuesAsText("book"))
                .as("a book of another community is not in hers").doesNotContain(elsewhere.id);
        assertThat(ok(client.as("sun-hao").get("/api/overview")).get("compounds").findValuesAsText("book"))
                .as("but in the street's").contains(elsewhere.id);
    }

    /** The reporting read model (read asynchronously) has applied every entry of the book. */
    private void awaitReadModel(String book) throws InterruptedException {
        JsonNode summary = ok(client.get("/api/books/" + book));
        String path = "/api/books/" + book + "/reports/trial-balance?from=" + summary.get("startPeriod").asText() + "&to="
                + YearMonth.now(ZoneId.of("Asia/Shanghai"));
        for (int attempt = 0; attempt < 300; attempt++) {
            long size = ok(client.get("/api/books/" + book + "/head")).get("size").asLong();
            if (ok(client.as("zhao-min").get(path)).get("appliedIndex").asLong() == size - 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the read model of " + book + " did not catch up");
    }

    /** 货币资金 as the trial balance closes it: 库存现金 1001 and 银行存款 1002, debit minus credit. */
    private long cashAndBank(String book, JsonNode summary) {
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        JsonNode balance = ok(client.as("zhao-min").get("/api/books/" + book + "/reports/trial-balance?from="
                + summary.get("startPeriod").asText() + "&to=" + now));
        long fen = 0;
        for (JsonNode row : balance.get("rows")) {
            String code = row.get("code").asText();
            if (code.equals("1001") || code.equals("1002")) {
                fen += row.at("/closing/debit/fen").asLong() - row.at("/closing/credit/fen").asLong();
            }
        }
        return fen;
    }

    private JsonNode latestPublished(String book) {
        JsonNode latest = null;
        for (JsonNode version : ok(client.get("/api/books/" + book + "/statements"))) {
            if ("PUBLISHED".equals(version.get("status").asText())
                    && (latest == null || version.get("to").asText().compareTo(latest.get("to").asText()) > 0)) {
                latest = version;
            }
        }
        assertThat(latest).as("the demo published a statement of " + book).isNotNull();
        return latest;
    }

    private TestBook bookIn(String community, String name) {
        TestBook book = new TestBook(client, SignatureSuite.ED25519);
        ObjectNode payload = CanonicalJson.mapper().createObjectNode();
        payload.putObject("compound").put("id", "c-" + book.id).put("name", "测试小区");
        payload.putObject("community").put("id", community).put("name", name);
        payload.putObject("street").put("id", "beishan").put("name", "北山街道");
        payload.put("fund", "PUBLIC_INCOME").put("name", "测试小区公共收益账套").put("startPeriod", book.start.toString());
        payload.set("accounts", ChartOfAccounts.defaultPublicIncome().toPayload());
        ArrayNode keys = payload.putArray("keys");
        keys.add(book.preparer.registration());
        keys.add(book.reviewer.registration());
        keys.add(book.auditor.registration());
        book.accept(client.next(book.preparer, book.id, "book.opened", book.start.atDay(1), payload));
        return book;
    }

    private static JsonNode find(JsonNode overview, String book) {
        for (JsonNode compound : overview.get("compounds")) {
            if (compound.get("book").asText().equals(book)) {
                return compound;
            }
        }
        throw new AssertionError(book + " not in the overview");
    }

    private static JsonNode ok(LedgerClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static final class JsonTotals {
        static long sum(JsonNode overview, String field) {
            long sum = 0;
            for (JsonNode compound : overview.get("compounds")) {
                sum += compound.get(field).asLong();
            }
            return sum;
        }
    }
}
