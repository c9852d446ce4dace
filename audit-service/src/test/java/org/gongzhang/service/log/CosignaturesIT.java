package org.gongzhang.service.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.support.Cli;
import org.gongzhang.service.support.ClientKeys;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.Problems;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.PublicKeys;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A book's own witness cosigning end to end: the community auditor, holding their own key, runs
 * {@code ./ledger cosign} against the service; the service keeps the cosignature on the checkpoint
 * and refuses any other, including one by a key the service itself holds.
 */
class CosignaturesIT extends ServiceIT {

    @TempDir
    Path dir;

    @Autowired
    private CustodialKeys custodialKeys;

    private TestBook book;
    private String checkpoints;

    @BeforeEach
    void book() {
        book = TestBook.open(client);
        book.postVoucher(book.parkingVoucher("100.00"));
        checkpoints = "/api/books/" + book.id + "/checkpoints";
    }

    @Test
    void theAuditorCosignsCheckpointsAfterCheckingTheyExtendTheLastOne() throws Exception {
        long first = signCheckpoint();
        Cli run = cosign(book.auditor);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("size " + first, "first cosignature");

        SignedNote stored = SignedNote.parse(client.get(checkpoints + "/" + first).body());
        assertThat(stored.signatures()).hasSize(2);
        assertThat(stored.isSignedBy(logKey())).isTrue();
        assertThat(stored.isSignedBy(witness(book.auditor))).isTrue();

        book.postVoucher(book.parkingVoucher("200.00"));
        long second = signCheckpoint();
        run = cosign(book.auditor);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("size " + second, "consistent with size " + first);
        assertThat(SignedNote.parse(client.get(checkpoints + "/" + second).body()).isSignedBy(witness(book.auditor)))
                .isTrue();
    }

    @Test
    void aWitnessKeyTheServiceHoldsCannotCosign() {
        String demo = "/api/books/lanyuan-public/checkpoints";
        long size = org.gongzhang.verifier.checkpoint.Checkpoint.parse(
                SignedNote.parse(client.get("/api/books/lanyuan-public/checkpoint").body()).text()).size();
        var custodial = custodialKeys.find("community:zhao-min", Role.COMMUNITY_AUDITOR).orElseThrow();
        var signer = NoteSigner.of("community:zhao-min", new KeyPair(
                SignatureSuite.ED25519.publicKeyOf(custodial.privateKey()), custodial.privateKey()));
        String text = SignedNote.parse(client.get(demo + "/" + size).body()).text();

        Answer answer = client.postText(demo + "/" + size + "/cosignatures", signer.sign(text).line() + "\n", "en");

        Problems.assertProblem(answer, 422, "cosignature.unknown-witness", "signature");
    }

    @Test
    void cosigningAgainReplacesTheWitnessesEarlierLine() {
        long size = signCheckpoint();
        String text = SignedNote.parse(client.get(checkpoints + "/" + size).body()).text();
        assertThat(post(size, noteSigner(book.auditor).sign(text).line()).status()).isEqualTo(200);
        Answer again = post(size, noteSigner(book.auditor).sign(text).line());
        assertThat(again.status()).isEqualTo(200);
        assertThat(SignedNote.parse(again.body()).signatures()).hasSize(2);
    }

    @Test
    void aKeyOfAnotherRoleIsNoWitness() {
        long size = signCheckpoint();
        String text = SignedNote.parse(client.get(checkpoints + "/" + size).body()).text();
        refused(size, noteSigner(book.preparer).sign(text).line(), "cosignature.unknown-witness");
    }

    @Test
    void aRevokedAuditorKeyIsNoLongerAWitness() {
        ClientKeys deputy = ClientKeys.generate("community:qian-" + book.id, Role.COMMUNITY_AUDITOR);
        book.accept(book.entry(book.auditor, "key.registered", deputy.registration()));
        ObjectNode revoke = CanonicalJson.mapper().createObjectNode().put("keyId", deputy.keyId()).put("reason", "调岗");
        book.accept(book.entry(book.auditor, "key.revoked", revoke));
        long size = signCheckpoint();
        String text = SignedNote.parse(client.get(checkpoints + "/" + size).body()).text();
        refused(size, noteSigner(deputy).sign(text).line(), "cosignature.unknown-witness");
    }

