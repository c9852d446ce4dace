package org.gongzhang.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.crypto.PublicKeys;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeygenAndSignTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "sm2-sm3"})
    void keygenWritesPemFilesAndPrintsTheKeyIdOfThePublicKey(String suite) throws IOException {
        var run = CliRun.of("keygen", "--suite", suite, "--out", dir.resolve("li-na").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("li-na.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        byte[] spki = PublicKeys.fromPem(Files.readString(dir.resolve("li-na.pub")));
        assertThat(run.out().strip()).isEqualTo(PublicKeys.keyId(spki));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "sm2-sm3"})
    void signProducesAnEntryTheKeyRegistryAccepts(String suite) throws IOException {
        String keyId = CliRun.of("keygen", "--suite", suite, "--out", dir.resolve("li-na").toString()).out().strip();
        String publicKey = Base64.getEncoder().encodeToString(PublicKeys.fromPem(Files.readString(dir.resolve("li-na.pub"))));
        Path entryFile = dir.resolve("entry.json");
        Files.writeString(entryFile, genesis(keyId, suite, publicKey).toPrettyString());

        var run = CliRun.of("sign", "--key", dir.resolve("li-na.key").toString(), "--suite", suite, entryFile.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        SignedEntry signed = SignedEntry.fromLeaf(run.out().strip());
        assertThat(new KeyRegistry().check(signed, signed.header())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "sm2-sm3"})
    void signRefusesAnEntryThatNamesAnotherKey(String suite) throws IOException {
        CliRun.of("keygen", "--suite", suite, "--out", dir.resolve("li-na").toString());
        Path entryFile = dir.resolve("entry.json");
        Files.writeString(entryFile, genesis("0".repeat(32), suite, "AAAA").toString());

        var run = CliRun.of("sign", "--key", dir.resolve("li-na.key").toString(), "--suite", suite, entryFile.toString());

        assertThat(run.exitCode()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "sm2-sm3"})
    void signRefusesAKeyOfAnotherSuite(String suite) {
        String other = suite.equals("ed25519") ? "sm2-sm3" : "ed25519";
        CliRun.of("keygen", "--suite", other, "--out", dir.resolve("k").toString());

        var run = CliRun.of("sign", "--key", dir.resolve("k.key").toString(), "--suite", suite, "entry.json");

        assertThat(run.exitCode()).isEqualTo(2);
    }

    private static ObjectNode genesis(String keyId, String suite, String publicKey) {
        ObjectNode entry = CanonicalJson.mapper().createObjectNode()
                .put("format", 1).put("book", "lanyuan-public").put("index", 0).put("prev", SignedEntry.GENESIS_PREV)
                .put("kind", "book.opened").put("actor", "agent:li-na").put("role", "AGENT_PREPARER")
                .put("keyId", keyId).put("suite", suite).put("custodial", false)
                .put("submission", "7f1c3a52-2a5e-4a53-9d0e-3a4f9a1b2c3d").put("recordedAt", "2026-03-15T09:30:00Z")
                .put("businessDate", "2026-03-15");
        entry.putObject("payload").put("name", "兰园小区公共收益账套").putArray("keys").addObject()
                .put("keyId", keyId).put("actor", "agent:li-na").put("role", "AGENT_PREPARER").put("suite", suite)
                .put("publicKey", publicKey).put("name", "李娜");
        return entry;
    }
}
