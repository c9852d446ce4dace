package org.gongzhang.core.book.api.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Base64;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.disclosure.ObjectionOutcome;
import org.gongzhang.core.money.Money;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.VoucherWord;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.crypto.PublicKeys;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.Test;

/** Read models get typed payloads from an accepted entry. */
class PayloadViewsTest {

    private static SignedEntry entry(String kind, String payload) {
        String json = "{\"format\":1,\"book\":\"lanyuan-public\",\"index\":3,\"prev\":\"" + "0".repeat(64) + "\","
                + "\"kind\":\"" + kind + "\",\"actor\":\"agent:li-na\",\"role\":\"AGENT_PREPARER\",\"keyId\":\"k1\","
                + "\"suite\":\"ed25519\",\"custodial\":false,\"submission\":\"s1\",\"recordedAt\":\"2026-04-02T02:00:00Z\","
                + "\"businessDate\":\"2026-03-15\",\"payload\":" + payload + "}";
        return SignedEntry.of(json, "c2ln");
    }

    @Test
    void aRecordedVoucherReadsAsWordDatePeriodAndLinesInFen() {
        VoucherRecorded v = VoucherRecorded.from(entry("voucher.recorded", """
                {"voucherId":"v1","word":"记","date":"2026-03-15","corrects":null,
                 "attachments":{"count":2,"files":[{"sha256":"%s","name":"发票.pdf"}]},
                 "lines":[{"summary":"收3月停车费","account":"100201","debit":"12345.67"},
                          {"summary":"收3月停车费","account":"470101","credit":"12345.67"}]}""".formatted("a".repeat(64))));
        assertThat(v.word()).isEqualTo(VoucherWord.JI);
        assertThat(v.period()).isEqualTo(Period.parse("2026-03"));
        assertThat(v.lines().get(0).account()).isEqualTo(AccountCode.of("100201"));
        assertThat(v.lines().get(1).side()).isEqualTo(Side.CREDIT);
        assertThat(v.total(Side.DEBIT)).isEqualTo(Money.ofFen(1234567));
        assertThat(v.attachments().count()).isEqualTo(2);
        assertThat(v.attachments().files().get(0).name()).isEqualTo("发票.pdf");
        assertThat(v.corrects()).isNull();
    }

