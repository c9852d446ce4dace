package org.gongzhang.service.exchange;

import java.util.List;
import org.gongzhang.reporting.exchange.ExchangeFormat;
import org.gongzhang.reporting.exchange.ExchangeQueries;
import org.gongzhang.reporting.exchange.ExportedVouchers;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.PeopleNames;
import org.gongzhang.service.report.ReportRequests;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Acting;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vouchers in the 用友/金蝶 layout: posted vouchers of some periods exported as xlsx or CSV (from
 * the reporting read model, 制单人 by name; the {@value #APPLIED_INDEX} header says how far it had read the log),
 * a file in that layout imported, and the book's imports listed.
 */
@RestController
@RequestMapping("/api/books/{book}")
class ExchangeController {

    static final String APPLIED_INDEX = "Ledger-Applied-Index";

    private final ReportRequests requests;
    private final ExchangeQueries exchange;
    private final VoucherImports imports;
    private final ImportRecords records;
    private final BookDirectory directory;
    private final Access access;
    private final PeopleNames people;

    ExchangeController(ReportRequests requests, ExchangeQueries exchange, VoucherImports imports, ImportRecords records,
            BookDirectory directory, Access access, PeopleNames people) {
        this.access = access;
        this.people = people;
        this.requests = requests;
        this.exchange = exchange;
        this.imports = imports;
        this.records = records;
        this.directory = directory;
    }

    @GetMapping("/exports/vouchers.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String book, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return export(book, from, to, ExchangeFormat.XLSX);
    }

    @GetMapping("/exports/vouchers.csv")
    ResponseEntity<byte[]> csv(@PathVariable String book, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return export(book, from, to, ExchangeFormat.CSV);
    }

    private ResponseEntity<byte[]> export(String book, String from, String to, ExchangeFormat format) {
        ReportRequests.Range range = requests.range(requests.book(book), from, to);
        ExportedVouchers vouchers = exchange.export(book, range.from(), range.to()).orElseThrow();
        PeopleNames.Names names = people.of(book);
        String name = book + "-vouchers-" + range.from() + "-" + range.to() + "." + format.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(APPLIED_INDEX, Long.toString(vouchers.appliedIndex()))
                .body(format.write(vouchers.rows().stream().map(r -> r.withPreparerNamed(names::of)).toList()));
    }

    /**
     * Imports an xlsx or CSV file (told apart by its first bytes) sent as the request body: 201 with
     * the import record when every voucher was written, else problem+json.
     */
    @PostMapping(path = "/imports/vouchers", consumes = MediaType.ALL_VALUE)
    ResponseEntity<ImportRecord> importVouchers(@PathVariable String book,
            @RequestBody(required = false) byte[] content,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestParam(required = false) String fileName,
            @RequestHeader(value = REVIEWER_HEADER, required = false) String reviewerToken) {
        ActingStaff staff = staff(book, reviewerToken);
        VoucherImports.Upload upload = new VoucherImports.Upload(content == null ? new byte[0] : content, contentType,
                fileName);
        return ResponseEntity.status(HttpStatus.CREATED).body(imports.importFile(book, upload, staff));
    }

    /**
     * 检查 a file without writing anything: 200 with its vouchers when every row passes (for the
     * preparer to record them one by one, each an entry of their own), else the same problem+json
     * as an import, every problem by row and column.
     */
    @PostMapping(path = "/imports/vouchers/check", consumes = MediaType.ALL_VALUE)
    ImportPreview checkVouchers(@PathVariable String book, @RequestBody(required = false) byte[] content,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestParam(required = false) String fileName) {
        access.require(book, AccessRole.AGENT_PREPARER);
        return ImportPreview.of(imports.check(book,
                new VoucherImports.Upload(content == null ? new byte[0] : content, contentType, fileName)));
    }

    /**
     * Who acts for an import: the logged-in preparer records, and the reviewer — a different person
     * who co-authenticates the same request with their own token in {@value #REVIEWER_HEADER} —
     * reviews and posts. Nobody signs with another person's key.
     */
    private ActingStaff staff(String book, String reviewerToken) {
        Acting preparer = access.require(book, AccessRole.AGENT_PREPARER);
        Acting reviewer = access.requireToken(reviewerToken, book, AccessRole.AGENT_REVIEWER);
        return new ActingStaff(preparer.actor(), reviewer.actor());
    }

    static final String REVIEWER_HEADER = "Reviewer-Authorization";

    @GetMapping("/imports")
    List<ImportRecord> imports(@PathVariable String book) {
        directory.require(book);
        return records.all(book);
    }
}
