package org.gongzhang.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.reporting.voucher.BookWork;
import org.gongzhang.reporting.voucher.BookWork.PeriodWork;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The workspace's periods of a book (the book page's period list and its 结账 checklist): every
 * period with a voucher or closed, and per period the vouchers waiting for 审核 and 记账, as
 * counted voucher by voucher from the read model's rows.
 */
class BookWorkIT extends ServiceIT {

    @Autowired
    BookWork work;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void periodsListEveryPeriodWithAVoucherOrClosedWithItsUnpostedVouchersByState() {
        TestBook book = TestBook.open(client);
        YearMonth first = book.start;
        YearMonth second = first.plusMonths(1);
        YearMonth thisMonth = YearMonth.from(book.today);
        // the first period closed without a voucher, the one after it none at all
        book.accept(book.client.next(book.reviewer, book.id, "period.closed", first.atEndOfMonth(),
                CanonicalJson.mapper().createObjectNode().put("period", first.toString())));
        // the second: two posted, one reviewed, one recorded
        book.postVoucher(voucher(book, second.atDay(3), "120.00"));
        book.postVoucher(voucher(book, second.atDay(4), "80.00"));
        ObjectNode reviewed = voucher(book, second.atDay(5), "30.00");
        book.accept(book.entry(book.preparer, "voucher.recorded", reviewed));
        book.accept(book.entry(book.reviewer, "voucher.reviewed", TestBook.idOf(reviewed)));
        book.accept(book.entry(book.preparer, "voucher.recorded", voucher(book, second.atDay(6), "20.00")));
        // this month: one recorded, one voided
        book.accept(book.entry(book.preparer, "voucher.recorded", voucher(book, book.today, "15.00")));
        ObjectNode voided = voucher(book, book.today, "16.00");
        book.accept(book.entry(book.preparer, "voucher.recorded", voided));
        book.accept(book.entry(book.preparer, "voucher.voided", TestBook.idOf(voided).put("reason", "重复录入")));
        book.awaitReports();

        List<PeriodWork> periods = work.periods(book.id);
        // the book starts three months before this one
        assertThat(periods).containsExactly(new PeriodWork(thisMonth.toString(), 1, 0, false),
                new PeriodWork(second.toString(), 1, 1, false), new PeriodWork(first.toString(), 0, 0, true));
        assertThat(periods).isEqualTo(countedRowByRow(book.id));
    }

    @Test
    void theDemoBooksPeriodsAreThoseCountedRowByRow() {
        for (String book : List.of("lanyuan-public", "guiyuan-public")) {
            List<PeriodWork> periods = work.periods(book);
            assertThat(periods).as(book).hasSizeGreaterThan(3).anyMatch(PeriodWork::closed);
            assertThat(periods).as(book).isEqualTo(countedRowByRow(book));
        }
    }

    @Test
    void aBookWithoutVouchersOrClosedPeriodsHasNoPeriods() {
        assertThat(work.periods("no-such-book")).isEmpty();
    }

    private static ObjectNode voucher(TestBook book, LocalDate date, String amount) {
        ObjectNode voucher = book.voucherHeader("收", date);
        ArrayNode lines = voucher.putArray("lines");
        lines.addObject().put("summary", "收停车费").put("account", "100201").put("debit", amount);
        lines.addObject().put("summary", "收停车费").put("account", "470101").put("credit", amount);
        return voucher;
    }

    /** The same, from every voucher row and closed period of the book, latest period first. */
    private List<PeriodWork> countedRowByRow(String book) {
        Map<String, int[]> counts = new TreeMap<>(Comparator.reverseOrder());
        jdbc.query("select period, status from report_voucher where book_id = ?", rs -> {
            int[] c = counts.computeIfAbsent(rs.getString(1), p -> new int[3]);
            switch (rs.getString(2)) {
                case "RECORDED" -> c[0]++;
                case "REVIEWED" -> c[1]++;
                default -> { }
            }
        }, book);
        jdbc.query("select period from report_closed_period where book_id = ?",
                rs -> {
                    counts.computeIfAbsent(rs.getString(1), p -> new int[3])[2] = 1;
                }, book);
        return counts.entrySet().stream()
                .map(e -> new PeriodWork(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2] == 1))
                .toList();
    }
}
