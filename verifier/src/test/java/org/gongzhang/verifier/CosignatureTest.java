package org.gongzhang.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.verifier.fixtures.BookFixture.BOOK;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.Cosigner;
import org.gongzhang.verifier.checkpoint.NoteSignature;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.gongzhang.verifier.fixtures.TestKeys;
import org.gongzhang.verifier.fixtures.WitnessedBook;
import org.junit.jupiter.api.Test;

/** Witness cosignatures (见证签名) on the checkpoint, k of n. */
class CosignatureTest {

    private final WitnessedBook witnessed = WitnessedBook.create();
    private final BookFixture book = witnessed.book;
    private final NoteSigner auditor = book.auditor.noteSigner();
    private final NoteSigner townOfficer = book.townOfficer.noteSigner();

    @Test
    void theBooksAuditorAndTownOfficerKeysAreWitnesses() {
        var report = verify(logSigned().cosignedBy(auditor).cosignedBy(townOfficer), 2);

        assertThat(report.findings()).isEmpty();
        assertThat(report.witnesses()).containsExactly("xinhe:zhao-min", "beishan:qian-li");
    }

    @Test
    void theAuditorsRegisteredKeyAlsoCosignsAsATlogCosignatureV1AsTheBrowserPageSigns() {
        Cosigner browser = Cosigner.of(book.auditor.actor(),
                new KeyPair(book.auditor.key().publicKey(), book.auditor.key().privateKey()));
        SignedNote note = logSigned();
        SignedNote cosigned = note.with(List.of(browser.cosign(note.text(), Instant.parse("2026-04-01T08:00:00Z"))));

        var report = verify(cosigned, 1);

        assertThat(report.findings()).isEmpty();
        assertThat(report.witnesses()).containsExactly("xinhe:zhao-min");
        NoteSignature forged = new NoteSignature(browser.verifierKey().name(), browser.verifierKey().keyHash(),
                new byte[72]);
        assertThat(verify(note.with(List.of(forged)), 0).findings()).extracting(Finding::code)
                .containsExactly("cosignature.invalid");
    }

    @Test
    void fewerCosignaturesThanRequiredAreMissingAndTheMessageNamesWhoSigned() {
        var report = verify(logSigned().cosignedBy(auditor), 2);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("cosignature.missing");
        assertThat(report.findings().get(0).message())
                .isEqualTo("the checkpoint carries 1 of the 2 required cosignatures; signed by xinhe:zhao-min");
    }

    @Test
    void theLogsOwnSignatureIsNotACosignature() {
        var report = verify(logSigned(), 1);

        assertThat(report.findings()).extracting(Finding::message)
                .containsExactly("the checkpoint carries 0 of the 1 required cosignatures");
    }

    @Test
    void aWitnessSigningTwiceCountsOnce() {
        var report = verify(logSigned().cosignedBy(auditor).cosignedBy(auditor), 2);

        assertThat(report.witnesses()).containsExactly("xinhe:zhao-min");
        assertThat(report.findings()).extracting(Finding::code).containsExactly("cosignature.missing");
    }

    @Test
    void unknownSignaturesAreIgnoredAndCounted() {
        var stranger = NoteSigner.of("witness.example/w1", TestKeys.ed25519Pair("stranger"));

        var report = verify(logSigned().cosignedBy(stranger).cosignedBy(auditor).cosignedBy(townOfficer), 2);

        assertThat(report.findings()).isEmpty();
        assertThat(report.unknownSignatures()).isEqualTo(1);
    }

    @Test
    void pinnedWitnessKeysAreTheOnlyOnesThatCount() {
        var external = NoteSigner.of("witness.example/w1", TestKeys.ed25519Pair("external witness"));
        var options = VerifyOptions.trusting(book.logKey.verifierKey())
                .withWitnessKeys(List.of(external.verifierKey())).requiringCosignatures(2);

        var report = Verifier.verify(witnessed.bundle(book.entries(),
                logSigned().cosignedBy(auditor).cosignedBy(external).cosignedBy(townOfficer)), options);

        assertThat(report.witnesses()).containsExactly("witness.example/w1");
        assertThat(report.unknownSignatures()).isEqualTo(2);
        assertThat(report.findings()).extracting(Finding::code).containsExactly("cosignature.missing");
    }

