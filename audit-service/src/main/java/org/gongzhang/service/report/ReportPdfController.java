package org.gongzhang.service.report;

import java.util.Locale;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.reporting.api.ReportedBook;
import org.gongzhang.reporting.api.VoucherView;
import org.gongzhang.reporting.balance.TrialBalanceQueries;
import org.gongzhang.reporting.ledger.AccountLedgerQueries;
import org.gongzhang.reporting.pdf.ReportPdfs;
import org.gongzhang.reporting.voucher.VoucherQueries;
import org.gongzhang.service.book.PeopleNames;
import org.gongzhang.service.signing.SignedBy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports of {@link ReportController} printed as PDF, in Chinese unless {@code lang=en} or
 * an English Accept-Language asks otherwise; the book and people by name. (The statement, 公示表, prints from
 * {@code disclosure}, which knows whether its period was published.) A request the JSON report would refuse is refused
 * the same way, as problem+json (in the language asked), and no PDF is made.
 */
@RestController
@RequestMapping("/api/books/{book}/reports")
class ReportPdfController {

    private final ReportRequests requests;
    private final TrialBalanceQueries trialBalances;
    private final AccountLedgerQueries ledgers;
    private final VoucherQueries vouchers;
    private final ReportPdfs pdfs;
    private final PeopleNames people;
    private final SignedBy signedBy;

    ReportPdfController(ReportRequests requests, TrialBalanceQueries trialBalances, AccountLedgerQueries ledgers,
            VoucherQueries vouchers, ReportPdfs pdfs, PeopleNames people, SignedBy signedBy) {
        this.signedBy = signedBy;
        this.requests = requests;
        this.trialBalances = trialBalances;
        this.ledgers = ledgers;
        this.vouchers = vouchers;
        this.pdfs = pdfs;
        this.people = people;
    }

    /** 科目余额表. */
    @GetMapping("/trial-balance.pdf")
    ResponseEntity<byte[]> trialBalance(@PathVariable String book, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String lang) {
        Locale locale = PdfAnswers.language(lang);
        ReportRequests.Range range = requests.range(requests.book(book), from, to);
        return PdfAnswers.pdf(pdfs.trialBalance(trialBalances.trialBalance(book, range.from(), range.to()).orElseThrow(), locale),
                book + "-trial-balance-" + range.from() + "-" + range.to());
    }

    /** 三栏明细账 of one account. */
    @GetMapping("/ledger/{account}.pdf")
    ResponseEntity<byte[]> ledger(@PathVariable String book, @PathVariable String account,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String lang) {
        Locale locale = PdfAnswers.language(lang);
        ReportedBook reported = requests.book(book);
        ReportRequests.Range range = requests.range(reported, from, to);
        return PdfAnswers.pdf(pdfs.accountLedger(ledgers.ledger(book, account, range.from(), range.to())
                        .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "report.account.unknown", "account", account)),
                reported.name(), locale), book + "-ledger-" + account + "-" + range.from() + "-" + range.to());
    }

    /** 记账凭证, each signature marked 本人签名 or 服务代签. */
    @GetMapping("/vouchers/{voucherId}.pdf")
    ResponseEntity<byte[]> voucher(@PathVariable String book, @PathVariable String voucherId,
            @RequestParam(required = false) String lang) {
        Locale locale = PdfAnswers.language(lang);
        ReportedBook reported = requests.book(book);
        PeopleNames.Names names = people.of(book);
        VoucherView voucher = vouchers.voucher(book, voucherId).orElseThrow(
                () -> new LedgerRefusal(Kind.NOT_FOUND, "report.voucher.not-found", "voucherId", voucherId));
        return PdfAnswers.pdf(pdfs.voucher(voucher.withPeople(names::of), reported.name(),
                signedBy.voucher(book, voucher.voucher()), locale), book + "-voucher-" + voucherId);
    }
}
