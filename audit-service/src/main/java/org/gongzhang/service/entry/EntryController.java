package org.gongzhang.service.entry;

import java.time.Duration;
import java.util.List;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A book's log over HTTP: append a client-signed entry, read the head to sign the next one, read
 * entries back exactly as signed.
 */
@RestController
@RequestMapping("/api/books/{book}")
class EntryController {

    private static final int MAX_PAGE = 1000;

    private final EntrySubmissions submissions;
    private final LedgerIndex index;
    private final StoredEntries stored;
    private final NextLeases nextLeases;

    EntryController(EntrySubmissions submissions, LedgerIndex index, StoredEntries stored, NextLeases nextLeases) {
        this.nextLeases = nextLeases;
        this.submissions = submissions;
        this.index = index;
        this.stored = stored;
    }

    /** The request header naming the book's lease the entry was signed under ({@link BookLeases}). */
    public static final String LEASE_HEADER = "Ledger-Lease";

    /**
     * 201 with the receipt for a new entry; 200 with the first receipt for a replayed submission id.
     * With the book's lease in {@value #LEASE_HEADER}, the lease is used up; without it, while
     * another writer holds the lease, 409 {@code book.lease.held}. With {@value NextLeases#HEADER}
     * (seconds), a new entry's answer also carries its writer's lease for the next one ({@link NextLeases}).
     * Most posts are answered ahead of
     * this method ({@link EntryPosts}); one whose append failed there comes here with its failure,
     * which is raised as the append's own.
     */
    @PostMapping(path = "/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EntryAnswer> submit(@PathVariable String book, @RequestBody String body,
            @RequestHeader(name = LEASE_HEADER, required = false) String lease,
            @RequestHeader(name = NextLeases.HEADER, required = false) String nextLease,
            @RequestAttribute(name = EntryPosts.FAILED, required = false) RuntimeException failedAhead) {
        if (failedAhead != null) {
            throw failedAhead;
        }
        Duration wait = NextLeases.wait(nextLease);
        EntrySubmissions.Outcome outcome = submissions.submitSigned(book, body, lease == null ? null : lease.strip());
        return ResponseEntity.status(outcome.status()).body(nextLeases.answer(book, outcome, wait));
    }

    @GetMapping("/head")
    BookHead head(@PathVariable String book) {
        return index.head(book).orElseThrow(() -> notFound(book));
    }

    /**
     * Entries {@code from} … {@code from+limit-1}, each as its leaf {"entry":…,"signature":…}; a row
     * that no longer reads as an entry shows as {@code null} (see {@code /verify}).
     */
    @GetMapping(path = "/entries", produces = MediaType.APPLICATION_JSON_VALUE)
    String entries(@PathVariable String book, @RequestParam(defaultValue = "0") long from,
            @RequestParam(defaultValue = "100") int limit) {
        if (from < 0 || limit < 1 || limit > MAX_PAGE) {
            throw LedgerRefusal.invalid("request.page.invalid", "limit", MAX_PAGE);
        }
        List<StoredEntries.Stored> page = stored.page(book, from, limit);
        if (page.isEmpty() && index.head(book).isEmpty()) {
            throw notFound(book);
        }
        StringBuilder json = new StringBuilder("[");
        for (StoredEntries.Stored s : page) {
            json.append(json.length() > 1 ? "," : "").append(s.entry() == null ? "null" : s.entry().leaf());
        }
        return json.append(']').toString();
    }

    @GetMapping(path = "/entries/{entryIndex}", produces = MediaType.APPLICATION_JSON_VALUE)
    String entry(@PathVariable String book, @PathVariable long entryIndex) {
        return stored.page(book, entryIndex, 1).stream()
                .filter(s -> s.sequence() == entryIndex && s.entry() != null)
                .findFirst()
                .map(s -> s.entry().leaf())
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "entry.not-found", "index", entryIndex));
    }

    static LedgerRefusal notFound(String book) {
        return new LedgerRefusal(Kind.NOT_FOUND, "book.not-found", "book", book);
    }
}