    @Test
    void aTimestampedCosignatureByAPinnedIndependentWitnessCounts() {
        var witness = Cosigner.of("witness.xinhe.example/w1", TestKeys.ed25519Pair("independent witness"));
        var checkpoint = logSigned();
        var cosigned = checkpoint.with(List.of(witness.cosign(checkpoint.text(), Instant.parse("2026-04-01T08:00:00Z"))));
        var options = VerifyOptions.trusting(book.logKey.verifierKey())
                .withWitnessKeys(List.of(witness.verifierKey())).requiringCosignatures(1);

        var report = Verifier.verify(witnessed.bundle(book.entries(), cosigned), options);

        assertThat(report.findings()).isEmpty();
        assertThat(report.witnesses()).containsExactly("witness.xinhe.example/w1");
    }

    @Test
    void aCosignatureWhoseTimestampWasChangedIsForged() {
        var witness = Cosigner.of("witness.xinhe.example/w1", TestKeys.ed25519Pair("independent witness"));
        var checkpoint = logSigned();
        var line = witness.cosign(checkpoint.text(), Instant.parse("2026-04-01T08:00:00Z"));
        byte[] bytes = line.signature();
        bytes[7]++;
        var altered = checkpoint.with(List.of(new NoteSignature(line.name(), line.keyHash(), bytes)));

        var report = Verifier.verify(witnessed.bundle(book.entries(), altered), VerifyOptions
                .trusting(book.logKey.verifierKey()).withWitnessKeys(List.of(witness.verifierKey())));

        assertThat(report.findings()).extracting(Finding::code).containsExactly("cosignature.invalid");
    }

    @Test
    void aForgedCosignatureIsReportedEvenWhenNoneIsRequired() {
        var impostor = NoteSigner.of(auditor.verifierKey().name(), TestKeys.ed25519Pair("impostor"));
        var genuine = logSigned();
        var forgedLine = new NoteSignature(auditor.verifierKey().name(),
                auditor.verifierKey().keyHash(), impostor.sign(genuine.text()).signature());
        var forged = new SignedNote(genuine.text(), List.of(genuine.signatures().get(0), forgedLine));

        var report = verify(forged, 0);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("cosignature.invalid");
        assertThat(report.witnesses()).isEmpty();
    }

    @Test
    void aCosignatureByAKeyRevokedWithinTheCheckpointDoesNotCount() {
        book.append(book.auditor, "key.revoked",
                BookFixture.payload("keyId", book.auditor.key().keyId()).put("reason", "换届"));

        var report = verify(logSigned().cosignedBy(auditor).cosignedBy(townOfficer), 2);

        assertThat(report.witnesses()).containsExactly("beishan:qian-li");
        assertThat(report.unknownSignatures()).isEqualTo(1);
        assertThat(report.findings()).extracting(Finding::code).containsExactly("cosignature.missing");
    }

    @Test
    void aKeyOfAnotherRoleIsNoWitness() {
        var preparer = book.preparer.noteSigner();

        var report = verify(logSigned().cosignedBy(preparer).cosignedBy(auditor), 2);

        assertThat(report.witnesses()).containsExactly("xinhe:zhao-min");
        assertThat(report.unknownSignatures()).isEqualTo(1);
    }

    /** The checkpoint over all entries, signed by the log key only. */
    private SignedNote logSigned() {
        int size = book.entries().size();
        return Checkpoint.forBook(BOOK, size, book.root(size)).sign(book.logKey);
    }

    private VerificationReport verify(SignedNote checkpoint, int required) {
        return Verifier.verify(witnessed.bundle(book.entries(), checkpoint),
                VerifyOptions.trusting(book.logKey.verifierKey()).requiringCosignatures(required));
    }
}
