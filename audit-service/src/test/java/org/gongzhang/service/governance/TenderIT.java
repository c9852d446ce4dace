package org.gongzhang.service.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.service.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;

/**
 * A tender through the API from its notice to the contract and a first payment, each step dated
 * the day it happened (in the past, as the notice periods require), and its OCDS release package.
 */
class TenderIT extends ServiceIT {

    private static final String[] CODES = {"91330106MA2B00001Y", "91330106MA2B000022", "91330106MA2B000035"};
    private static final String[] NAMES = {"杭州安居建设有限公司", "浙江恒远建设有限公司", "杭州城建修缮有限公司"};
    private static final String[] AMOUNTS = {"118000.00", "98000.00", "125000.00"};

    @Test
    void aTenderGoesFromNoticeToContractAndExportsAsOcds() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LedgerClient officer = client.as("sun-hao");
        String tenderId = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Answer published = officer.post(GovernanceIT.path("/tenders"), """
                {"tenderId":"%s","title":"兰园小区外墙修缮","description":"3、5、7幢外墙空鼓修补及防水","budget":"120000.00",
                 "works":true,"noticeFrom":"%s","noticeUntil":"%s","bidOpening":"%s",
                 "documents":[{"sha256":"%s","name":"招标文件.pdf"}],"businessDate":"%s"}"""
                .formatted(tenderId, today.minusDays(20), today.minusDays(14), today.minusDays(13), hex('d'),
                        today.minusDays(20)), "en");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("tender").get("stage").asText()).isEqualTo("PUBLISHED");
        String tender = GovernanceIT.path("/tenders/" + tenderId);

        // the contract cannot come before the award; the chair does not publish tenders
        assertProblem(client.as("lanyuan-chair").post(GovernanceIT.path("/tenders"), "{}", "en"), 403, "access.role", "");
        assertProblem(client.as("guiyuan-chair").post(tender + "/contract", "{}", "en"), 403, "access.scope", "");

        StringBuilder opened = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            Answer bid = officer.post(tender + "/bids", """
                    {"bidId":"b%d","bidder":{"name":"%s","creditCode":"%s"},"sealedSha256":"%s","businessDate":"%s"}"""
                    .formatted(i + 1, NAMES[i], CODES[i], hex((char) ('1' + i)), today.minusDays(18)), "en");
            assertThat(bid.status()).as(bid.body()).isEqualTo(201);
            opened.append(i == 0 ? "" : ",").append("{\"bidId\":\"b%d\",\"amount\":\"%s\",\"revealedSha256\":\"%s\"}"
                    .formatted(i + 1, AMOUNTS[i], hex((char) ('1' + i))));
        }
        step(officer, tender + "/opening", "{\"bids\":[" + opened + "],\"businessDate\":\"" + today.minusDays(13) + "\"}",
                "OPENED");
        step(officer, tender + "/evaluation", "{\"ranking\":[\"b2\",\"b1\",\"b3\"],\"reportSha256\":\"" + hex('e')
                + "\",\"businessDate\":\"" + today.minusDays(12) + "\"}", "EVALUATED");
        step(officer, tender + "/award", "{\"bidId\":\"b2\",\"amount\":\"98000.00\",\"businessDate\":\""
                + today.minusDays(12) + "\"}", "AWARDED");
        step(officer, tender + "/award-notice", "{\"noticeFrom\":\"" + today.minusDays(11) + "\",\"noticeUntil\":\""
                + today.minusDays(5) + "\",\"businessDate\":\"" + today.minusDays(11) + "\"}", "AWARD_NOTICED");

        // the contract goes to the awarded bidder only
        assertProblem(client.as("lanyuan-chair").post(tender + "/contract", contract(NAMES[0], CODES[0], today), "en"),
                422, "contract.supplier.not-awarded", "entry.payload.supplier");
        Answer signed = client.as("lanyuan-chair").post(tender + "/contract", contract(NAMES[1], CODES[1], today), "en");
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        String contractId = signed.json().get("contract").get("contractId").asText();
        assertThat(client.get(tender).json().get("tender").get("stage").asText()).isEqualTo("CONTRACTED");

        Answer paid = client.as("li-na").post(GovernanceIT.path("/contracts/" + contractId + "/payments"),
                "{\"amount\":\"30000.00\",\"account\":\"510103\"}", "en");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(client.get(GovernanceIT.path("/contracts/" + contractId)).json().get("contract").get("paid").asText())
                .isEqualTo("30000.00");

        Answer ocds = client.get(tender + "/ocds");
        assertThat(ocds.status()).as(ocds.body()).isEqualTo(200);
        JsonNode pack = new ObjectMapper().readTree(ocds.body());
        assertThat(pack.get("version").asText()).isEqualTo("1.1");
        JsonNode releases = pack.get("releases");
        assertThat(releases.size()).isEqualTo(10);
        String ocid = releases.get(0).get("ocid").asText();
        assertThat(ocid).isEqualTo("ocds-gzdemo-lanyuan-public-" + tenderId);
        releases.forEach(r -> assertThat(r.get("ocid").asText()).isEqualTo(ocid));
        JsonNode last = releases.get(releases.size() - 1);
        assertThat(last.get("tag").toString()).contains("implementation");
        assertThat(last.at("/contracts/0/value/amount").decimalValue()).isEqualByComparingTo("98000.00");
        assertThat(last.at("/awards/0/suppliers/0/id").asText()).isEqualTo("CN-USCC-" + CODES[1]);
        assertThat(pack.get("uri").asText()).endsWith("/api/books/lanyuan-public/tenders/" + tenderId + "/ocds.json");
        assertProblem(client.get(GovernanceIT.path("/tenders/no-such/ocds")), 404, "tender.unknown", "tenderId");
    }

    private static String contract(String name, String code, LocalDate today) {
        return """
                {"supplier":{"name":"%s","creditCode":"%s"},"amount":"98000.00","documentSha256":"%s","businessDate":"%s"}"""
                .formatted(name, code, hex('c'), today.minusDays(4));
    }

    private static void step(LedgerClient officer, String path, String body, String stage) {
        Answer answer = officer.post(path, body, "en");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("tender").get("stage").asText()).isEqualTo(stage);
    }

    private static String hex(char c) {
        return String.valueOf(c).repeat(64);
    }
}
