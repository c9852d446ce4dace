package org.gongzhang.service.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.support.Bytes;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.StandaloneService;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key store over a real start: after the demo (custodial signing by every demo person, the log
 * key signing checkpoints) a dump of every table holds no private key material; the key files hold
 * none in plaintext; a restart signs with the same keys; a wrong passphrase stops the start.
 */
class KeyStoreIT {

    /** An Ed25519 PKCS#8 private key: its algorithm identifier, then OCTET STRING { OCTET STRING (32) }. */
    private static final byte[] ED25519_PKCS8_KEY = HexFormat.of().parseHex("300506032b657004220420");

    @TempDir
    Path data;

    @TempDir
    Path keys;

    @Test
    void noPrivateKeyIsInTheDatabaseNorInPlaintextInTheKeyStoreAndARestartSignsWithTheSameKeys() throws IOException {
        String logKey;
        try (ConfigurableApplicationContext first = StandaloneService.start(data, keys)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            KeyFiles keyFiles = first.getBean(KeyFiles.class);
            logKey = StandaloneService.client(first).get("/api/log-key").body();
            List<byte[]> secrets = secrets(jdbc, keyFiles);
            byte[] dump = dump(jdbc);

            assertThat(new String(dump, StandardCharsets.UTF_8)).doesNotContain("PRIVATE KEY");
            assertThat(Bytes.contains(dump, ED25519_PKCS8_KEY)).as("an Ed25519 PKCS#8 key").isFalse();
            for (byte[] secret : secrets) {
                assertThat(Bytes.contains(dump, secret)).isFalse();
                assertThat(Bytes.contains(dump, HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII)))
                        .isFalse();
                assertThat(Bytes.contains(dump, Base64.getEncoder().encode(secret))).isFalse();
            }
            byte[] logPublicKey = jdbc.queryForObject("select public_key from log_key", byte[].class);
            assertThat(Bytes.contains(dump, logPublicKey)).as("the dump reads binary columns").isTrue();

            for (Path file : keyFiles()) {
                byte[] content = Files.readAllBytes(file);
                assertThat(new String(content, StandardCharsets.US_ASCII)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
                assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
                byte[] der = Base64.getMimeDecoder().decode(new String(content, StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", ""));
                for (byte[] secret : secrets) {
                    assertThat(Bytes.contains(der, secret)).as(file.toString()).isFalse();
                }
            }
            Path passphrase = keys.resolve(KeyStoreConfiguration.GENERATED_PASSPHRASE);
            assertThat(Files.getPosixFilePermissions(passphrase)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        try (ConfigurableApplicationContext second = StandaloneService.start(data, keys)) {
            LedgerClient client = StandaloneService.client(second);
            assertThat(client.get("/api/log-key").body()).isEqualTo(logKey);
            CustodialKey preparer = second.getBean(CustodialKeys.class)
                    .find("agent:li-na", Role.AGENT_PREPARER).orElseThrow();
            TestBook shape = new TestBook(client, SignatureSuite.ED25519);
            EntryReceipt receipt = second.getBean(CustodialSigner.class).submit(preparer, "lanyuan-public",
                    "voucher.recorded", shape.today, shape.parkingVoucher("16.00"));
            assertThat(client.as("zhao-min").post("/api/books/lanyuan-public/checkpoints", "", "en").status()).isEqualTo(200);
            assertThat(client.get("/api/books/lanyuan-public/verify").json().get("ok").asBoolean()).isTrue();
            assertThat(client.get("/api/books/lanyuan-public/verify").json().get("checkpointSize").asLong())
                    .isEqualTo(receipt.index() + 1);
        }
    }

    /**
     * After a rotation and a restart the service signs with the rotated key, still vouches for books
     * whose kept checkpoint only the first key signed (BookIntegrity follows the chain), and signs
     * their next checkpoint with both keys. A rotated key file gone from the key store stops the start.
     */
    @Test
    void aRestartAfterARotationSignsWithTheNewKeyAndStillVouchesForCheckpointsOfTheOldOne() throws IOException {
        String oldKey;
        String rotation;
        try (ConfigurableApplicationContext first = StandaloneService.start(data, keys)) {
            LedgerClient client = StandaloneService.client(first);
            oldKey = client.get("/api/log-key").body().strip();
            assertThat(client.as("zhao-min").post("/api/books/lanyuan-public/checkpoints", "", "en").status()).isEqualTo(200);
            LedgerClient.Answer rotated = client.as("admin").post("/api/log-key/rotations", "", "en");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
            rotation = rotated.body();
        }
        NoteVerifierKey old = NoteVerifierKey.parse(oldKey);
        assertThat(SignedNote.parse(Files.readString(keys.resolve("checkpoints").resolve("lanyuan-public.txt")))
                .isSignedBy(old)).as("the kept checkpoint is the old key's").isTrue();
        try (ConfigurableApplicationContext second = StandaloneService.start(data, keys)) {
            LedgerClient client = StandaloneService.client(second);
            NoteVerifierKey current = NoteVerifierKey.parse(client.get("/api/log-key").body().strip());
            assertThat(current).isNotEqualTo(old);
            assertThat(client.get("/api/log-key/rotations").body()).isEqualTo(rotation);
            assertThat(client.get("/actuator/health").json().at("/components/bookIntegrity/status").asText())
                    .isEqualTo("UP");
            CustodialKey preparer = second.getBean(CustodialKeys.class).find("agent:li-na", Role.AGENT_PREPARER).orElseThrow();
            TestBook shape = new TestBook(client, SignatureSuite.ED25519);
            second.getBean(CustodialSigner.class).submit(preparer, "lanyuan-public", "voucher.recorded", shape.today,
                    shape.parkingVoucher("17.00"));
            LedgerClient.Answer handover = client.as("zhao-min").post("/api/books/lanyuan-public/checkpoints", "", "en");
            assertThat(handover.status()).as(handover.body()).isEqualTo(200);
            SignedNote note = SignedNote.parse(handover.body());
            assertThat(note.isSignedBy(old) && note.isSignedBy(current)).as("signed by both keys").isTrue();
            assertThat(client.get("/api/books/lanyuan-public/verify").json().get("ok").asBoolean()).isTrue();
        }
        Files.delete(keys.resolve(KeyFiles.logKey("gongzhang-log-2") + ".pem"));
        assertThat(refusal(() -> StandaloneService.start(data, keys))).hasMessageContaining("gongzhang-log-2");
    }

    @Test
    void aWrongOrMissingPassphraseStopsTheStartAndSaysSo() {
        StandaloneService.start(data, keys, "--ledger.keystore.passphrase=correct horse battery").close();

        assertThat(refusal(() -> StandaloneService.start(data, keys, "--ledger.keystore.passphrase=wrong horse battery")))
                .hasMessageContaining("the key store passphrase does not open")
                .hasMessageContaining(keys.toString()).hasMessageContaining("LEDGER_KEYSTORE_PASSPHRASE");
        assertThat(refusal(() -> StandaloneService.start(data, keys)))
                .hasMessageContaining("holds keys but no passphrase was given");
        assertThat(keys.resolve(KeyStoreConfiguration.GENERATED_PASSPHRASE)).doesNotExist();
    }

    private static KeyStoreUnusable refusal(ThrowingCallable start) {
        Throwable refusal = catchThrowable(start);
        while (refusal != null && !(refusal instanceof KeyStoreUnusable)) {
            refusal = refusal.getCause();
        }
        assertThat(refusal).as("the start fails on the key store").isNotNull();
        return (KeyStoreUnusable) refusal;
    }

    /** The private parts of every key in the store: PKCS#8 bytes and the private key inside them. */
    private List<byte[]> secrets(JdbcTemplate jdbc, KeyFiles keyFiles) throws IOException {
        List<byte[]> secrets = new ArrayList<>();
        List<Path> files = keyFiles();
        assertThat(files).as("the log key and the demo's custodial keys")
                .anyMatch(f -> f.getFileName().toString().startsWith("log-"))
                .anyMatch(f -> f.getFileName().toString().startsWith("custodial-"));
        for (Path file : files) {
            String name = file.getFileName().toString().replace(".pem", "");
            SignatureSuite suite = name.startsWith("log-") ? SignatureSuite.ED25519
                    : SignatureSuite.byId(jdbc.queryForObject("select suite from custodial_key where key_id = ?",
                            String.class, name.substring("custodial-".length()))).orElseThrow();
            byte[] pkcs8 = keyFiles.read(name, suite).getEncoded();
            byte[] inner = PrivateKeyInfo.getInstance(pkcs8).getPrivateKey().getOctets();
            secrets.add(pkcs8);
            secrets.add(inner);
            if (suite == SignatureSuite.ED25519) {
                secrets.add(java.util.Arrays.copyOfRange(inner, 2, 34));
            }
        }
        return secrets;
    }

    private List<Path> keyFiles() throws IOException {
        try (Stream<Path> files = Files.list(keys)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pem")).toList();
        }
    }

    /** Every row of every table of the service's schema, and PostgreSQL's large objects, as bytes. */
    private static byte[] dump(JdbcTemplate jdbc) {
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'""", String.class);
        assertThat(tables).contains("custodial_key", "log_key", "domain_event_entry", "checkpoint");
        for (String table : tables) {
            jdbc.query("select * from " + table, (ResultSet rs) -> {
                ResultSetMetaData columns = rs.getMetaData();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    byte[] value = "bytea".equals(columns.getColumnTypeName(i)) ? rs.getBytes(i)
                            : rs.getString(i) == null ? null : rs.getString(i).getBytes(StandardCharsets.UTF_8);
                    if (value != null) {
                        dump.writeBytes(value);
                        dump.write('\n');
                    }
                }
            });
        }
        jdbc.query("select data from pg_largeobject", (ResultSet rs) -> {
            dump.writeBytes(rs.getBytes(1));
        });
        return dump.toByteArray();
    }
}
