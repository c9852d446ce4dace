package org.gongzhang.service.security;

import org.gongzhang.service.book.BookSummary;
import org.gongzhang.verifier.entry.Role;

/** A caller allowed to act on a book in one of the roles the action asked for. */
public record Acting(Caller caller, AccessRole role, BookSummary book) {

    public String actor() {
        return caller.actor();
    }

    /** The ledger role to sign under; an administrator signs nothing. */
    public Role ledgerRole() {
        return role.ledgerRole().orElseThrow(() -> new IllegalStateException(role + " does not sign entries"));
    }
}
