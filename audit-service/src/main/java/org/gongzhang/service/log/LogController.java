package org.gongzhang.service.log;

import java.util.List;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.verifier.Finding;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.bundle.BundleWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public, read-only evidence about a book's log: the service's own verification, the latest
 * checkpoint, the bundle an auditor takes away, and the log key to pin. Signing a checkpoint on
 * demand takes a logged-in reviewer, community auditor or town officer of the book.
 */
@RestController
class LogController {

    private final BookAudit audit;
    private final LogKey logKey;
    private final StatementBundles statements;
    private final Access access;

    LogController(BookAudit audit, LogKey logKey, StatementBundles statements, Access access) {
        this.access = access;
        this.audit = audit;
        this.logKey = logKey;
        this.statements = statements;
    }

    /** The service's verification of what it stores now; {@code ok} false lists every finding. */
    @GetMapping("/api/books/{book}/verify")
    VerifyView verify(@PathVariable String book) {
        BookAudit.Audit result = audit.audit(book);
        return new VerifyView(result.book(), result.ok(), result.entries(), result.root(),
                result.checkpoint().map(Checkpoints.Stored::size).orElse(0L), result.findings());
    }

    @PostMapping(path = "/api/books/{book}/checkpoints", produces = MediaType.TEXT_PLAIN_VALUE)
    String checkpoint(@PathVariable String book) {
        access.require(book, AccessRole.AGENT_REVIEWER, AccessRole.COMMUNITY_AUDITOR, AccessRole.TOWN_OFFICER);
        return audit.checkpoint(book).note();
    }

    @GetMapping(path = "/api/books/{book}/bundle", produces = "application/zip")
    ResponseEntity<byte[]> bundle(@PathVariable String book, @RequestParam(required = false) Long size,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String threshold) {
        Bundle bundle;
        if (from != null || to != null) {
            bundle = statements.bundle(book, size, from, to, threshold);
        } else {
            bundle = size == null ? audit.bundle(book) : audit.bundle(book, size);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + book + ".bundle.zip\"")
                .body(BundleWriter.toBytes(bundle));
    }

    /** The C2SP verifier key of the log key, to pin with {@code ./ledger verify --log-key}. */
    @GetMapping(path = "/api/log-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String logKey() {
        return logKey.signer().verifierKey().toString() + "\n";
    }

    /** The verification result as served. */
    record VerifyView(String book, boolean ok, long entries, String root, long checkpointSize, List<Finding> findings) {
    }
}
