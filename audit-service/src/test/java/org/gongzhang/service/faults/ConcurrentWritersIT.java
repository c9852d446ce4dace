package org.gongzhang.service.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The standing race test: {@value #CLIENTS} clients at once against one book. Entries the service
 * signs (vouchers, payments) are never refused for a race; the approved amount is never exceeded;
 * client-signed entries built on one head: one is appended, the others get an honest 409; no 5xx;
 * the index holds every stored entry once, at consecutive positions, and the book verifies. Its own
 * service and database, as it adds a hundred vouchers to a demo book.
 */
@TestPropertySource(properties = "ledger.test.isolated=concurrent-writers")
@DirtiesContext
class ConcurrentWritersIT extends ServiceIT {

    static final int CLIENTS = 32;
    static final int VOUCHERS_EACH = 3;
    static final String BOOK = "lanyuan-public";
    static final String QUOTE = "b".repeat(64);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thirtyTwoClientsOnOneBook() throws Exception {
        if (client.get(path("/rulesets")).json().isEmpty()) {
            assertThat(client.as("sun-hao").post(path("/rulesets/default"), "", "en").status()).isEqualTo(201);
        }
        String request = approved("1000.00");
        LedgerClient preparer = client.as("li-na");
        long before = size();

        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<String> unexpected = new ArrayList<>();
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<String>>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int n = c;
                clients.add(pool.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    start.await();
                    for (int v = 0; v < VOUCHERS_EACH; v++) {
                        Answer voucher = preparer.post(path("/vouchers"), voucher(n, v), "en");
                        tally(outcomes, "voucher " + voucher.status());
                        if (voucher.status() != 201) {
                            wrong.add("voucher " + voucher.status() + " " + voucher.body());
                        }
                    }
                    Answer paid = preparer.post(path("/requests/" + request + "/payments"),
                            "{\"amount\":\"100.00\"}", "en");
                    String code = paid.status() == 201 ? "" : " " + paid.json().path("code").asText();
                    tally(outcomes, "payment " + paid.status() + code);
                    if (paid.status() != 201 && !(paid.status() == 409 && code.equals(" payment.exceeds-approved"))) {
                        wrong.add("payment " + paid.status() + " " + paid.body());
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> c : clients) {
                unexpected.addAll(c.get(5, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("ConcurrentWritersIT: %d clients, outcomes %s%n", CLIENTS, new TreeMap<>(outcomes));

        assertThat(unexpected).as("5xx answers or spurious refusals").isEmpty();
        assertThat(outcomes).containsEntry("voucher 201", CLIENTS * VOUCHERS_EACH)
                .containsEntry("payment 201", 10)
                .containsEntry("payment 409 payment.exceeds-approved", CLIENTS - 10);
        JsonNode detail = client.get(path("/requests/" + request)).json();
        assertThat(detail.path("request").path("paid").asText()).as("never more than approved").isEqualTo("1000.00");
        assertThat(size()).isEqualTo(before + CLIENTS * VOUCHERS_EACH + 10);
        indexIsWhole(BOOK);
    }

    @Test
    void clientSignedEntriesOnOneHeadOneIsAppendedTheOthersAreToldTheyAreStale() throws Exception {
        TestBook book = TestBook.open(client);
        List<SignedEntry> entries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            entries.add(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("1" + i + ".00")));
        }
        CyclicBarrier start = new CyclicBarrier(entries.size());
        ExecutorService pool = Executors.newFixedThreadPool(entries.size());
        Map<String, Integer> outcomes = new TreeMap<>();
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (SignedEntry entry : entries) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.submit(entry, "en");
                }));
            }
            for (Future<Answer> answer : answers) {
                Answer a = answer.get(2, TimeUnit.MINUTES);
                outcomes.merge(a.status() + (a.status() == 201 ? "" : " " + a.json().path("code").asText()), 1,
                        Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).as("one appended, the rest stale, no 5xx")
                .containsOnlyKeys("201", "409 entry.index.stale").containsEntry("201", 1);
        indexIsWhole(book.id);
    }

    private void indexIsWhole(String book) {
        List<Long> indexes = jdbc.queryForList("select entry_index from ledger_entry where book_id = ? order by entry_index",
                Long.class, book);
        for (int i = 0; i < indexes.size(); i++) {
            assertThat(indexes.get(i)).as("index position %d", i).isEqualTo(i);
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, book)).isEqualTo(indexes.size());
        JsonNode verify = client.get("/api/books/" + book + "/verify").json();
        assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();
    }

    private static void tally(Map<String, Integer> outcomes, String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    private static String voucher(int client, int n) {
        String amount = (client + 1) + "." + (n < 10 ? "0" + n : n);
        return """
                {"word":"收","date":"%s","attachments":{"count":0,"files":[]},"corrects":null,
                 "lines":[{"summary":"收停车费（并发%d-%d）","account":"100201","debit":"%s"},
                          {"summary":"收停车费（并发%d-%d）","account":"470101","credit":"%s"}]}"""
                .formatted(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), client, n, amount, client, n,
                        amount);
    }

    private String approved(String amount) {
        Answer raised = client.as("lanyuan-member").post(path("/requests"), """
                {"amount":"%s","purpose":"并发测试：更换单元门禁","account":"510101",
                 "payee":{"type":"COMPANY","name":"杭州安居维修有限公司"},"matter":"ORDINARY","works":false,
                 "quotes":[{"sha256":"%s","name":"报价单.pdf"}]}""".formatted(amount, QUOTE), "en");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String id = raised.json().get("requestId").asText();
        JsonNode approved = client.as("lanyuan-chair").post(path("/requests/" + id + "/approve"), "{}", "en").json();
        if (!approved.path("status").asText().equals("APPROVED")) { // a larger amount also needs the 社区
            approved = client.as("zhao-min").post(path("/requests/" + id + "/approve"), "{}", "en").json();
        }
        assertThat(approved.get("status").asText()).as(approved.toString()).isEqualTo("APPROVED");
        return id;
    }

    private long size() {
        return client.get(path("/head")).json().get("size").asLong();
    }

    private static String path(String rest) {
        return "/api/books/" + BOOK + rest;
    }
}
