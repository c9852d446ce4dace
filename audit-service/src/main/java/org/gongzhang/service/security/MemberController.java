package org.gongzhang.service.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.signing.PersonalKey;
import org.gongzhang.service.signing.PersonalKeys;
import org.gongzhang.service.signing.Signing;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.entry.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enrol a person in a book's log: the community auditor signs {@code key.registered} for a key the
 * person declared as their own ({@code keyId}) — or, where the deployment signs for people, for the
 * key the service keeps for them. A community auditor's own key is enrolled by the town officer
 * (or another auditor). Owners are registered as 业主, never by name. Revoking (lost device, person
 * leaves) is {@code key.revoked}, by the same people.
 */
@RestController
@RequestMapping("/api/books/{book}")
class MemberController {

    record Enrolment(String username, String role, String keyId) {
    }

    record Revocation(String reason) {
    }

    private final Access access;
    private final Users users;
    private final CustodialKeys custodialKeys;
    private final PersonalKeys personalKeys;
    private final Signing signing;

    MemberController(Access access, Users users, CustodialKeys custodialKeys, PersonalKeys personalKeys,
            Signing signing) {
        this.access = access;
        this.users = users;
        this.custodialKeys = custodialKeys;
        this.personalKeys = personalKeys;
        this.signing = signing;
    }

    @PostMapping("/members")
    ResponseEntity<EntryReceipt> enrol(@PathVariable String book, @RequestBody Enrolment enrolment) {
        Acting registrar = access.require(book, AccessRole.COMMUNITY_AUDITOR, AccessRole.TOWN_OFFICER);
        Caller member = users.find(enrolment.username() == null ? "" : enrolment.username())
                .orElseThrow(() -> new LedgerRefusal(LedgerRefusal.Kind.NOT_FOUND, "user.not-found", "username",
                        enrolment.username()));
        AccessRole role = enrolment.role() == null ? null : AccessRole.parse(enrolment.role()).orElse(null);
        Role ledgerRole = role == null ? null : role.ledgerRole().orElse(null);
        if (ledgerRole == null) {
            throw LedgerRefusal.invalid("member.role.not-signing", "role", enrolment.role());
        }
        if (registrar.role() == AccessRole.TOWN_OFFICER && ledgerRole != Role.COMMUNITY_AUDITOR) {
            throw AccessDenied.forbidden("access.role", AccessRole.COMMUNITY_AUDITOR.name());
        }
        boolean granted = member.grants().stream()
                .anyMatch(g -> g.role() == role && access.covers(g.scope(), registrar.book()));
        if (!granted) {
            throw LedgerRefusal.invalid("member.grant.missing", "role", member.username(), role.name(), book);
        }
        String publicName = ledgerRole == Role.OWNER ? "业主" : member.displayName();
        ObjectNode registration = enrolment.keyId() == null
                ? custodialKeys.forActor(member.actor(), ledgerRole).registration(publicName)
                : declared(enrolment.keyId(), member, ledgerRole, publicName);
        EntryReceipt receipt = signing.submit(registrar, "key.registered", signing.today(), registration);
        return ResponseEntity.status(HttpStatus.CREATED).body(receipt);
    }

    @PostMapping("/keys/{keyId}/revoke")
    EntryReceipt revoke(@PathVariable String book, @PathVariable String keyId, @RequestBody Revocation revocation) {
        Acting registrar = access.require(book, AccessRole.COMMUNITY_AUDITOR, AccessRole.TOWN_OFFICER);
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("keyId", keyId)
                .put("reason", revocation == null ? null : revocation.reason());
        return signing.submit(registrar, "key.revoked", signing.today(), payload);
    }

    private ObjectNode declared(String keyId, Caller member, Role role, String publicName) {
        PersonalKey key = personalKeys.find(keyId)
                .filter(k -> k.username().equals(member.username()))
                .orElseThrow(() -> LedgerRefusal.invalid("member.key.not-theirs", "keyId", keyId, member.username()));
        return CanonicalJson.mapper().createObjectNode().put("keyId", key.keyId()).put("actor", member.actor())
                .put("role", role.name()).put("suite", key.suite()).put("publicKey", key.publicKey())
                .put("name", publicName);
    }
}
