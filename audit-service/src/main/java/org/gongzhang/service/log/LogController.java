package org.gongzhang.service.log;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.verifier.Finding;
import org.gongzhang.verifier.checkpoint.LogKeyRotation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Public, read-only evidence about a book's log: the service's own verification, the latest
 * checkpoint, the bundle an auditor takes away, the log key to pin and its rotations. Signing a checkpoint on
 * demand takes a logged-in reviewer, community auditor or town officer of the book.
 */
@RestController
class LogController {

    private final BookAudit audit;
    private final LogKey logKey;
    private final StatementBundles statements;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final BundleTags tags;

    LogController(BookAudit audit, LogKey logKey, StatementBundles statements, Access access,
            ApplicationEventPublisher events, BundleTags tags) {
        this.tags = tags;
        this.access = access;
        this.events = events;
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

    /**
     * The book's bundle, or the bundle behind a statement of {@code from}…{@code to}; 304 without
     * reading the log when the client holds it as it stands ({@link BundleTags}).
     */
    @GetMapping(path = "/api/books/{book}/bundle", produces = "application/zip")
    void bundle(@PathVariable String book, @RequestParam(required = false) Long size,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String threshold, WebRequest request, HttpServletResponse response)
            throws IOException {
        boolean statement = from != null || to != null;
        String backs = statement ? "statement " + from + " " + to + " "
                + (threshold != null ? threshold : "default " + statements.defaultThreshold()) : "";
        Optional<String> held = tags.current(book, size, backs);
        if (held.isPresent() && request.checkNotModified(held.get())) {
            return;
        }
        String fileName = book + ".bundle.zip";
        BookAudit.Spooled bundle;
        if (statement) {
            bundle = statements.backed(book, size, from, to, threshold).bundle();
        } else {
            bundle = size == null ? audit.spool(book) : audit.spool(book, size, Optional.empty());
        }
        BundleDownloads.send(bundle, BundleTags.of(book, bundle, backs), fileName, response);
    }

    /** The C2SP verifier key of the log key, to pin with {@code ./ledger verify --log-key}. */
    @GetMapping(path = "/api/log-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String logKey() {
        return logKey.signer().verifierKey().toString() + "\n";
    }

    /**
     * The log key's rotations (日志密钥轮换), oldest first, each a signed note by the old and the new
     * key ({@code log-key-rotations.txt} of a bundle); empty when the key was never rotated.
     */
    @GetMapping(path = "/api/log-key/rotations", produces = MediaType.TEXT_PLAIN_VALUE)
    String rotations() {
        return logKey.rotations().toString();
    }

    /**
     * Rotates the log key (the deployment's administrator only): a new key in the key store, the
     * rotation signed by the old and the new key, sent to the witnesses; each book's next checkpoint
     * is signed by both keys. Answers 201 with the rotation note.
     */
    @PostMapping(path = "/api/log-key/rotations", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> rotate() {
        access.requireAdministratorEverywhere();
        LogKeyRotation rotation = logKey.rotate();
        events.publishEvent(new LogKeyRotated(rotation));
        return ResponseEntity.status(HttpStatus.CREATED).body(rotation.toString());
    }

    /** The verification result as served. */
    record VerifyView(String book, boolean ok, long entries, String root, long checkpointSize, List<Finding> findings) {
    }
}
