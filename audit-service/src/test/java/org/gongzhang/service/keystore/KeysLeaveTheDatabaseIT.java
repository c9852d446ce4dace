package org.gongzhang.service.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import org.flywaydb.core.Flyway;
import org.gongzhang.service.GongzhangApplication;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.StandaloneService;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.crypto.PublicKeys;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A deployment from before the key store kept its private keys in {@code custodial_key} and
 * {@code log_key}. Its first start of this version moves them into the key store, then migration
 * V14 drops the columns; the service goes on signing with the same keys.
 */
class KeysLeaveTheDatabaseIT {

    @TempDir
    Path keys;

    @Test
    void anOlderDeploymentsKeysMoveIntoTheKeyStoreAndStayTheKeysItSignsWith() throws Exception {
        KeyPair log = SignatureSuite.ED25519.generateKeyPair();
        KeyPair custodial = SignatureSuite.SM2_SM3.generateKeyPair();
        String keyId = PublicKeys.keyId(custodial.getPublic().getEncoded());
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            JdbcTemplate old = new JdbcTemplate(external.getPostgresDatabase());
            Flyway.configure().dataSource(external.getPostgresDatabase()).locations("classpath:db/migration")
                    .target("12").load().migrate();
            old.update("insert into log_key (key_name, private_key, public_key, created_at) values (?, ?, ?, ?)",
                    "gongzhang-log", log.getPrivate().getEncoded(), log.getPublic().getEncoded(),
                    Timestamp.from(Instant.now()));
            old.update("""
                    insert into custodial_key (key_id, actor, role, suite, private_key, public_key, created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""", keyId, "agent:old-hand", Role.AGENT_PREPARER.name(), "sm2-sm3",
                    custodial.getPrivate().getEncoded(), Base64.getEncoder().encodeToString(custodial.getPublic().getEncoded()),
                    Timestamp.from(Instant.now()));

            try (ConfigurableApplicationContext service = SpringApplication.run(GongzhangApplication.class,
                    "--server.port=0", "--ledger.demo.enabled=false",
                    "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--ledger.keystore.directory=" + keys,
                    "--ledger.keystore.iterations=" + ServiceIT.FAST_KEY_FILES)) {
                assertThat(StandaloneService.client(service).get("/api/log-key").body().trim())
                        .isEqualTo(NoteVerifierKey.of("gongzhang-log", log.getPublic()).toString());
                CustodialKey moved = service.getBean(CustodialKeys.class).find("agent:old-hand", Role.AGENT_PREPARER)
                        .orElseThrow();
                assertThat(moved.keyId()).isEqualTo(keyId);
                assertThat(moved.privateKey().getEncoded()).isEqualTo(custodial.getPrivate().getEncoded());
            }
            assertThat(old.queryForObject("""
                    select count(*) from information_schema.columns
                    where table_schema = current_schema() and column_name = 'private_key'""", Integer.class)).isZero();
            char[] passphrase = Files.readAllLines(keys.resolve(KeyStoreConfiguration.GENERATED_PASSPHRASE)).get(0)
                    .toCharArray();
            KeyFiles reopened = new KeyFiles(keys, passphrase, ServiceIT.FAST_KEY_FILES);
            assertThat(reopened.readFile(KeyFiles.logKey("gongzhang-log"))).isEqualTo(log.getPrivate().getEncoded());
            assertThat(reopened.readFile(KeyFiles.custodialKey(keyId))).isEqualTo(custodial.getPrivate().getEncoded());
        }
    }
}
