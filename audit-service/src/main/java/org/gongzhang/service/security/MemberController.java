package org.gongzhang.service.security;

import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.verifier.entry.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enrol a person in a book's log: the community auditor signs {@code key.registered} for the key
 * the service keeps for that person in that role. Only then can they sign in that book. Owners
 * are registered as 业主, never by name.
 */
@RestController
@RequestMapping("/api/books/{book}/members")
class MemberController {

    record Enrolment(String username, String role) {
    }

    private final Access access;
    private final Users users;
    private final CustodialKeys keys;
    private final CustodialSigner signer;

    MemberController(Access access, Users users, CustodialKeys keys, CustodialSigner signer) {
        this.access = access;
        this.users = users;
        this.keys = keys;
        this.signer = signer;
    }

    @PostMapping
    ResponseEntity<EntryReceipt> enrol(@PathVariable String book, @RequestBody Enrolment enrolment) {
        Acting auditor = access.require(book, AccessRole.COMMUNITY_AUDITOR);
        Caller member = users.find(enrolment.username() == null ? "" : enrolment.username())
                .orElseThrow(() -> new LedgerRefusal(LedgerRefusal.Kind.NOT_FOUND, "user.not-found", "username",
                        enrolment.username()));
        AccessRole role = enrolment.role() == null ? null : AccessRole.parse(enrolment.role()).orElse(null);
        Role ledgerRole = role == null ? null : role.ledgerRole().orElse(null);
        if (ledgerRole == null) {
            throw LedgerRefusal.invalid("member.role.not-signing", "role", enrolment.role());
        }
        boolean granted = member.grants().stream()
                .anyMatch(g -> g.role() == role && access.covers(g.scope(), auditor.book()));
        if (!granted) {
            throw LedgerRefusal.invalid("member.grant.missing", "role", member.username(), role.name(), book);
        }
        CustodialKey key = keys.forActor(member.actor(), ledgerRole);
        String publicName = ledgerRole == Role.OWNER ? "业主" : member.displayName();
        EntryReceipt receipt = signer.submit(keys.forActor(auditor.actor(), Role.COMMUNITY_AUDITOR), book,
                "key.registered", signer.today(),
                key.registration(publicName));
        return ResponseEntity.status(HttpStatus.CREATED).body(receipt);
    }
}
