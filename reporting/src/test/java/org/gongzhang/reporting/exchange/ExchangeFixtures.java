package org.gongzhang.reporting.exchange;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongzhang.core.account.Account;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.VoucherWord;

/** Books, rows and files for the voucher layout tests. */
final class ExchangeFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String HEADER = String.join(",", VoucherColumn.headers());
    static final String PREPARER = "agent:li-na";

    private ExchangeFixtures() {
    }

    /** The default public-income chart with 470105 added under 4701 and then disabled, starting 2026-01. */
    static FakeBook book() {
        return new FakeBook();
    }

    /** A CSV file of the header and {@code lines}, CRLF between records, without a byte order mark. */
    static byte[] csv(String... lines) {
        return (HEADER + "\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static ImportCheck check(FakeBook book, String... lines) {
        return VoucherFileCheck.check(ExchangeFormat.CSV.read(csv(lines)), book, TODAY);
    }

    static VoucherRow debit(String date, String word, int number, String summary, String account, String name, long fen) {
        return new VoucherRow(LocalDate.parse(date), VoucherWord.byCharacter(word).orElseThrow(), number, 0, summary,
                account, name, Side.DEBIT, fen, PREPARER);
    }

    static VoucherRow credit(String date, String word, int number, String summary, String account, String name, long fen) {
        return new VoucherRow(LocalDate.parse(date), VoucherWord.byCharacter(word).orElseThrow(), number, 0, summary,
                account, name, Side.CREDIT, fen, PREPARER);
    }

    static VoucherRow withAttachments(VoucherRow row, int attachments) {
        return new VoucherRow(row.date(), row.word(), row.number(), attachments, row.summary(), row.account(),
                row.accountName(), row.side(), row.fen(), row.preparer());
    }

    /**
     * Three vouchers of March 2026: 收-1 parking fees with two attachments, 付-1 a repair on the wrong
     * account whose 摘要 needs quoting in CSV, and 付-2 the red voucher that cancels it.
     */
    static List<VoucherRow> march() {
        String repair = "小区路灯维修, 含\"LED\"灯具\n（二期）";
        String red = "注销 3月15日 付-1号凭证";
        return List.of(
                withAttachments(debit("2026-03-05", "收", 1, "收3月停车费", "100201", "业主大会账户（公共收益户）", 1_500_00), 2),
                withAttachments(credit("2026-03-05", "收", 1, "收3月停车费", "470101", "停车场地使用费", 1_500_00), 2),
                debit("2026-03-15", "付", 1, repair, "510103", "改造工程支出", 1_860_00),
                credit("2026-03-15", "付", 1, repair, "100201", "业主大会账户（公共收益户）", 1_860_00),
                debit("2026-03-18", "付", 2, red, "510103", "改造工程支出", -1_860_00),
                credit("2026-03-18", "付", 2, red, "100201", "业主大会账户（公共收益户）", -1_860_00));
    }

    /** A book as the checks see it: what is closed, the last numbers, and posted vouchers. */
    static final class FakeBook implements ImportTarget {

        final Set<Period> closed = new HashSet<>();
        final Map<String, Integer> lastNumbers = new HashMap<>();
        final Map<String, LocalDate> lastDates = new HashMap<>();
        final List<BookVoucher> posted = new ArrayList<>();
        private final ChartOfAccounts chart = ChartOfAccounts.defaultPublicIncome()
                .with(Account.of("470105", "充电桩电费差价", "4701", Side.CREDIT).disabled());

        FakeBook numbered(String period, String word, int last) {
            lastNumbers.put(period + "/" + word, last);
            return this;
        }

        FakeBook numbered(String period, String word, int last, String lastDate) {
            lastDates.put(period + "/" + word, LocalDate.parse(lastDate));
            return numbered(period, word, last);
        }

        FakeBook closed(String period) {
            closed.add(Period.parse(period));
            return this;
        }

        @Override
        public ChartOfAccounts chart() {
            return chart;
        }

        @Override
        public Period startPeriod() {
            return Period.parse("2026-01");
        }

        @Override
        public boolean isClosed(Period period) {
            return closed.contains(period);
        }

        @Override
        public int lastNumber(Period period, VoucherWord word) {
            return lastNumbers.getOrDefault(period + "/" + word.character(), 0);
        }

        @Override
        public Optional<LocalDate> lastNumberedDate(Period period, VoucherWord word) {
            return Optional.ofNullable(lastDates.get(period + "/" + word.character()));
        }

        @Override
        public List<BookVoucher> posted(VoucherWord word, int number, MonthDay day) {
            return posted.stream().filter(v -> v.word() == word && v.number() == number
                    && MonthDay.from(v.date()).equals(day)).toList();
        }
    }
}
