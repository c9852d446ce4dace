package org.gongzhang.service.report;

import java.util.Locale;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.reporting.api.StatementView;
import org.gongzhang.reporting.balance.TrialBalanceQueries;
import org.gongzhang.reporting.ledger.AccountLedgerQueries;
import org.gongzhang.reporting.pdf.ReportPdfs;
import org.gongzhang.reporting.statement.StatementQueries;
import org.gongzhang.reporting.voucher.VoucherQueries;
import org.gongzhang.verifier.statement.Fen;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The reports of {@link ReportController} printed as PDF, in Chinese unless {@code lang=en} or
 * an English Accept-Language asks otherwise. A request the JSON report would refuse is refused
 * the same way, as problem+json (in the language asked), and no PDF is made.
 */
@RestController
@RequestMapping("/api/books/{book}/reports")
class ReportPdfController {

    private final ReportRequests requests;
    private final TrialBalanceQueries trialBalances;
    private final AccountLedgerQueries ledgers;
    private final VoucherQueries vouchers;
    private final StatementQueries statements;
    private final StatementSheets sheets;
    private final ReportPdfs pdfs;
    private final long defaultThreshold;

    ReportPdfController(ReportRequests requests, TrialBalanceQueries trialBalances, AccountLedgerQueries ledgers,
            VoucherQueries vouchers, StatementQueries statements, StatementSheets sheets, ReportPdfs pdfs,
            @Value("${ledger.statement.item-threshold:5000.00}") String defaultThreshold) {
        this.requests = requests;
        this.trialBalances = trialBalances;
        this.ledgers = ledgers;
        this.vouchers = vouchers;
        this.statements = statements;
        this.sheets = sheets;
        this.pdfs = pdfs;
        this.defaultThreshold = Fen.parse(defaultThreshold);
    }

    /** 公共收益收支公示表, with its checkpoint and the QR code of its verify address. */
    @GetMapping("/statement.pdf")
    ResponseEntity<byte[]> statement(@PathVariable String book, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String threshold,
            @RequestParam(required = false) String lang) {
        Locale locale = language(lang);
        ReportRequests.Range range = requests.range(requests.book(book), from, to);
        StatementView figures = statements.statement(book, range.from(), range.to(),
                requests.threshold(threshold, defaultThreshold)).orElseThrow();
        return pdf(pdfs.statement(sheets.sheet(figures), locale),
                book + "-statement-" + range.from() + "-" + range.to());
    }

    /** 科目余额表. */
    @GetMapping("/trial-balance.pdf")
    ResponseEntity<byte[]> trialBalance(@PathVariable String book, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String lang) {
        Locale locale = language(lang);
        ReportRequests.Range range = requests.range(requests.book(book), from, to);
        return pdf(pdfs.trialBalance(trialBalances.trialBalance(book, range.from(), range.to()).orElseThrow(), locale),
                book + "-trial-balance-" + range.from() + "-" + range.to());
    }

    /** 三栏明细账 of one account. */
    @GetMapping("/ledger/{account}.pdf")
    ResponseEntity<byte[]> ledger(@PathVariable String book, @PathVariable String account,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String lang) {
        Locale locale = language(lang);
        ReportRequests.Range range = requests.range(requests.book(book), from, to);
        return pdf(pdfs.accountLedger(ledgers.ledger(book, account, range.from(), range.to())
                        .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "report.account.unknown", "account", account)),
                locale), book + "-ledger-" + account + "-" + range.from() + "-" + range.to());
    }

    /** 记账凭证. */
    @GetMapping("/vouchers/{voucherId}.pdf")
    ResponseEntity<byte[]> voucher(@PathVariable String book, @PathVariable String voucherId,
            @RequestParam(required = false) String lang) {
        Locale locale = language(lang);
        requests.book(book);
        return pdf(pdfs.voucher(vouchers.voucher(book, voucherId).orElseThrow(
                        () -> new LedgerRefusal(Kind.NOT_FOUND, "report.voucher.not-found", "voucherId", voucherId)),
                locale), book + "-voucher-" + voucherId);
    }

    /**
     * The language to print in: {@code lang} when given, else the request's (Accept-Language). A
     * refusal of this request then speaks the same language.
     */
    private static Locale language(String lang) {
        if (lang != null && !lang.isBlank()) {
            LocaleContextHolder.setLocale(ReportPdfs.language(Locale.forLanguageTag(lang)));
        }
        return ReportPdfs.language(LocaleContextHolder.getLocale());
    }

    private static ResponseEntity<byte[]> pdf(byte[] pdf, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf").build().toString())
                .body(pdf);
    }
}
