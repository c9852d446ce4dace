package org.gongzhang.service.disclosure;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.log.BookAudit;
import org.gongzhang.service.log.BundleDownloads;
import org.gongzhang.service.log.BundleTags;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.gongzhang.reporting.pdf.ReportPdfs;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Statements (公示表) and their objections. Reading is public — versions, figures, bundles,
 * objections' status and answers — except who objected and what they wrote. Each change is
 * checked for role and scope, then signed by the caller's registered key.
 */
@RestController
@RequestMapping("/api/books/{book}")
class StatementController {

    record Draft(String from, String to, String threshold, String corrects, String reason) {
    }

    record Publish(Integer postingDays) {
    }

    record Reason(String reason) {
    }

    record Text(String text) {
    }

    record Answer(String answer) {
    }

    record Review(String outcome, String note) {
    }

    record Detail(StatementVersion version, String content, List<Objections.Objection> objections) {
    }

    private static final AccessRole[] ANSWERING = {AccessRole.COMMITTEE_CHAIR, AccessRole.COMMITTEE_MEMBER,
            AccessRole.AGENT_PREPARER, AccessRole.AGENT_REVIEWER};

    private final Access access;
    private final BookDirectory books;
    private final StatementPublication publication;
    private final StatementVersions versions;
    private final Objections objections;
    private final BookAudit audit;
    private final PublishedSheets sheets;
    private final ReportPdfs pdfs;
    private final BundleTags tags;

    StatementController(Access access, BookDirectory books, StatementPublication publication,
            StatementVersions versions, Objections objections, BookAudit audit, PublishedSheets sheets,
            ReportPdfs pdfs, BundleTags tags) {
        this.tags = tags;
        this.sheets = sheets;
        this.pdfs = pdfs;
        this.access = access;
        this.books = books;
        this.publication = publication;
        this.versions = versions;
        this.objections = objections;
        this.audit = audit;
    }

    @GetMapping("/statements")
    List<StatementVersion> list(@PathVariable String book) {
        books.require(book);
        return versions.all(book);
    }

    @GetMapping("/statements/{id}")
    Detail detail(@PathVariable String book, @PathVariable String id) {
        StatementVersion version = version(book, id);
        return new Detail(version, versions.content(version.contentSha256()).orElseThrow(), objections.of(book, id));
    }

    /** The exact statement.json the draft's contentHash commits to. */
    @GetMapping(path = "/statements/{id}/statement.json", produces = MediaType.APPLICATION_JSON_VALUE)
    String content(@PathVariable String book, @PathVariable String id) {
        return versions.content(version(book, id).contentSha256()).orElseThrow();
    }

    /**
     * Everything {@code ./ledger verify} needs: the log up to the latest checkpoint and this
     * statement.json; 304 without reading the log when the client holds it as it stands ({@link BundleTags}).
     */
    @GetMapping(path = "/statements/{id}/bundle", produces = "application/zip")
    void bundle(@PathVariable String book, @PathVariable String id, WebRequest request, HttpServletResponse response)
            throws IOException {
        StatementVersion version = version(book, id);
        String backs = "statement.json " + version.contentSha256();
        Optional<String> held = tags.current(book, null, backs);
        if (held.isPresent() && request.checkNotModified(held.get())) {
            return;
        }
        BookAudit.Spooled bundle = audit.spool(book, null,
                Optional.of(versions.content(version.contentSha256()).orElseThrow()));
        BundleDownloads.send(bundle, BundleTags.of(book, bundle, backs), book + "-statement-" + version.from() + "-"
                + version.to() + "-v" + version.version() + ".zip", response);
    }

