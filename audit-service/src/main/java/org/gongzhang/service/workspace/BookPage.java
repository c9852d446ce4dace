package org.gongzhang.service.workspace;

import java.util.List;

import org.gongzhang.core.period.Period;
import org.gongzhang.reporting.api.VoucherSummary;
import org.gongzhang.reporting.balance.TrialBalanceQueries;
import org.gongzhang.reporting.voucher.BookWork;
import org.gongzhang.reporting.voucher.VoucherQueries;
import org.gongzhang.service.signing.Signing;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A book's workspace (账套): its vouchers period by period with filters, 审核 and 记账 of the
 * selected ones, and 结账 with its checklist (every voucher posted, the trial balance balanced).
 */
@Controller
class BookPage {

    /** 结账 of the next period to close: what stands in its way. */
    record Closing(String period, int unposted, boolean balanced, boolean ready) {
    }

    private final BookWorkspace workspace;
    private final BookWork work;
    private final VoucherQueries vouchers;
    private final TrialBalanceQueries trialBalances;
    private final ReadModelWait readModel;
    private final People people;
    private final Signing signing;

    BookPage(BookWorkspace workspace, BookWork work, VoucherQueries vouchers, TrialBalanceQueries trialBalances,
            ReadModelWait readModel, People people, Signing signing) {
        this.workspace = workspace;
        this.work = work;
        this.vouchers = vouchers;
        this.trialBalances = trialBalances;
        this.readModel = readModel;
        this.people = people;
        this.signing = signing;
    }

    @GetMapping("/staff/books/{book}")
    String book(@PathVariable String book, @RequestParam(required = false) String period,
            @RequestParam(required = false) String status, @RequestParam(required = false) String word,
            @RequestParam(required = false) Long after, Model model) {
        BookWorkspace.InBook here = workspace.require(book);
        model.addAttribute("current", readModel.until(here.book(), after));
        List<BookWork.PeriodWork> periods = work.periods(book);
        Period shown = shownPeriod(period, periods, here.book().startPeriod());
        List<VoucherSummary> list = vouchers.vouchers(book, shown).map(v -> v.vouchers()).orElse(List.of()).stream()
                .filter(v -> status == null || status.isBlank() || v.status().equals(status))
                .filter(v -> word == null || word.isBlank() || v.word().equals(word))
                .toList();
        model.addAttribute("here", here);
        model.addAttribute("book", here.book());
        model.addAttribute("periods", periods);
        model.addAttribute("period", shown.toString());
        model.addAttribute("status", status);
        model.addAttribute("word", word);
        model.addAttribute("vouchers", list);
        model.addAttribute("names", people.names());
        model.addAttribute("closing", closing(book, here.book().startPeriod(), periods));
        model.addAttribute("lastClosed", work.lastClosed(book));
        return "workspace/book";
    }

    /**
     * The period asked for; without one, the earliest with vouchers not yet posted, else what the
     * report pages show without one ({@link BookWorkspace#thisMonthOrFirst}).
     */
    private Period shownPeriod(String asked, List<BookWork.PeriodWork> periods, String startPeriod) {
        if (asked != null && !asked.isBlank()) {
            try {
                return Period.parse(asked.strip());
            } catch (IllegalArgumentException e) {
                // an unreadable period shows the default one
            }
        }
        return periods.stream().filter(p -> p.unposted() > 0).map(p -> Period.parse(p.period()))
                .reduce((later, earlier) -> earlier)
                .orElseGet(() -> BookWorkspace.thisMonthOrFirst(signing.today(), startPeriod));
    }

    private Closing closing(String book, String startPeriod, List<BookWork.PeriodWork> periods) {
        String last = work.lastClosed(book);
        Period next = last == null ? Period.parse(startPeriod) : Period.parse(last).next();
        if (next.isAfter(Period.of(signing.today()))) {
            return null;
        }
        int unposted = periods.stream().filter(p -> p.period().equals(next.toString()))
                .mapToInt(BookWork.PeriodWork::unposted).sum();
        boolean balanced = trialBalances.trialBalance(book, next, next).map(t -> t.balanced()).orElse(false);
        return new Closing(next.toString(), unposted, balanced, unposted == 0 && balanced);
    }

}
