package org.gongzhang.service.keystore;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the key store lives and what opens it.
 *
 * @param directory      the key files and the last signed checkpoint of each book (default
 *                       {@code ~/.gongzhang/keys}; a temporary directory deleted at shutdown when the
 *                       embedded PostgreSQL is ephemeral)
 * @param passphrase     the passphrase itself, normally from the environment variable
 *                       {@code LEDGER_KEYSTORE_PASSPHRASE}
 * @param passphraseFile a file whose first line is the passphrase (used when {@code passphrase} is unset)
 * @param iterations     PBKDF2-HMAC-SHA256 iterations for each key file written from now on under a
 *                       passphrase given to the service (a generated one uses 10,000); files record
 *                       their own count, so changing it never locks out an older file
 */
@ConfigurationProperties("ledger.keystore")
public record KeyStoreProperties(Path directory, String passphrase, Path passphraseFile, Integer iterations) {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    static final int DEFAULT_ITERATIONS = 600_000;

    public KeyStoreProperties {
        if (iterations == null) {
            iterations = DEFAULT_ITERATIONS;
        }
        if (iterations < 10_000) {
            throw new IllegalArgumentException("ledger.keystore.iterations must be at least 10000, not " + iterations);
        }
    }
}
