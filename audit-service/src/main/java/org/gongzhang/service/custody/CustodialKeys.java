package org.gongzhang.service.custody;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.gongzhang.service.keystore.KeyFiles;
import org.gongzhang.service.keystore.KeyStoreUnusable;
import org.gongzhang.verifier.crypto.PublicKeys;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The keys the service keeps for people who sign through it. Their public parts (key id, actor,
 * role, suite, public key) are rows of {@code custodial_key}; the private keys are in the key store
 * ({@link KeyFiles}, file {@code custodial-<keyId>.pem}), never in the database.
 */
@Component
public class CustodialKeys {

    private final JdbcTemplate jdbc;
    private final KeyFiles keyFiles;
    private final Clock clock;
    private final SignatureSuite suite;

    CustodialKeys(JdbcTemplate jdbc, KeyFiles keyFiles, Clock clock, SigningProperties signing) {
        this.jdbc = jdbc;
        this.keyFiles = keyFiles;
        this.clock = clock;
        this.suite = signing.signatureSuite();
    }

    /** The person's key for the role, created on first use with this deployment's suite. */
    public CustodialKey forActor(String actor, Role role) {
        return find(actor, role).orElseGet(() -> createOnce(actor, role));
    }

    /**
     * Creates the key unless another thread of this node just did: two writers asking at once for a
     * new person's key (the demo writes its compounds' books at once) must both get the same key,
     * or one book would register a key the other never sees.
     */
    private synchronized CustodialKey createOnce(String actor, Role role) {
        return find(actor, role).orElseGet(() -> create(actor, role));
    }

    public Optional<CustodialKey> find(String actor, Role role) {
        return jdbc.query("""
                select key_id, suite, public_key from custodial_key
                where actor = ? and role = ? order by created_at desc limit 1""",
                (rs, n) -> {
                    SignatureSuite keySuite = SignatureSuite.byId(rs.getString(2)).orElseThrow();
                    return new CustodialKey(rs.getString(1), actor, role, keySuite,
                            privateKey(rs.getString(1), keySuite), rs.getString(3));
                }, actor, role.name()).stream().findFirst();
    }

    private PrivateKey privateKey(String keyId, SignatureSuite keySuite) {
        String file = KeyFiles.custodialKey(keyId);
        if (!keyFiles.contains(file)) {
            throw new KeyStoreUnusable("custodial key " + keyId + " is registered in the database but the key store "
                    + keyFiles.directory() + " has no " + file + ".pem (restore the key store from its backup)");
        }
        return keyFiles.read(file, keySuite);
    }

    private CustodialKey create(String actor, Role role) {
        KeyPair pair = suite.generateKeyPair();
        byte[] publicDer = pair.getPublic().getEncoded();
        String keyId = PublicKeys.keyId(publicDer);
        String publicKey = Base64.getEncoder().encodeToString(publicDer);
        keyFiles.write(KeyFiles.custodialKey(keyId), pair.getPrivate());
        jdbc.update("""
                insert into custodial_key (key_id, actor, role, suite, public_key, created_at)
                values (?, ?, ?, ?, ?, ?)""",
                keyId, actor, role.name(), suite.id(), publicKey,
                Timestamp.from(clock.instant()));
        return new CustodialKey(keyId, actor, role, suite, pair.getPrivate(), publicKey);
    }
}
