package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.gongzhang.service.axon.ReadModelNudge;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The page after an action waits for the read model, and tells it someone waits. */
class ReadModelWaitIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";

    @Autowired
    ReadModelWait readModel;

    @Autowired
    ReadModelNudge nudge;

    @Test
    void aPageAfterAnActionWaitsForItsEntryAndBringsTheReadModelsNextLookForward() {
        LedgerClient preparer = client.as("li-na");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        long before = nudge.broughtForward();

        // the reporting processor, idle, looks for new entries up to 100 ms after the voucher's 201;
        // a coordinator busy at the moment of the wait has no look pending, so a few are given the chance
        for (int attempt = 0; attempt < 3 && nudge.broughtForward() == before; attempt++) {
            LedgerClient.Answer recorded = preparer.post("/api/books/" + BOOK + "/vouchers", """
                    {"word":"收","date":"%s","lines":[
                     {"summary":"收临时停车费","account":"100201","debit":"3.00"},
                     {"summary":"收临时停车费","account":"470101","credit":"3.00"}]}""".formatted(today), "zh-CN");
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

            assertThat(readModel.until(BOOK, recorded.json().at("/receipt/index").asLong())).isTrue();
        }

        assertThat(nudge.broughtForward()).isGreaterThan(before);
    }
}
