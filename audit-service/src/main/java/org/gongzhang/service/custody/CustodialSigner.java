package org.gongzhang.service.custody;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.gongzhang.service.entry.BookHead;
import org.gongzhang.service.entry.BookWrites;
import org.gongzhang.service.entry.EntrySubmissions;
import org.gongzhang.service.entry.LedgerIndex;
import org.gongzhang.service.log.BookIntegrity;
import org.gongzhang.service.log.BookIntegrityFailed;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.verifier.entry.EntryDraft;
import org.gongzhang.verifier.entry.SignedEntry;
import org.springframework.stereotype.Component;

/**
 * Signs and submits an entry for a person with the key the service keeps for them. The entry
 * says {@code "custodial": true}, and goes through exactly the same checks as a client-signed one.
 * Nothing is signed for a book that failed its integrity check ({@link BookIntegrityFailed}).
 */
@Component
public class CustodialSigner {

    private static final java.time.ZoneId BUSINESS_ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private final LedgerIndex index;
    private final EntrySubmissions submissions;
    private final BookIntegrity integrity;
    private final Clock clock;
    private final BookWrites writes;

    CustodialSigner(LedgerIndex index, EntrySubmissions submissions, BookIntegrity integrity, Clock clock,
            BookWrites writes) {
        this.writes = writes;
        this.index = index;
        this.submissions = submissions;
        this.integrity = integrity;
        this.clock = clock;
    }

    /** Signs at the book's head and appends, both under the book's append lock: never refused for a race. */
    public EntryReceipt submit(CustodialKey key, String book, String kind, LocalDate businessDate, ObjectNode payload) {
        return writes.serialized(book, () ->
                submissions.submit(book, sign(key, book, kind, businessDate, payload).leaf()).receipt());
    }

    /** Today on the compounds' wall calendar (Beijing time): the business date of an action taken now. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BUSINESS_ZONE);
    }

    /**
     * Signs the entry that follows {@code after} exactly (its size and head hash), under the caller's
     * submission id, and submits it. Anything appended since {@code after} makes the book refuse it
     * as stale, so a writer that must not be interleaved learns so before it stores anything.
     */
    public EntryReceipt submitAfter(BookHead after, CustodialKey key, String submission, String kind,
            LocalDate businessDate, ObjectNode payload) {
        SignedEntry entry = sign(after, key, submission, kind, businessDate, payload);
        return submissions.submit(after.book(), entry.leaf()).receipt();
    }

    /**
     * Builds the envelope at the book's current head and signs it: the head this transaction left,
     * when it appended to the book already ({@link BookWrites#appendTogether} holds its appends back).
     */
    public SignedEntry sign(CustodialKey key, String book, String kind, LocalDate businessDate, ObjectNode payload) {
        BookHead head = index.currentHead(book).orElse(new BookHead(book, 0, SignedEntry.GENESIS_PREV, null));
        return sign(head, key, UUID.randomUUID().toString(), kind, businessDate, payload);
    }

    private SignedEntry sign(BookHead head, CustodialKey key, String submission, String kind, LocalDate businessDate,
            ObjectNode payload) {
        integrity.require(head.book());
        return new EntryDraft(head.book(), head.size(), head.head(), kind, key.actor(), key.role(), key.keyId(),
                key.suite(), true, submission, clock.instant(), businessDate, payload).sign(key.privateKey());
    }
}
