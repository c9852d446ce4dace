package org.gongzhang.service.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.gongzhang.service.entry.BookLeases;
import org.gongzhang.verifier.canonical.CanonicalJson;

/**
 * The service built an entry that its actor signs with their own key: nothing is stored until the
 * signed entry comes back to {@code POST /api/books/{book}/entries}. Answered as 202 with the
 * envelope and its RFC 8785 canonical text (what is signed), and the book's lease the entry was
 * built under, unless it follows a head the caller named.
 */
public final class SignatureRequired extends RuntimeException {

    private final String book;
    private final ObjectNode entry;
    private final transient BookLeases.Lease lease;

    SignatureRequired(String book, ObjectNode entry, BookLeases.Lease lease) {
        super("entry " + entry.path("kind").asText() + " for " + book + " awaits its actor's signature");
        this.book = book;
        this.entry = entry;
        this.lease = lease;
    }

    /** The book's lease the entry was built under: post it back in the {@code Ledger-Lease} header. */
    public Optional<BookLeases.Lease> lease() {
        return Optional.ofNullable(lease);
    }

    public String book() {
        return book;
    }

    public ObjectNode entry() {
        return entry.deepCopy();
    }

    /** The exact bytes (as UTF-8 text) to sign. */
    public String canonical() {
        return CanonicalJson.canonicalize(entry);
    }

    public String submitTo() {
        return "/api/books/" + book + "/entries";
    }
}