    /** The version printed: its signed figures, checkpoint, signatories, 公示期 and the QR code of its page. */
    @GetMapping(path = "/statements/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String book, @PathVariable String id,
            @RequestParam(required = false) String lang) {
        StatementVersion version = version(book, id);
        Locale locale = lang != null ? ReportPdfs.language(Locale.forLanguageTag(lang))
                : ReportPdfs.language(LocaleContextHolder.getLocale());
        byte[] pdf = pdfs.statement(sheets.sheet(version), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                "inline; filename=\"" + book + "-statement-" + version.from() + "-" + version.to() + "-v"
                        + version.version() + ".pdf\"").body(pdf);
    }

    @PostMapping("/statements")
    ResponseEntity<StatementVersion> draft(@PathVariable String book, @RequestBody Draft draft) {
        StatementVersion drafted = publication.draft(access.require(book, AccessRole.AGENT_PREPARER), draft.from(),
                draft.to(), draft.threshold(), draft.corrects(), draft.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(drafted);
    }

    @PostMapping("/statements/{id}/sign")
    StatementVersion sign(@PathVariable String book, @PathVariable String id) {
        return publication.signOff(access.require(book, AccessRole.COMMUNITY_AUDITOR), id);
    }

    @PostMapping("/statements/{id}/publish")
    StatementVersion publish(@PathVariable String book, @PathVariable String id,
            @RequestBody(required = false) Publish publish) {
        return publication.publish(access.require(book, AccessRole.COMMUNITY_AUDITOR, AccessRole.AGENT_REVIEWER), id,
                publish == null ? null : publish.postingDays());
    }

    @PostMapping("/statements/{id}/withdraw")
    StatementVersion withdraw(@PathVariable String book, @PathVariable String id, @RequestBody Reason reason) {
        return publication.withdraw(access.require(book, AccessRole.AGENT_PREPARER, AccessRole.AGENT_REVIEWER), id,
                reason.reason());
    }

    @GetMapping("/statements/{id}/objections")
    List<Objections.Objection> objections(@PathVariable String book, @PathVariable String id) {
        version(book, id);
        return objections.of(book, id);
    }

    @PostMapping("/statements/{id}/objections")
    ResponseEntity<Objections.Objection> object(@PathVariable String book, @PathVariable String id,
            @RequestBody Text text) {
        Objections.Objection raised = objections.raise(access.require(book, AccessRole.OWNER), id, text.text());
        return ResponseEntity.status(HttpStatus.CREATED).body(raised);
    }

    /** Who objected and what they wrote: for that owner and for the book's staff only. */
    @GetMapping("/objections/{oid}/private")
    Objections.Private privatePart(@PathVariable String book, @PathVariable String oid) {
        objection(book, oid);
        Objections.Private part = objections.privatePart(oid).orElseThrow();
        Caller caller = access.caller();
        if (!caller.username().equals(part.username())) {
            access.require(book, AccessRole.COMMITTEE_CHAIR, AccessRole.COMMITTEE_MEMBER, AccessRole.AGENT_PREPARER,
                    AccessRole.AGENT_REVIEWER, AccessRole.COMMUNITY_AUDITOR);
        }
        return part;
    }

    @PostMapping("/objections/{oid}/accept")
    Objections.Objection accept(@PathVariable String book, @PathVariable String oid) {
        return objections.accept(access.require(book, ANSWERING), oid);
    }

    @PostMapping("/objections/{oid}/answer")
    Objections.Objection answer(@PathVariable String book, @PathVariable String oid, @RequestBody Answer answer) {
        return objections.answer(access.require(book, ANSWERING), oid, answer.answer());
    }

    @PostMapping("/objections/{oid}/review")
    Objections.Objection review(@PathVariable String book, @PathVariable String oid, @RequestBody Review review) {
        return objections.review(access.require(book, AccessRole.COMMUNITY_AUDITOR), oid, review.outcome(), review.note());
    }

    private StatementVersion version(String book, String id) {
        books.require(book);
        return versions.find(book, id)
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "statement.not-found", "statementId", id));
    }

    private Objections.Objection objection(String book, String oid) {
        books.require(book);
        return objections.find(book, oid)
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "objection.not-found", "objectionId", oid));
    }
}
