package org.gongzhang.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.gongzhang.service.support.Cli;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo the service loads on an empty database: its shape, and that it verifies. */
class DemoDataIT extends ServiceIT {

    @Test
    void demoHasOneStreetOneCommunityAndTwoCompoundBooks() {
        JsonNode books = client.get("/api/books").json();
        List<String> ids = new ArrayList<>();
        books.forEach(b -> ids.add(b.get("book").asText()));
        assertThat(ids).contains("lanyuan-public", "guiyuan-public");
        books.forEach(b -> {
            if (b.get("book").asText().endsWith("yuan-public")) {
                assertThat(b.get("street").get("name").asText()).isEqualTo("北山街道");
                assertThat(b.get("community").get("name").asText()).isEqualTo("新河社区");
                assertThat(b.get("size").asLong()).isGreaterThan(150);
            }
        });
    }

    @Test
    void demoBooksHoldEveryKindOfEntryTheIssueAsksFor() {
        List<String> kinds = new ArrayList<>();
        client.get("/api/books/guiyuan-public/entries?limit=1000").json()
                .forEach(leaf -> kinds.add(leaf.get("entry").get("kind").asText()));
        assertThat(kinds).contains("book.opened", "opening-balances.set", "voucher.recorded", "voucher.reviewed",
                "voucher.posted", "voucher.voided", "voucher.reversed", "period.closed", "key.registered",
                "key.revoked");
        String all = client.get("/api/books/guiyuan-public/entries?limit=1000").body();
        assertThat(all).contains("停车场地使用费", "广告", "租金", "通信基站", "维保", "审计费", "代理记账费", "转入专项维修资金");
    }

