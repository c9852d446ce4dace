package org.gongzhang.service.governance;

import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A request's payee in full for the book's staff (个人信息保护法: a private person's name is not
 * public; the request's public views show {@value GovernanceIndex#PERSON_PAYEE}). Who may ask is
 * checked before whether the request exists.
 */
@RestController
class PayeeController {

    /** The book's staff: the agent's preparer and reviewer, the committee, the community auditor, the town officer. */
    private static final AccessRole[] STAFF = {AccessRole.AGENT_PREPARER, AccessRole.AGENT_REVIEWER,
            AccessRole.COMMITTEE_CHAIR, AccessRole.COMMITTEE_MEMBER, AccessRole.COMMUNITY_AUDITOR,
            AccessRole.TOWN_OFFICER};

    private final Access access;
    private final PrivatePayees payees;

    PayeeController(Access access, PrivatePayees payees) {
        this.access = access;
        this.payees = payees;
    }

    @GetMapping("/api/books/{book}/requests/{id}/payee")
    PrivatePayees.Payee payee(@PathVariable String book, @PathVariable String id) {
        access.require(book, STAFF);
        return payees.of(book, id)
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "request.unknown", "requestId", id));
    }
}
