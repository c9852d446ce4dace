package org.gongzhang.service.report;

import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.reporting.api.AccountLedgerView;
import org.gongzhang.reporting.api.ReportedBook;
import org.gongzhang.reporting.api.StatementView;
import org.gongzhang.reporting.api.TrialBalanceView;
import org.gongzhang.reporting.api.VoucherListView;
import org.gongzhang.reporting.api.VoucherView;
import org.gongzhang.reporting.balance.TrialBalanceQueries;
import org.gongzhang.reporting.ledger.AccountLedgerQueries;
import org.gongzhang.reporting.statement.StatementQueries;
import org.gongzhang.reporting.voucher.VoucherQueries;
import org.gongzhang.verifier.statement.Fen;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports of one book from the reporting read model. Each answer gives {@code appliedIndex}, the
 * last entry of the book's log the read model had applied: the report is current when it is the
 * book's {@code size - 1} (see {@code /head}).
 */
@RestController
@RequestMapping("/api/books/{book}/reports")
class ReportController {

    private final ReportRequests requests;
    private final TrialBalanceQueries trialBalances;
    private final AccountLedgerQueries ledgers;
    private final VoucherQueries vouchers;
    private final StatementQueries statements;
    private final long defaultThreshold;

    ReportController(ReportRequests requests, TrialBalanceQueries trialBalances, AccountLedgerQueries ledgers,
            VoucherQueries vouchers, StatementQueries statements,
            @Value("${ledger.statement.item-threshold:5000.00}") String defaultThreshold) {
        this.requests = requests;
        this.trialBalances = trialBalances;
        this.ledgers = ledgers;
        this.vouchers = vouchers;
        this.statements = statements;
        this.defaultThreshold = Fen.parse(defaultThreshold);
    }

    /** 科目余额表. */
    @GetMapping("/trial-balance")
    TrialBalanceView trialBalance(@PathVariable String book, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        ReportRequests.Range range = requests.range(requests.book(book), from, to);
        return trialBalances.trialBalance(book, range.from(), range.to()).orElseThrow();
    }

    /** 三栏明细账 of one account, its descendants included. */
    @GetMapping("/ledger/{account}")
    AccountLedgerView ledger(@PathVariable String book, @PathVariable String account,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ReportRequests.Range range = requests.range(requests.book(book), from, to);
        return ledgers.ledger(book, account, range.from(), range.to())
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "report.account.unknown", "account", account));
    }

    /** The vouchers of one period in every state. */
    @GetMapping("/vouchers")
    VoucherListView vouchers(@PathVariable String book, @RequestParam(required = false) String period) {
        ReportedBook known = requests.book(book);
        return vouchers.vouchers(book, requests.period(known, period, "period")).orElseThrow();
    }

    /** One voucher with its lines. */
    @GetMapping("/vouchers/{voucherId}")
    VoucherView voucher(@PathVariable String book, @PathVariable String voucherId) {
        requests.book(book);
        return vouchers.voucher(book, voucherId)
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "report.voucher.not-found", "voucherId", voucherId));
    }

    /** The figures of a 收支公示表, itemising spending at or above {@code threshold} yuan. */
    @GetMapping("/statement")
    StatementView statement(@PathVariable String book, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String threshold) {
        ReportRequests.Range range = requests.range(requests.book(book), from, to);
        return statements.statement(book, range.from(), range.to(), requests.threshold(threshold, defaultThreshold))
                .orElseThrow();
    }
}