    @Test
    void demoBooksVerifyOnTheService() {
        for (String book : List.of("lanyuan-public", "guiyuan-public")) {
            JsonNode report = client.get("/api/books/" + book + "/verify").json();
            assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("checkpointSize").asLong()).isEqualTo(report.get("entries").asLong());
        }
    }

    @Test
    void everyClosedPeriodRestsOnACheckpointEndingWithItsClose() {
        for (String book : List.of("lanyuan-public", "guiyuan-public")) {
            List<Long> closes = new ArrayList<>();
            client.get("/api/books/" + book + "/entries?limit=1000").json().forEach(leaf -> {
                if (leaf.get("entry").get("kind").asText().equals("period.closed")) {
                    closes.add(leaf.get("entry").get("index").asLong() + 1);
                }
            });
            assertThat(closes).as(book + " closes periods").hasSizeGreaterThan(3);
            // the checkpoint processor tracks the event store, so it may still be catching up
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Long> sizes = new ArrayList<>();
                client.get("/api/books/" + book + "/checkpoints").json()
                        .forEach(c -> sizes.add(c.get("size").asLong()));
                assertThat(sizes).as(book).containsAll(closes);
            });
        }
    }

    @Test
    void exportedDemoBundleVerifiesOfflineAgainstThePublishedLogKey(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("lanyuan.zip");
        Files.write(bundle, client.getBytes("/api/books/lanyuan-public/bundle"));
        Path logKey = dir.resolve("log.key");
        Files.writeString(logKey, client.get("/api/log-key").body());
        Cli verify = Cli.run("verify", bundle.toString(), "--log-key", logKey.toString());
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("OK");
    }

    @Test
    void demoEntriesAreSignedCustodiallyAndChained() {
        JsonNode leaves = client.get("/api/books/lanyuan-public/entries?from=0&limit=3").json();
        SignedEntry first = SignedEntry.fromLeaf(leaves.get(0).toString());
        SignedEntry second = SignedEntry.fromLeaf(leaves.get(1).toString());
        assertThat(first.header().custodial()).isTrue();
        assertThat(second.header().prev()).isEqualTo(first.hash());
    }

    @Test
    void inEveryPeriodTheNumbersOfEachWordFollowTheDates() {
        for (String book : List.of("lanyuan-public", "guiyuan-public")) {
            Map<String, String> words = new HashMap<>();
            Map<String, LocalDate> dates = new HashMap<>();
            Map<String, List<LocalDate>> numbered = new TreeMap<>();
            client.get("/api/books/" + book + "/entries?from=0&limit=1000").json().forEach(leaf -> {
                JsonNode entry = leaf.get("entry");
                JsonNode payload = entry.get("payload");
                String voucherId = payload.path("voucherId").asText();
                switch (entry.get("kind").asText()) {
                    case "voucher.recorded" -> {
                        words.put(voucherId, payload.get("word").asText());
                        dates.put(voucherId, LocalDate.parse(payload.get("date").asText()));
                    }
                    case "voucher.reversed" -> {
                        words.put(voucherId, words.get(payload.get("reverses").asText()));
                        dates.put(voucherId, LocalDate.parse(payload.get("date").asText()));
                    }
                    case "voucher.posted" -> numbered.computeIfAbsent(
                            words.get(voucherId) + " " + YearMonth.from(dates.get(voucherId)), k -> new ArrayList<>())
                            .add(dates.get(voucherId));
                    default -> {
                        // not a voucher's number
                    }
                }
            });
            assertThat(numbered).as(book).hasSizeGreaterThan(12);
            numbered.forEach((wordAndPeriod, byNumber) -> assertThat(byNumber).as(book + " " + wordAndPeriod).isSorted());
        }
    }

    @Test
    void demoWorksRunFromTheirRequestToTheLastPaymentInDateOrder() {
        String book = "/api/books/lanyuan-public";
        JsonNode tender = client.get(book + "/tenders/t-lanyuan-waiqiang").json().get("tender");
        String requestId = tender.get("requestId").asText();
        JsonNode request = client.get(book + "/requests/" + requestId).json().get("request");
        assertThat(request.get("status").asText()).isEqualTo("APPROVED");
        assertThat(request.get("approvedAmount").asText()).isEqualTo("180000.00");
        assertThat(request.get("works").asBoolean()).isTrue();
        assertThat(request.get("tenderRequired").asBoolean()).isTrue();
        assertThat(request.get("path").toString()).isEqualTo("[\"ASSEMBLY\",\"COMMUNITY\"]");
        assertThat(request.get("requester").asText()).isEqualTo("committee:lanyuan-member");
        JsonNode decision = client.get(book + "/decisions/d-lanyuan-waiqiang").json();
        assertThat(decision.get("result").asText()).isEqualTo("PASSED");
        assertThat(decision.get("requestId").asText()).isEqualTo(requestId);
        assertThat(tender.get("stage").asText()).isEqualTo("CONTRACTED");
        JsonNode contract = client.get(book + "/contracts/c-lanyuan-waiqiang").json();
        assertThat(contract.get("contract").get("status").asText()).isEqualTo("SETTLED");
        assertThat(contract.get("contract").get("finalAmount").asText()).isEqualTo("149860.00");
        assertThat(contract.get("contract").get("paid").asText()).isEqualTo("149860.00");
        assertThat(contract.get("payments").size()).isEqualTo(3);
        // the request counts what its contract paid: residents see the project paid, not 0.00
        assertThat(request.get("paid").asText()).isEqualTo("149860.00");
        assertThat(client.get(book + "/requests/" + requestId).json().get("payments").size()).isEqualTo(3);

        List<String> kinds = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        client.get(book + "/entries?from=0&limit=1000").json().forEach(leaf -> {
            JsonNode entry = leaf.get("entry");
            JsonNode payload = entry.get("payload");
            boolean works = requestId.equals(payload.path("requestId").asText())
                    || "t-lanyuan-waiqiang".equals(payload.path("tenderId").asText())
                    || "c-lanyuan-waiqiang".equals(payload.path("contractId").asText())
                    || "c-lanyuan-waiqiang".equals(payload.path("payment").path("contract").asText());
            if (works) {
                kinds.add(entry.get("kind").asText());
                dates.add(LocalDate.parse(entry.get("businessDate").asText()));
            }
        });
        assertThat(kinds).containsExactly("request.raised", "decision.recorded", "request.approved", "request.approved",
                "tender.published", "tender.bid-received", "tender.bid-received", "tender.bid-received", "tender.opened",
                "tender.evaluated", "tender.awarded", "tender.award-noticed", "contract.signed", "voucher.recorded",
                "voucher.recorded", "contract.accepted", "contract.final-account", "voucher.recorded");
        assertThat(dates).isSorted();
        assertThat(dates.get(dates.size() - 1)).isBefore(LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    /**
     * Each month of the demo's year goes to the database in one transaction ({@link DemoBook#together}):
     * a closed month's entries, from the one after the previous month's close (or after the opening
     * balances) to its own close, were all inserted by one PostgreSQL transaction, each month's by
     * another; and the books verify (above), so each entry was signed at the head the one before it
     * left in that transaction.
     */
    @Test
    void eachClosedMonthOfTheYearWasWrittenInOneTransaction() {
        for (String book : List.of("lanyuan-public", "guiyuan-public")) {
            List<Map<String, Object>> rows = schemaOwner().queryForList(
                    "select entry_index, kind, xmin::text as tx from ledger_entry where book_id = ? order by entry_index",
                    book);
            assertThat(rows.get(1).get("kind")).isEqualTo("opening-balances.set");
            List<String> months = new ArrayList<>();
            int from = 2;
            for (int i = from; i < rows.size(); i++) {
                if (!"period.closed".equals(rows.get(i).get("kind"))) {
                    continue;
                }
                List<Object> transactions = rows.subList(from, i + 1).stream().map(row -> row.get("tx")).distinct().toList();
                assertThat(transactions).as(book + ": the month closed at entry " + i).hasSize(1);
                months.add((String) transactions.get(0));
                from = i + 1;
            }
            assertThat(months).as(book + " closes its periods").hasSizeGreaterThan(3).doesNotHaveDuplicates();
        }
    }

    @Test
    void healthIsUpWhileTheDatabaseAnswersAndNoBookFailedItsIntegrityCheck() {
        JsonNode health = client.get("/actuator/health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("bookIntegrity").get("status").asText()).isEqualTo("UP");
    }
}
