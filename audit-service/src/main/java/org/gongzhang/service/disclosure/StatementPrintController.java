package org.gongzhang.service.disclosure;

import java.util.Locale;
import java.util.Optional;
import org.gongzhang.reporting.api.StatementSheet;
import org.gongzhang.reporting.api.StatementView;
import org.gongzhang.reporting.pdf.ReportPdfs;
import org.gongzhang.reporting.statement.StatementQueries;
import org.gongzhang.service.report.PdfAnswers;
import org.gongzhang.service.report.ReportRequests;
import org.gongzhang.service.report.StatementSheets;
import org.gongzhang.verifier.statement.Fen;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 公共收益收支公示表 printed from the reports. A period whose statement was published prints that
 * published version — its signed figures, 公示期 and page — not the books as they stand today,
 * which may have moved on; any other period prints today's figures as a draft (草稿), so that a
 * printout can never pass for the posted statement. Refusals as {@code ReportPdfController}'s.
 */
@RestController
@RequestMapping("/api/books/{book}/reports")
class StatementPrintController {

    private final ReportRequests requests;
    private final StatementQueries statements;
    private final StatementSheets sheets;
    private final StatementVersions versions;
    private final PublishedSheets published;
    private final ReportPdfs pdfs;
    private final long defaultThreshold;

    StatementPrintController(ReportRequests requests, StatementQueries statements, StatementSheets sheets,
            StatementVersions versions, PublishedSheets published, ReportPdfs pdfs,
            @Value("${ledger.statement.item-threshold:5000.00}") String defaultThreshold) {
        this.requests = requests;
        this.statements = statements;
        this.sheets = sheets;
        this.versions = versions;
        this.published = published;
        this.pdfs = pdfs;
        this.defaultThreshold = Fen.parse(defaultThreshold);
    }

    /** With its checkpoint and the QR code of its verify address; {@code threshold} only for a draft. */
    @GetMapping("/statement.pdf")
    ResponseEntity<byte[]> statement(@PathVariable String book, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String threshold,
            @RequestParam(required = false) String lang) {
        Locale locale = PdfAnswers.language(lang);
        ReportRequests.Range range = requests.range(requests.book(book), from, to);
        Optional<StatementVersion> current = versions.published(book).stream()
                .filter(v -> v.from().equals(range.from().toString()) && v.to().equals(range.to().toString())
                        && v.supersededBy() == null)
                .findFirst();
        String name = book + "-statement-" + range.from() + "-" + range.to();
        if (current.isPresent()) {
            StatementSheet sheet = published.sheet(current.get());
            return PdfAnswers.pdf(pdfs.statement(sheet, locale), name + "-v" + current.get().version());
        }
        StatementView figures = statements.statement(book, range.from(), range.to(),
                requests.threshold(threshold, defaultThreshold)).orElseThrow();
        return PdfAnswers.pdf(pdfs.statement(sheets.sheet(figures), locale), name + "-draft");
    }
}
