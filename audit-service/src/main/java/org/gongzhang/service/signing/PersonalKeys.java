package org.gongzhang.service.signing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.security.Caller;
import org.gongzhang.verifier.crypto.PublicKeys;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The public keys people declared as their own, awaiting (or past) enrolment in their books. */
@Component
public class PersonalKeys {

    private static final RowMapper<PersonalKey> ROW = (rs, n) -> new PersonalKey(rs.getString("key_id"),
            rs.getString("username"), rs.getString("actor"), rs.getString("suite"), rs.getString("public_key"),
            rs.getString("label"), rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PersonalKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Declares a public key (base64 SubjectPublicKeyInfo DER) as the caller's own; refuses anything that is not one. */
    public PersonalKey declare(Caller caller, String suiteId, String publicKey, String label) {
        SignatureSuite suite = SignatureSuite.byId(suiteId == null ? SignatureSuite.ED25519.id() : suiteId)
                .orElseThrow(() -> LedgerRefusal.invalid("key.public.invalid", "suite", suiteId));
        byte[] der;
        try {
            der = Base64.getDecoder().decode(publicKey == null ? "" : publicKey.strip());
            suite.publicKey(der);
        } catch (IllegalArgumentException e) {
            throw LedgerRefusal.invalid("key.public.invalid", "publicKey", suite.id());
        }
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > 128 || name.chars().anyMatch(Character::isISOControl)) {
            throw LedgerRefusal.invalid("key.label.invalid", "label");
        }
        String keyId = PublicKeys.keyId(der);
        int inserted = jdbc.update("""
                insert into personal_key (key_id, username, actor, suite, public_key, label, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                keyId, caller.username(), caller.actor(), suite.id(), Base64.getEncoder().encodeToString(der), name,
                Timestamp.from(clock.instant()));
        if (inserted == 0) {
            throw new LedgerRefusal(Kind.CONFLICT, "key.personal.taken", "publicKey", keyId);
        }
        return find(keyId).orElseThrow();
    }

    public Optional<PersonalKey> find(String keyId) {
        return jdbc.query("select * from personal_key where key_id = ? and withdrawn_at is null", ROW, keyId)
                .stream().findFirst();
    }

    /** The person's declared keys, newest first. */
    public List<PersonalKey> of(String username) {
        return jdbc.query("select * from personal_key where username = ? and withdrawn_at is null order by created_at desc",
                ROW, username);
    }

    /**
     * The declared keys of people whose grants reach any book of these streets, communities or
     * compounds (through any scope: everywhere, the street, the community, the compound, or an agent
     * firm keeping it): the keys a registrar of those books may be asked to enrol, not the city's.
     */
    public List<PersonalKey> declaredIn(Collection<String> streets, Collection<String> communities,
            Collection<String> compounds) {
        return jdbc.query("""
                select * from personal_key k
                where k.withdrawn_at is null and exists (
                    select 1 from user_grant g where g.username = k.username and (
                        g.scope_kind = 'ALL'
                        or (g.scope_kind = 'STREET' and g.scope_id = any (?))
                        or (g.scope_kind = 'COMMUNITY' and g.scope_id = any (?))
                        or (g.scope_kind = 'COMPOUND' and g.scope_id = any (?))
                        or (g.scope_kind = 'FIRM' and exists (select 1 from firm_compound f
                                where f.firm_id = g.scope_id and f.compound_id = any (?)))))
                order by k.created_at""", ROW, streets.toArray(String[]::new), communities.toArray(String[]::new),
                compounds.toArray(String[]::new), compounds.toArray(String[]::new));
    }

    /** The person no longer offers this key for enrolment (a book that registered it keeps it until revoked). */
    public void withdraw(Caller caller, String keyId) {
        int changed = jdbc.update("update personal_key set withdrawn_at = ? where key_id = ? and username = ? and withdrawn_at is null",
                Timestamp.from(clock.instant()), keyId, caller.username());
        if (changed == 0) {
            throw new LedgerRefusal(Kind.NOT_FOUND, "key.personal.unknown", "keyId", keyId);
        }
    }
}
