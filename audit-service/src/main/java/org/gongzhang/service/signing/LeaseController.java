package org.gongzhang.service.signing;

import java.util.Map;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A book's lease over HTTP ({@link LeaseGrants}, docs/signing.md). Most lease requests are answered
 * ahead of this controller ({@link LeasePosts}); one that failed there comes here with its failure,
 * which is raised as the request's own.
 */
@RestController
@RequestMapping("/api/books/{book}/lease")
class LeaseController {

    private final LeaseGrants grants;

    LeaseController(LeaseGrants grants) {
        this.grants = grants;
    }

    /** 200 with the lease once it is this writer's turn; 503 {@code book.lease.busy} if it was not within {@code wait}. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> take(@PathVariable String book, @RequestBody String body,
            @RequestParam(defaultValue = "" + LeaseGrants.DEFAULT_WAIT_SECONDS) int wait,
            @RequestAttribute(name = LeasePosts.FAILED, required = false) RuntimeException failedAhead) {
        if (failedAhead != null) {
            throw failedAhead;
        }
        return grants.take(book, body, wait);
    }

    /** 204: the lease ends now, and the next writer's turn begins. 404 if it is not the book's lease (used, expired and replaced, or never). */
    @DeleteMapping("/{lease}")
    ResponseEntity<Void> release(@PathVariable String book, @PathVariable String lease) {
        if (!grants.release(book, lease)) {
            throw new LedgerRefusal(Kind.NOT_FOUND, "lease.not-found", "lease", lease);
        }
        return ResponseEntity.noContent().build();
    }
}
