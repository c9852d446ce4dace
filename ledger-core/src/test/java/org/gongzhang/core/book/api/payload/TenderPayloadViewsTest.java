package org.gongzhang.core.book.api.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.Test;

/** Read models (the OCDS export) get typed tender, contract and payment payloads from accepted entries. */
class TenderPayloadViewsTest {

    private static final String SHA = "a".repeat(64);

    private static SignedEntry entry(String kind, String payload) {
        String json = "{\"format\":1,\"book\":\"lanyuan-public\",\"index\":3,\"prev\":\"" + "0".repeat(64) + "\","
                + "\"kind\":\"" + kind + "\",\"actor\":\"town:sun-hao\",\"role\":\"TOWN_OFFICER\",\"keyId\":\"k1\","
                + "\"suite\":\"ed25519\",\"custodial\":false,\"submission\":\"s1\",\"recordedAt\":\"2026-03-02T02:00:00Z\","
                + "\"businessDate\":\"2026-03-02\",\"payload\":" + payload + "}";
        return SignedEntry.of(json, "c2ln");
    }

    @Test
    void aPublishedTenderReadsAsBudgetInFenDatesAndDocuments() {
        TenderPublished t = TenderPublished.from(entry("tender.published", """
                {"tenderId":"t1","requestId":null,"title":"外墙修缮","description":"","budget":"120000.00","works":true,
                 "noticeFrom":"2026-03-02","noticeUntil":"2026-03-07","bidOpening":"2026-03-09",
                 "documents":[{"sha256":"%s","name":"招标文件.pdf"}]}""".formatted(SHA)));
        assertThat(t.requestId()).isNull();
        assertThat(t.budget()).isEqualTo(Money.ofFen(12_000_000));
        assertThat(t.works()).isTrue();
        assertThat(t.bidOpening()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(t.documents().get(0).name()).isEqualTo("招标文件.pdf");
    }

    @Test
    void aTenderMustSayWhetherItServesARequest() {
        assertThatThrownBy(() -> TenderPublished.from(entry("tender.published", """
                {"tenderId":"t1","title":"外墙修缮","description":"","budget":"1.00","works":false,
                 "noticeFrom":"2026-03-02","noticeUntil":"2026-03-07","bidOpening":"2026-03-09","documents":[]}""")))
                .isInstanceOfSatisfying(LedgerRefusal.class, r -> assertThat(r.field()).isEqualTo("entry.payload.requestId"));
    }

    @Test
    void anOpeningAndARankingRead() {
        TenderOpened opened = TenderOpened.from(entry("tender.opened",
                "{\"tenderId\":\"t1\",\"bids\":[{\"bidId\":\"b1\",\"amount\":\"95000.05\",\"revealedSha256\":\"" + SHA + "\"}]}"));
        assertThat(opened.bids().get(0).amount()).isEqualTo(Money.ofFen(9_500_005));
        TenderEvaluated evaluated = TenderEvaluated.from(entry("tender.evaluated",
                "{\"tenderId\":\"t1\",\"ranking\":[\"b2\",\"b1\"],\"reportSha256\":\"" + SHA + "\"}"));
        assertThat(evaluated.ranking()).containsExactly("b2", "b1");
    }

    @Test
    void aVoucherPaysAContractOnlyWhenItNamesOne() {
        String voucher = "{\"voucherId\":\"p1\",\"word\":\"付\",\"date\":\"2026-03-18\",\"corrects\":null,"
                + "\"attachments\":{\"count\":0,\"files\":[]},\"lines\":[]%s}";
        assertThat(ContractPayment.from(entry("voucher.recorded", voucher.formatted(""))).isEmpty()).isTrue();
        assertThat(ContractPayment.from(entry("voucher.recorded", voucher.formatted(",\"payment\":{\"contract\":\"c1\"}"))))
                .contains(new ContractPayment("c1"));
    }

    @Test
    void aFinalAccountMayCiteNoAuditReport() {
        ContractFinalAccount account = ContractFinalAccount.from(entry("contract.final-account",
                "{\"contractId\":\"c1\",\"finalAmount\":\"9800.00\",\"auditReportSha256\":null}"));
        assertThat(account.auditReportSha256()).isNull();
        assertThat(account.finalAmount()).isEqualTo(Money.ofFen(980_000));
    }
}
