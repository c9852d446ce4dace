package org.gongzhang.service.custody;

import java.security.KeyPair;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.gongzhang.verifier.crypto.PublicKeys;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The keys the service keeps for people who sign through it. A production deployment would keep
 * these in an HSM or KMS; here they sit in their own table, never in a public entry.
 */
@Component
public class CustodialKeys {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SignatureSuite suite;

    CustodialKeys(JdbcTemplate jdbc, Clock clock, SigningProperties signing) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.suite = signing.signatureSuite();
    }

    /** The person's key for the role, created on first use with this deployment's suite. */
    public CustodialKey forActor(String actor, Role role) {
        return find(actor, role).orElseGet(() -> create(actor, role));
    }

    public Optional<CustodialKey> find(String actor, Role role) {
        return jdbc.query("""
                select key_id, suite, private_key, public_key from custodial_key
                where actor = ? and role = ? order by created_at desc limit 1""",
                (rs, n) -> {
                    SignatureSuite keySuite = SignatureSuite.byId(rs.getString(2)).orElseThrow();
                    return new CustodialKey(rs.getString(1), actor, role, keySuite,
                            keySuite.privateKey(rs.getBytes(3)), rs.getString(4));
                }, actor, role.name()).stream().findFirst();
    }

    private CustodialKey create(String actor, Role role) {
        KeyPair pair = suite.generateKeyPair();
        byte[] publicDer = pair.getPublic().getEncoded();
        String keyId = PublicKeys.keyId(publicDer);
        String publicKey = Base64.getEncoder().encodeToString(publicDer);
        jdbc.update("""
                insert into custodial_key (key_id, actor, role, suite, private_key, public_key, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""",
                keyId, actor, role.name(), suite.id(), pair.getPrivate().getEncoded(), publicKey,
                Timestamp.from(clock.instant()));
        return new CustodialKey(keyId, actor, role, suite, pair.getPrivate(), publicKey);
    }
}
