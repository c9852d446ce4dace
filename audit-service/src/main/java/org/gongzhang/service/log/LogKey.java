package org.gongzhang.service.log;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.gongzhang.service.keystore.KeyFiles;
import org.gongzhang.service.keystore.KeyStoreUnusable;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The service's log key (日志签名密钥), which signs every book's checkpoints. Its private key is in
 * the key store ({@code log-<name>.pem}), created there on first start; the database's
 * {@code log_key} row holds only its public key, for the record. The key store is the truth: a row
 * someone changed is reported, never believed. Auditors pin the verifier key (published at
 * {@code /api/log-key}) to check checkpoints.
 */
@Component
public class LogKey {

    private static final Logger log = LoggerFactory.getLogger(LogKey.class);

    private final NoteSigner signer;

    LogKey(JdbcTemplate jdbc, KeyFiles keyFiles, Clock clock, @Value("${ledger.log.key-name:gongzhang-log}") String name) {
        String file = KeyFiles.logKey(name);
        Optional<byte[]> registered = jdbc.query("select public_key from log_key where key_name = ?",
                (rs, n) -> rs.getBytes(1), name).stream().findFirst();
        if (!keyFiles.contains(file)) {
            if (registered.isPresent()) {
                throw new KeyStoreUnusable("the log key " + name + " is registered in the database but the key store "
                        + keyFiles.directory() + " has no " + file + ".pem (restore the key store from its backup)");
            }
            keyFiles.write(file, SignatureSuite.ED25519.generateKeyPair().getPrivate());
        }
        PrivateKey privateKey = keyFiles.read(file, SignatureSuite.ED25519);
        PublicKey publicKey = SignatureSuite.ED25519.publicKeyOf(privateKey);
        if (registered.isEmpty()) {
            jdbc.update("insert into log_key (key_name, public_key, created_at) values (?, ?, ?) on conflict do nothing",
                    name, publicKey.getEncoded(), Timestamp.from(clock.instant()));
        } else if (!Arrays.equals(registered.get(), publicKey.getEncoded())) {
            log.error("The log_key row of {} is not the public key of the log key in the key store: the database was"
                    + " changed behind the service's back; the key store's key signs and is published", name);
        }
        this.signer = NoteSigner.of(name, new KeyPair(publicKey, privateKey));
    }

    public NoteSigner signer() {
        return signer;
    }
}
