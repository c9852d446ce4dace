package org.gongzhang.service.report;

import java.util.Locale;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.core.period.Period;
import org.gongzhang.reporting.api.AccountLedgerView;
import org.gongzhang.reporting.api.ReportedBook;
import org.gongzhang.reporting.balance.TrialBalanceQueries;
import org.gongzhang.reporting.exchange.ExchangeFormat;
import org.gongzhang.reporting.ledger.AccountLedgerQueries;
import org.gongzhang.reporting.ledger.LedgerRows;
import org.gongzhang.reporting.xlsx.ReportWorkbooks;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 科目余额表 and the 三栏明细账 as xlsx, beside their PDFs: the same figures, periods and
 * language ({@code lang}, else Accept-Language) as {@link ReportPdfController}, refused the same way.
 */
@RestController
@RequestMapping("/api/books/{book}/reports")
class ReportXlsxController {

    private final ReportRequests requests;
    private final TrialBalanceQueries trialBalances;
    private final AccountLedgerQueries ledgers;

    ReportXlsxController(ReportRequests requests, TrialBalanceQueries trialBalances, AccountLedgerQueries ledgers) {
        this.requests = requests;
        this.trialBalances = trialBalances;
        this.ledgers = ledgers;
    }

    @GetMapping("/trial-balance.xlsx")
    ResponseEntity<byte[]> trialBalance(@PathVariable String book, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String lang) {
        Locale locale = PdfAnswers.language(lang);
        ReportRequests.Range range = requests.range(requests.book(book), from, to);
        return xlsx(ReportWorkbooks.trialBalance(trialBalances.trialBalance(book, range.from(), range.to()).orElseThrow(),
                locale), book + "-trial-balance-" + range.from() + "-" + range.to());
    }

    /** With 本月合计 and 本年累计 after each month, so the ledger is read from January (or the book's start). */
    @GetMapping("/ledger/{account}.xlsx")
    ResponseEntity<byte[]> ledger(@PathVariable String book, @PathVariable String account,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String lang) {
        Locale locale = PdfAnswers.language(lang);
        ReportedBook reported = requests.book(book);
        ReportRequests.Range range = requests.range(reported, from, to);
        Period start = LedgerRows.yearStart(range.from(), Period.parse(reported.startPeriod()));
        AccountLedgerView year = ledgers.ledger(book, account, start, range.to())
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "report.account.unknown", "account", account));
        return xlsx(ReportWorkbooks.accountLedger(year, LedgerRows.of(year, range.from(), range.to()), reported.name(),
                range.from().toString(), range.to().toString(), locale),
                book + "-ledger-" + account + "-" + range.from() + "-" + range.to());
    }

    private static ResponseEntity<byte[]> xlsx(byte[] workbook, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ExchangeFormat.XLSX.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".xlsx").build().toString())
                .body(workbook);
    }
}
