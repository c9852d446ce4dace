package org.gongzhang.service.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gongzhang.service.axon.ReadModelNudge;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long after a voucher's 201 the reporting read model has applied it (not part of the build: its
 * name is neither *Test nor *IT). Records 2 × {@value #VOUCHERS} vouchers one at a time, 200–500 ms
 * apart so that the processors are idle when each comes, and polls the book's {@code report_position}
 * every millisecond until it reaches the voucher's entry; for every other voucher it says before each
 * poll that someone waits ({@link ReadModelNudge#awaited}), as the page after an action does. Prints
 * min, p50, p90, max and mean of each.
 *
 * <pre>./mvnw -q -B -ntp -pl audit-service -am verify -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=ReadModelLagBenchmark -Dit.server.skip=true</pre>
 */
class ReadModelLagBenchmark extends ServiceIT {

    private static final int VOUCHERS = 30;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReadModelNudge nudge;

    @Test
    void lag() throws InterruptedException {
        LedgerClient preparer = client.as("li-na");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        List<Double> alone = new ArrayList<>();
        List<Double> awaited = new ArrayList<>();
        for (int i = 0; i < 2 * VOUCHERS; i++) {
            Thread.sleep(200 + (i * 37) % 300);
            LedgerClient.Answer answer = preparer.post("/api/books/lanyuan-public/vouchers", """
                    {"word":"收","date":"%s","lines":[
                     {"summary":"收临时停车费","account":"100201","debit":"1.00"},
                     {"summary":"收临时停车费","account":"470101","credit":"1.00"}]}""".formatted(today), "zh-CN");
            long acknowledged = System.nanoTime();
            if (answer.status() != 201) {
                throw new IllegalStateException("the voucher was not recorded: " + answer);
            }
            long index = answer.json().at("/receipt/index").asLong();
            // every other voucher as a page after an action waits for it: telling the read model
            boolean waiting = i % 2 == 1;
            while (jdbc.queryForObject("select applied_index from report_position where book_id = 'lanyuan-public'",
                    Long.class) < index) {
                if (waiting) {
                    nudge.awaited();
                }
                Thread.sleep(1);
            }
            (waiting ? awaited : alone).add((System.nanoTime() - acknowledged) / 1e6);
        }
        print("nobody waiting", alone);
        print("someone waiting (ReadModelNudge.awaited before each 1 ms poll)", awaited);
    }

    private static void print(String how, List<Double> lags) {
        Collections.sort(lags);
        System.out.printf("read model lag after a voucher's 201, %s, %d vouchers: min %.0f ms, p50 %.0f ms, p90 %.0f ms,"
                + " max %.0f ms, mean %.0f ms%n", how, lags.size(), lags.get(0), lags.get(lags.size() / 2),
                lags.get(lags.size() * 9 / 10), lags.get(lags.size() - 1),
                lags.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }
}
