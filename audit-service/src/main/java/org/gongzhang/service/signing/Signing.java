package org.gongzhang.service.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.custody.SigningProperties;
import org.gongzhang.service.entry.BookHead;
import org.gongzhang.service.entry.BookLeases;
import org.gongzhang.service.entry.BookWrites;
import org.gongzhang.service.entry.LedgerIndex;
import org.gongzhang.service.log.BookKeys;
import org.gongzhang.service.security.AccessDenied;
import org.gongzhang.service.security.Acting;
import org.gongzhang.verifier.entry.EntryDraft;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place an action's entry gets its signature. A caller who names their own key in the
 * {@value #KEY_HEADER} header gets the entry back to sign ({@link SignatureRequired}); the service
 * signs for someone (代签) only where the deployment allows custodial signing and never for a
 * person who has a key of their own registered in that book and role.
 */
@Component
public class Signing {

    /** The request header naming the key id the caller signs with (their browser's, or a key file's). */
    public static final String KEY_HEADER = "Ledger-Key";

    private final CustodialKeys custodialKeys;
    private final CustodialSigner custodial;
    private final BookKeys bookKeys;
    private final LedgerIndex index;
    private final Clock clock;
    private final boolean custodialAllowed;
    private final BookLeases leases;
    private final BookWrites writes;

    /** How long building an entry for its actor's own signature waits for the book's lease. */
    static final java.time.Duration LEASE_WAIT = java.time.Duration.ofSeconds(10);

    Signing(CustodialKeys custodialKeys, CustodialSigner custodial, BookKeys bookKeys, LedgerIndex index, Clock clock,
            SigningProperties properties, BookLeases leases, BookWrites writes) {
        this.leases = leases;
        this.writes = writes;
        this.custodialKeys = custodialKeys;
        this.custodial = custodial;
        this.bookKeys = bookKeys;
        this.index = index;
        this.clock = clock;
        this.custodialAllowed = properties.custodialAllowed();
    }

    /** Today on the compounds' wall calendar (Beijing time). */
    public LocalDate today() {
        return custodial.today();
    }

    /** The entry {@code kind} by the acting person, at the book's head. */
    public EntryReceipt submit(Acting acting, String kind, LocalDate businessDate, ObjectNode payload) {
        return submit(acting, null, UUID.randomUUID().toString(), kind, businessDate, payload);
    }

    /**
     * The entry that follows {@code after} exactly, under the caller's submission id: anything
     * appended since makes the book refuse it as stale (see {@link CustodialSigner#submitAfter}).
     */
    public EntryReceipt submitAfter(BookHead after, Acting acting, String submission, String kind,
            LocalDate businessDate, ObjectNode payload) {
        return submit(acting, after, submission, kind, businessDate, payload);
    }

    private EntryReceipt submit(Acting acting, BookHead after, String submission, String kind, LocalDate businessDate,
            ObjectNode payload) {
        String book = acting.book().book();
        Role role = acting.ledgerRole();
        List<RegisteredKey> valid = bookKeys.valid(book);
        Optional<String> ownKey = requestedKey();
        if (ownKey.isPresent()) {
            RegisteredKey key = valid.stream()
                    .filter(k -> k.keyId().equals(ownKey.get()) && k.actor().equals(acting.actor()) && k.role() == role)
                    .findFirst()
                    .orElseThrow(() -> AccessDenied.forbidden("signing.key.not-enrolled", book, role.name()));
            // the entry is built under the book's lease, so that no other writer takes its index
            // while the browser (or key file) signs it; one that must follow a given head signs there
            // (not within a transaction that holds the book already: the lease would wait for it to end)
            BookLeases.Lease lease = after != null || index.head(book).isEmpty() || writes.holds(book) ? null
                    : leases.take(book, key.keyId(), LEASE_WAIT);
            BookHead head = after != null ? after : lease != null
                    ? new BookHead(book, lease.index(), lease.prev(), null)
                    : new BookHead(book, 0, SignedEntry.GENESIS_PREV, null);
            EntryDraft draft = new EntryDraft(book, head.size(), head.head(), kind, acting.actor(), role, key.keyId(),
                    key.suite(), false, submission, clock.instant(), businessDate, payload);
            throw new SignatureRequired(book, draft.toJson(), lease);
        }
        Optional<String> custodialId = custodialKeys.find(acting.actor(), role).map(CustodialKey::keyId);
        boolean holdsOwnKey = valid.stream().anyMatch(k -> k.actor().equals(acting.actor()) && k.role() == role
                && !custodialId.map(k.keyId()::equals).orElse(false));
        if (holdsOwnKey) {
            throw AccessDenied.forbidden("signing.own-key.required", book, role.name());
        }
        if (!custodialAllowed) {
            throw AccessDenied.forbidden("signing.custodial.disabled");
        }
        CustodialKey key = custodialKeys.forActor(acting.actor(), role);
        return after == null
                ? custodial.submit(key, book, kind, businessDate, payload)
                : custodial.submitAfter(after, key, submission, kind, businessDate, payload);
    }

    private static Optional<String> requestedKey() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String keyId = request.getHeader(KEY_HEADER);
            if (keyId != null && !keyId.isBlank()) {
                return Optional.of(keyId.strip());
            }
        }
        return Optional.empty();
    }
}
