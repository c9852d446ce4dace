package org.gongzhang.service.log;

import java.security.KeyPair;
import java.sql.Timestamp;
import java.time.Clock;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The service's log key, created on first start and kept in the database. Auditors pin its
 * verifier key (published at {@code /api/log-key}) to check checkpoints.
 */
@Component
public class LogKey {

    private final NoteSigner signer;

    LogKey(JdbcTemplate jdbc, Clock clock, @Value("${ledger.log.key-name:gongzhang-log}") String name) {
        this.signer = load(jdbc, name).orElseGet(() -> create(jdbc, clock, name));
    }

    public NoteSigner signer() {
        return signer;
    }

    private static java.util.Optional<NoteSigner> load(JdbcTemplate jdbc, String name) {
        return jdbc.query("select private_key, public_key from log_key where key_name = ?",
                (rs, n) -> NoteSigner.of(name, new KeyPair(
                        SignatureSuite.ED25519.publicKey(rs.getBytes(2)),
                        SignatureSuite.ED25519.privateKey(rs.getBytes(1)))), name).stream().findFirst();
    }

    private static NoteSigner create(JdbcTemplate jdbc, Clock clock, String name) {
        KeyPair pair = SignatureSuite.ED25519.generateKeyPair();
        jdbc.update("insert into log_key (key_name, private_key, public_key, created_at) values (?, ?, ?, ?) on conflict do nothing",
                name, pair.getPrivate().getEncoded(), pair.getPublic().getEncoded(), Timestamp.from(clock.instant()));
        return load(jdbc, name).orElseThrow();
    }
}