    @Test
    void aReversalReadsAsTheRedVoucherAndTheOneItCancels() {
        VoucherReversed r = VoucherReversed.from(entry("voucher.reversed",
                "{\"voucherId\":\"r1\",\"reverses\":\"v1\",\"date\":\"2026-04-02\",\"reason\":\"金额录错\"}"));
        assertThat(r.reverses()).isEqualTo("v1");
        assertThat(r.date()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(r.period()).isEqualTo(Period.parse("2026-04"));
    }

    @Test
    void aClosedPeriodAndAnOpeningBalanceRead() {
        assertThat(PeriodClosed.from(entry("period.closed", "{\"period\":\"2026-03\"}")).period())
                .isEqualTo(Period.parse("2026-03"));
        OpeningBalancesSet set = OpeningBalancesSet.from(entry("opening-balances.set",
                "{\"balances\":[{\"account\":\"100201\",\"debit\":\"1000.00\"},{\"account\":\"3101\",\"credit\":\"1000.00\"}]}"));
        assertThat(set.total(Side.CREDIT)).isEqualTo(Money.parse("1000.00"));
        assertThat(set.balances().get(0).signedAmount()).isEqualTo(Money.ofFen(100000));
    }

    @Test
    void aGenesisReadsAsCompoundFundChartAndKeys() {
        byte[] spki = SignatureSuite.ED25519.generateKeyPair().getPublic().getEncoded();
        String key = CanonicalJson.mapper().createObjectNode().put("keyId", PublicKeys.keyId(spki))
                .put("actor", "agent:li-na").put("role", "AGENT_PREPARER").put("suite", "ed25519")
                .put("publicKey", Base64.getEncoder().encodeToString(spki)).put("name", "李娜").toString();
        BookOpened opened = BookOpened.from(entry("book.opened", """
                {"compound":{"id":"lanyuan","name":"兰园小区"},"community":{"id":"xinhe","name":"新河社区"},
                 "street":{"id":"beishan","name":"北山街道"},"fund":"PUBLIC_INCOME","name":"兰园小区公共收益账套",
                 "startPeriod":"2025-12","accounts":%s,"keys":[%s]}"""
                .formatted(ChartOfAccounts.defaultPublicIncome().toPayload(), key)));
        assertThat(opened.compound()).isEqualTo(new Party("lanyuan", "兰园小区"));
        assertThat(opened.fund()).isEqualTo(Fund.PUBLIC_INCOME);
        assertThat(opened.startPeriod()).isEqualTo(Period.parse("2025-12"));
        assertThat(opened.chart()).isEqualTo(ChartOfAccounts.defaultPublicIncome());
        assertThat(opened.keys().get(0).role()).isEqualTo(Role.AGENT_PREPARER);
        assertThat(opened.keys().get(0).name()).isEqualTo("李娜");
    }

    @Test
    void aDraftedStatementReadsAsPeriodsContentHashAndCheckpoint() {
        StatementDrafted d = StatementDrafted.from(entry("statement.drafted", """
                {"statementId":"s1","from":"2026-01","to":"2026-03","contentHash":"%s",
                 "checkpoint":{"size":9007199254740991,"root":"%s"},"corrects":null,"reason":null}"""
                .formatted("c".repeat(64), "d".repeat(64))));
        assertThat(d.from()).isEqualTo(Period.parse("2026-01"));
        assertThat(d.checkpoint()).isEqualTo(new LogCheckpoint(9_007_199_254_740_991L, "d".repeat(64)));
        assertThat(d.corrects()).isNull();
        assertThat(d.reason()).isNull();
    }

    @Test
    void aCheckpointSizeIsAWholeNumber() {
        assertThatThrownBy(() -> StatementSigned.from(entry("statement.signed",
                "{\"statementId\":\"s1\",\"contentHash\":\"c\",\"checkpoint\":{\"size\":-1,\"root\":\"r\"}}")))
                .isInstanceOfSatisfying(LedgerRefusal.class,
                        r -> assertThat(r.field()).isEqualTo("entry.payload.checkpoint.size"));
    }

    @Test
    void aPublicationReadsAsItsPostingPeriod() {
        StatementPublished p = StatementPublished.from(entry("statement.published",
                "{\"statementId\":\"s1\",\"postingFrom\":\"2026-04-05\",\"postingUntil\":\"2026-04-19\"}"));
        assertThat(p.postingFrom()).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(p.postingUntil()).isEqualTo(LocalDate.of(2026, 4, 19));
    }

    @Test
    void anObjectionReadsAsCommitmentsAndAnAnswerDate() {
        ObjectionRaised o = ObjectionRaised.from(entry("objection.raised", """
                {"objectionId":"o1","statementId":"s1","owner":"%s","text":"%s","answerBy":"2026-04-10"}"""
                .formatted("a".repeat(64), "b".repeat(64))));
        assertThat(o.answerBy()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(o.owner()).hasSize(64);
        assertThat(ObjectionReviewed.from(entry("objection.reviewed",
                "{\"objectionId\":\"o1\",\"outcome\":\"UPHELD\",\"note\":\"属实\"}")).outcome())
                .isEqualTo(ObjectionOutcome.UPHELD);
        assertThat(ObjectionEscalated.from(entry("objection.escalated",
                "{\"objectionId\":\"o1\",\"reason\":\"DEADLINE\"}")).reason()).isEqualTo(ObjectionEscalated.DEADLINE);
    }

    @Test
    void aMissingFieldIsRefusedWithItsPath() {
        assertThatThrownBy(() -> VoucherVoided.from(entry("voucher.voided", "{\"voucherId\":\"v1\"}")))
                .isInstanceOfSatisfying(LedgerRefusal.class, r -> {
                    assertThat(r.code()).isEqualTo("entry.malformed");
                    assertThat(r.field()).isEqualTo("entry.payload.reason");
                });
    }
}
