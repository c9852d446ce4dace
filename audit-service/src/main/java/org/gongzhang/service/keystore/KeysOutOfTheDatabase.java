package org.gongzhang.service.keystore;

import java.security.PrivateKey;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves the private keys an older deployment kept in PostgreSQL into the key store, then lets
 * Flyway run (V14 drops the {@code private_key} columns). Every key is written and read back from
 * its file before the migration that deletes it runs; a failure stops the service with the keys
 * still in the database, and the next start tries again.
 */
@Component
class KeysOutOfTheDatabase implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(KeysOutOfTheDatabase.class);

    private final KeyFiles keyFiles;

    KeysOutOfTheDatabase(KeyFiles keyFiles) {
        this.keyFiles = keyFiles;
    }

    @Override
    public void migrate(Flyway flyway) {
        JdbcTemplate jdbc = new JdbcTemplate(flyway.getConfiguration().getDataSource());
        int moved = 0;
        if (hasPrivateKeys(jdbc, "custodial_key")) {
            moved += jdbc.query("select key_id, suite, private_key from custodial_key", (rs, n) -> {
                SignatureSuite suite = SignatureSuite.byId(rs.getString(2)).orElseThrow();
                move(KeyFiles.custodialKey(rs.getString(1)), suite, rs.getBytes(3));
                return 1;
            }).size();
        }
        if (hasPrivateKeys(jdbc, "log_key")) {
            moved += jdbc.query("select key_name, private_key from log_key", (rs, n) -> {
                move(KeyFiles.logKey(rs.getString(1)), SignatureSuite.ED25519, rs.getBytes(2));
                return 1;
            }).size();
        }
        if (moved > 0) {
            log.warn("Moved {} private keys from the database into the key store {}; the migration now drops them"
                    + " from the database. Back up the key store now, and remember that older database backups"
                    + " still hold these keys in plaintext", moved, keyFiles.directory());
        }
        flyway.migrate();
    }

    private void move(String name, SignatureSuite suite, byte[] pkcs8) {
        PrivateKey key = suite.privateKey(pkcs8);
        keyFiles.write(name, key);
        if (!Arrays.equals(keyFiles.readFile(name), key.getEncoded())) {
            throw new KeyStoreUnusable("the key store did not give back the key " + name + " it was given");
        }
    }

    private static boolean hasPrivateKeys(JdbcTemplate jdbc, String table) {
        Integer columns = jdbc.queryForObject("""
                select count(*) from information_schema.columns
                where table_schema = current_schema() and table_name = ? and column_name = 'private_key'""",
                Integer.class, table);
        return columns != null && columns > 0;
    }
}
