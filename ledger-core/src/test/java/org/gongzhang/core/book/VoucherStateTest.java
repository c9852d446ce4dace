package org.gongzhang.core.book;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.money.Money;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.core.voucher.VoucherStatus;
import org.gongzhang.core.voucher.VoucherWord;
import org.junit.jupiter.api.Test;

/** A cached book holds every voucher's state: what vouchers repeat is held once. */
class VoucherStateTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void vouchersRecordedApartShareTheirPreparerDatePeriodAndAccounts() {
        VoucherState first = recorded(1234567);
        VoucherState second = recorded(100);

        assertThat(second.preparer()).isEqualTo("agent:li-na").isSameAs(first.preparer());
        assertThat(second.date()).isEqualTo("2026-03-15").isSameAs(first.date());
        assertThat(second.period()).isSameAs(first.period());
        assertThat(second.lines().get(0).account()).isEqualTo(AccountCode.of("100201"))
                .isSameAs(first.lines().get(0).account());
        assertThat(second.lines().get(1).account()).isSameAs(first.lines().get(1).account());
        assertThat(second.lines().get(1).amount()).isEqualTo(Money.ofFen(100));
    }

    @Test
    void aStateRestoredFromASnapshotSharesThemToo() throws Exception {
        VoucherState kept = recorded(1234567).posted(7);
        VoucherState restored = mapper.readValue(mapper.writeValueAsString(kept), VoucherState.class);

        assertThat(restored).isEqualTo(kept);
        assertThat(restored.date()).isSameAs(kept.date());
        assertThat(restored.preparer()).isSameAs(kept.preparer());
        assertThat(restored.period()).isSameAs(kept.period());
        assertThat(restored.lines().get(0).account()).isSameAs(kept.lines().get(0).account());
    }

    @Test
    void aChangeOfStatusKeepsTheLinesAsTheyAre() {
        VoucherState recorded = recorded(500);

        VoucherState posted = recorded.with(VoucherStatus.REVIEWED).posted(3);

        assertThat(posted.lines()).isSameAs(recorded.lines());
        assertThat(posted.number()).isEqualTo(3);
        assertThat(posted.status()).isEqualTo(VoucherStatus.POSTED);
    }

    /** Each call builds its values afresh, as parsing an entry does. */
    private static VoucherState recorded(long fen) {
        List<VoucherLine> lines = List.of(
                new VoucherLine("收3月停车费", AccountCode.of(new String("100201".toCharArray())), Side.DEBIT, Money.ofFen(fen)),
                new VoucherLine("收3月停车费", AccountCode.of(new String("470101".toCharArray())), Side.CREDIT, Money.ofFen(fen)));
        return VoucherState.recorded(new String("agent:li-na".toCharArray()), VoucherWord.JI,
                LocalDate.of(2026, 3, 15), lines);
    }
}
