package org.gongzhang.service.workspace;

import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.core.period.Period;
import org.gongzhang.reporting.api.AccountLedgerView;
import org.gongzhang.reporting.api.ReportedBook;
import org.gongzhang.reporting.api.TrialBalanceView;
import org.gongzhang.reporting.balance.TrialBalanceQueries;
import org.gongzhang.reporting.ledger.AccountLedgerQueries;
import org.gongzhang.reporting.ledger.LedgerRows;
import org.gongzhang.service.report.ReportRequests;
import org.gongzhang.service.signing.Signing;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Reports on pages: 科目余额表 → 三栏明细账 of an account → the voucher, each printable (PDF) and exportable. */
@Controller
class ReportPages {

    private final BookWorkspace workspace;
    private final ReportRequests requests;
    private final TrialBalanceQueries trialBalances;
    private final AccountLedgerQueries ledgers;
    private final ReadModelWait readModel;
    private final Signing signing;

    ReportPages(BookWorkspace workspace, ReportRequests requests, TrialBalanceQueries trialBalances,
            AccountLedgerQueries ledgers, ReadModelWait readModel, Signing signing) {
        this.workspace = workspace;
        this.requests = requests;
        this.trialBalances = trialBalances;
        this.ledgers = ledgers;
        this.readModel = readModel;
        this.signing = signing;
    }

    @GetMapping("/staff/books/{book}/trial-balance")
    String trialBalance(@PathVariable String book, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Long after, Model model) {
        BookWorkspace.InBook here = workspace.require(book);
        readModel.until(here.book(), after);
        ReportRequests.Range range = shown(book, from, to);
        TrialBalanceView view = trialBalances.trialBalance(book, range.from(), range.to()).orElseThrow();
        model.addAttribute("book", here.book());
        model.addAttribute("tb", view);
        model.addAttribute("from", range.from().toString());
        model.addAttribute("to", range.to().toString());
        return "workspace/trial-balance";
    }

    @GetMapping("/staff/books/{book}/ledger/{account}")
    String ledger(@PathVariable String book, @PathVariable String account, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        BookWorkspace.InBook here = workspace.require(book);
        ReportRequests.Range range = shown(book, from, to);
        Period start = LedgerRows.yearStart(range.from(), Period.parse(here.book().startPeriod()));
        AccountLedgerView year = ledgers.ledger(book, account, start, range.to())
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "report.account.unknown", "account", account));
        model.addAttribute("book", here.book());
        model.addAttribute("ledger", year);
        model.addAttribute("rows", LedgerRows.of(year, range.from(), range.to()));
        model.addAttribute("from", range.from().toString());
        model.addAttribute("to", range.to().toString());
        return "workspace/ledger";
    }

    /**
     * The periods a page shows: those asked for; without them this month's (the book's first, for a
     * book that starts later), as a person who opens the page from a bookmark expects; one given alone
     * stands for both.
     */
    private ReportRequests.Range shown(String book, String from, String to) {
        ReportedBook reported = requests.book(book);
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        if (noFrom && noTo) {
            String shown = BookWorkspace.thisMonthOrFirst(signing.today(), reported.startPeriod()).toString();
            return requests.range(reported, shown, shown);
        }
        return requests.range(reported, noFrom ? to : from, noTo ? from : to);
    }
}
