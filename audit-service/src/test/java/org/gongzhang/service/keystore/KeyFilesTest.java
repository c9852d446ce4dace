package org.gongzhang.service.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import org.gongzhang.service.support.Bytes;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

    private static final int FAST = 10_000;

    @TempDir
    Path dir;

    @Test
    void aKeyWrittenIsReadBackFromItsFileUnderTheSamePassphrase() {
        KeyPair pair = SignatureSuite.SM2_SM3.generateKeyPair();
        new KeyFiles(dir, "correct horse".toCharArray(), FAST).write("custodial-abc", pair.getPrivate());

        KeyFiles reopened = new KeyFiles(dir, "correct horse".toCharArray(), FAST);

        assertThat(reopened.read("custodial-abc", SignatureSuite.SM2_SM3).getEncoded())
                .isEqualTo(pair.getPrivate().getEncoded());
    }

    @Test
    void theFileHoldsNoPlaintextKey() throws IOException {
        KeyPair pair = SignatureSuite.ED25519.generateKeyPair();
        new KeyFiles(dir, "correct horse".toCharArray(), FAST).write("log-test", pair.getPrivate());

        String pem = Files.readString(dir.resolve("log-test.pem"), StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        byte[] seed = Arrays.copyOfRange(pkcs8, 16, 48);

        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(Bytes.contains(der, pkcs8)).as("the PKCS#8 bytes").isFalse();
        assertThat(Bytes.contains(der, seed)).as("the 32-byte private seed").isFalse();
        assertThat(Files.getPosixFilePermissions(dir.resolve("log-test.pem")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aWrongPassphraseIsAClearRefusal() {
        new KeyFiles(dir, "correct horse".toCharArray(), FAST).write("log-test",
                SignatureSuite.ED25519.generateKeyPair().getPrivate());

        KeyFiles wrong = new KeyFiles(dir, "battery staple".toCharArray(), FAST);

        assertThatThrownBy(wrong::checkPassphrase).isInstanceOf(KeyStoreUnusable.class)
                .hasMessageContaining("passphrase does not open").hasMessageContaining("log-test.pem");
        assertThatThrownBy(() -> wrong.read("log-test", SignatureSuite.ED25519)).isInstanceOf(KeyStoreUnusable.class);
    }

    @Test
    void aStoredKeyIsNeverReplacedByAnother() {
        KeyFiles keys = new KeyFiles(dir, "correct horse".toCharArray(), FAST);
        KeyPair first = SignatureSuite.ED25519.generateKeyPair();
        keys.write("log-test", first.getPrivate());
        keys.write("log-test", first.getPrivate());

        assertThatThrownBy(() -> keys.write("log-test", SignatureSuite.ED25519.generateKeyPair().getPrivate()))
                .isInstanceOf(KeyStoreUnusable.class).hasMessageContaining("different key");
        assertThat(new KeyFiles(dir, "correct horse".toCharArray(), FAST).readFile("log-test"))
                .isEqualTo(first.getPrivate().getEncoded());
    }

    @Test
    void aNameThatIsNotAPlainFileNameIsRefused() {
        KeyFiles keys = new KeyFiles(dir, "correct horse".toCharArray(), FAST);

        assertThatThrownBy(() -> keys.contains("../escape")).isInstanceOf(IllegalArgumentException.class);
    }
}