    @Test
    void aSignatureOverOtherBytesIsRefused() {
        long size = signCheckpoint();
        String forged = noteSigner(book.auditor).sign("gongzhang.org/book/" + book.id + "\n1\nAAAA\n").line();
        refused(size, forged, "cosignature.invalid");
    }

    @Test
    void aMalformedLineIsRefusedInTheCallersLanguage() {
        long size = signCheckpoint();
        Answer answer = client.postText(checkpoints + "/" + size + "/cosignatures", "not a signature", "zh-CN");
        assertThat(answer.status()).isEqualTo(422);
        JsonNode problem = answer.json();
        assertThat(problem.get("code").asText()).isEqualTo("cosignature.malformed");
        assertThat(problem.get("detail").asText()).contains("见证签名");
    }

    @Test
    void aCheckpointTheLogNeverSignedCannotBeCosigned() {
        signCheckpoint();
        Answer answer = post(999, noteSigner(book.auditor).sign("x\n").line());
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asText()).isEqualTo("proof.checkpoint.not-found");
    }

    @Test
    void aBundleAtACheckpointsSizeCarriesItsCosignatures() throws Exception {
        long size = signCheckpoint();
        assertThat(cosign(book.auditor).exit()).isZero();
        book.postVoucher(book.parkingVoucher("300.00"));

        Path bundle = dir.resolve("b.zip");
        Files.write(bundle, client.getBytes("/api/books/" + book.id + "/bundle?size=" + size));
        var bundleRead = org.gongzhang.verifier.bundle.BundleReader.read(bundle);
        assertThat(bundleRead.leaves()).hasSize((int) size);
        assertThat(SignedNote.parse(bundleRead.checkpoint().orElseThrow()).isSignedBy(witness(book.auditor))).isTrue();
        Cli verify = Cli.run("verify", bundle.toString(), "--log-key", logKey().toString());
        assertThat(verify.exit()).as(verify.out()).isZero();
    }

    private void refused(long size, String line, String code) {
        String before = client.get(checkpoints + "/" + size).body();
        Problems.assertProblem(post(size, line), 422, code, "signature");
        assertThat(client.get(checkpoints + "/" + size).body()).as("nothing changed").isEqualTo(before);
    }

    private Answer post(long size, String line) {
        return client.postText(checkpoints + "/" + size + "/cosignatures", line + "\n", "en");
    }

    private long signCheckpoint() {
        Answer answer = client.as("zhao-min").post(checkpoints, "", "en");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return org.gongzhang.verifier.checkpoint.Checkpoint.parse(SignedNote.parse(answer.body()).text()).size();
    }

    private NoteVerifierKey logKey() {
        return NoteVerifierKey.parse(client.get("/api/log-key").body().strip());
    }

    private static NoteVerifierKey witness(ClientKeys keys) {
        return NoteVerifierKey.of(keys.actor(), keys.pair().getPublic());
    }

    private static NoteSigner noteSigner(ClientKeys keys) {
        return NoteSigner.of(keys.actor(), keys.pair());
    }

    private Cli cosign(ClientKeys witness) throws Exception {
        Path key = dir.resolve(witness.keyId() + ".key");
        Files.writeString(key, PublicKeys.privateToPem(witness.pair().getPrivate().getEncoded()));
        Path logKey = dir.resolve("log.key");
        Files.writeString(logKey, logKey().toString());
        return Cli.run("cosign", "--server", "http://localhost:" + port, "--book", book.id, "--key", key.toString(),
                "--name", witness.actor(), "--log-key", logKey.toString(), "--state", dir.resolve("state.txt").toString());
    }
}
