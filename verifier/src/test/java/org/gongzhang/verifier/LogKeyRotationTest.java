package org.gongzhang.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzhang.verifier.fixtures.BookFixture.BOOK;

import java.time.Instant;
import java.util.Optional;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.bundle.BundleReader;
import org.gongzhang.verifier.bundle.BundleWriter;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.LogKeyChain;
import org.gongzhang.verifier.checkpoint.LogKeyRotation;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.fixtures.TestKeys;
import org.gongzhang.verifier.fixtures.WitnessedBook;
import org.junit.jupiter.api.Test;

/**
 * {@code --log-key OLD} after the log key was rotated: the verifier follows the bundle's rotation
 * notes from the pinned key to the key that signed the checkpoint, and trusts no key reached
 * through a broken chain or a rotation its old or new key did not sign.
 */
class LogKeyRotationTest {

    private static final String NAME = "gongzhang.org/log";
    private static final Instant CREATED_AT = Instant.parse("2026-05-01T08:00:00Z");

    private final WitnessedBook witnessed = WitnessedBook.create();
    private final NoteSigner first = witnessed.book.logKey;
    private final NoteSigner second = NoteSigner.of(NAME, TestKeys.ed25519Pair("log key 2"));
    private final NoteSigner third = NoteSigner.of(NAME, TestKeys.ed25519Pair("log key 3"));

    @Test
    void aCheckpointSignedByTheNewKeyVerifiesWithTheOldKeyPinned() {
        LogKeyChain chain = LogKeyChain.empty().then(LogKeyRotation.sign(first, second))
                .then(LogKeyRotation.sign(second, third));

        VerificationReport report = verify(bundleSignedBy(third, chain));

        assertThat(report.findings()).isEmpty();
        assertThat(report.logKey()).isEqualTo(third.verifierKey().toString());
        assertThat(report.rotatedFrom()).containsExactly(first.verifierKey().toString(), second.verifierKey().toString());
    }

    @Test
    void aBundleReadBackFromItsZipKeepsItsRotations() {
        LogKeyChain chain = LogKeyChain.empty().then(LogKeyRotation.sign(first, second));

        Bundle read = BundleReader.read(BundleWriter.toBytes(bundleSignedBy(second, chain)));

        assertThat(read.logKeyRotations()).hasValue(chain.toString());
        assertThat(LogKeyChain.parse(read.logKeyRotations().orElseThrow())).isEqualTo(chain);
        assertThat(verify(read).findings()).isEmpty();
    }

    @Test
    void anAuditorWhoPinnedALaterKeyStartsFromIt() {
        LogKeyChain chain = LogKeyChain.empty().then(LogKeyRotation.sign(first, second))
                .then(LogKeyRotation.sign(second, third));

        VerificationReport report = Verifier.verify(bundleSignedBy(third, chain),
                VerifyOptions.trusting(second.verifierKey()));

        assertThat(report.findings()).isEmpty();
        assertThat(report.rotatedFrom()).containsExactly(second.verifierKey().toString());
    }

    @Test
    void withoutTheRotationsTheNewKeysCheckpointFailsUnderTheOldKey() {
        VerificationReport report = verify(bundleSignedBy(second, LogKeyChain.empty()));

        assertThat(report.findings()).extracting(Finding::code).containsExactly("checkpoint.signature-invalid");
    }

    @Test
    void aRotationSignedOnlyByTheNewKeyIsRefused() {
        NoteSigner impostor = NoteSigner.of(NAME, TestKeys.ed25519Pair("impostor"));
        LogKeyRotation unsigned = rotation(first, impostor, impostor);

        VerificationReport report = verify(bundleSignedBy(impostor, LogKeyChain.empty().then(unsigned)));

        assertThat(report.findings()).extracting(Finding::code)
                .containsExactly("log-key.rotation.old-key-signature-invalid", "checkpoint.signature-invalid");
        assertThat(report.rotatedFrom()).isEmpty();
    }

    @Test
    void aRotationTheNewKeyDidNotSignIsRefused() {
        LogKeyRotation unsigned = rotation(first, second, first);

        VerificationReport report = verify(bundleSignedBy(second, LogKeyChain.empty().then(unsigned)));

        assertThat(report.findings()).extracting(Finding::code)
                .containsExactly("log-key.rotation.new-key-signature-invalid", "checkpoint.signature-invalid");
    }

    @Test
    void aChainWithABreakIsRefusedAtTheBreak() {
        NoteSigner elsewhere = NoteSigner.of(NAME, TestKeys.ed25519Pair("unrelated key"));
        LogKeyChain broken = LogKeyChain.empty().then(LogKeyRotation.sign(first, second))
                .then(LogKeyRotation.sign(elsewhere, third));

        VerificationReport report = verify(bundleSignedBy(third, broken));

        assertThat(report.findings()).extracting(Finding::code)
                .containsExactly("log-key.rotation.chain-broken", "checkpoint.signature-invalid");
        assertThat(report.rotatedFrom()).containsExactly(first.verifierKey().toString());
    }

    @Test
    void aCheckpointSignedByAKeyOutsideTheChainIsRefused() {
        NoteSigner outsider = NoteSigner.of(NAME, TestKeys.ed25519Pair("outsider"));
        LogKeyChain chain = LogKeyChain.empty().then(LogKeyRotation.sign(first, second));

        VerificationReport report = verify(bundleSignedBy(outsider, chain));

        assertThat(report.findings()).extracting(Finding::code).containsExactly("checkpoint.signature-invalid");
    }

    @Test
    void aCheckpointSignedOnlyByAnOldKeyOfTheChainIsRefused() {
        LogKeyChain chain = LogKeyChain.empty().then(LogKeyRotation.sign(first, second));

        VerificationReport report = verify(bundleSignedBy(first, chain));

        assertThat(report.findings()).extracting(Finding::code).containsExactly("checkpoint.signature-invalid");
    }

    @Test
    void aChainThatNeverReachesThePinnedKeyIsReported() {
        LogKeyChain chain = LogKeyChain.empty().then(LogKeyRotation.sign(second, third));

        VerificationReport report = verify(bundleSignedBy(third, chain));

        assertThat(report.findings()).extracting(Finding::code)
                .containsExactly("log-key.rotation.unlinked", "checkpoint.signature-invalid");
    }

    @Test
    void aTamperedRotationNoteIsMalformedOrUnsigned() {
        String chain = LogKeyChain.empty().then(LogKeyRotation.sign(first, second)).toString();
        String otherNewKey = chain.replace("new " + second.verifierKey(), "new " + third.verifierKey());

        VerificationReport swapped = verify(bundleSignedBy(third, otherNewKey));
        VerificationReport garbled = verify(bundleSignedBy(second, chain.replace("old ", "odl ")));

        assertThat(swapped.findings()).extracting(Finding::code)
                .containsExactly("log-key.rotation.old-key-signature-invalid", "checkpoint.signature-invalid");
        assertThat(garbled.findings()).extracting(Finding::code)
                .containsExactly("log-key.rotation.malformed", "checkpoint.signature-invalid");
    }

    @Test
    void aCheckpointSavedUnderTheOldKeyStillComparesAfterTheRotation() {
        LogKeyChain chain = LogKeyChain.empty().then(LogKeyRotation.sign(first, second));
        SignedNote savedUnderOldKey = witnessed.saved();

        VerificationReport report = Verifier.verify(bundleSignedBy(second, chain),
                VerifyOptions.trusting(first.verifierKey()).withSavedCheckpoint(savedUnderOldKey));

        assertThat(report.findings()).isEmpty();
        assertThat(report.consistentSince()).hasValue(WitnessedBook.SAVED_SIZE);
    }

    @Test
    void aRotationNoteNamesTwoDifferentKeys() {
        assertThatThrownBy(() -> LogKeyRotation.sign(first, first)).isInstanceOf(MalformedNote.class);
        assertThatThrownBy(() -> LogKeyChain.parse("not a chain\n")).isInstanceOf(MalformedNote.class);
    }

    private VerificationReport verify(Bundle bundle) {
        return Verifier.verify(bundle, VerifyOptions.trusting(first.verifierKey()));
    }

    private Bundle bundleSignedBy(NoteSigner logKey, LogKeyChain chain) {
        return bundleSignedBy(logKey, chain.toString());
    }

    private Bundle bundleSignedBy(NoteSigner logKey, String chain) {
        var entries = witnessed.book.entries();
        SignedNote checkpoint = Checkpoint.forBook(BOOK, entries.size(), witnessed.book.root(entries.size())).sign(logKey);
        Bundle bundle = Bundle.of(BOOK, entries, Optional.of(checkpoint), logKey.verifierKey(), CREATED_AT);
        return new Bundle(bundle.manifest(), bundle.leaves(), bundle.checkpoint(), bundle.statement(),
                chain.isEmpty() ? Optional.empty() : Optional.of(chain));
    }

    /** The rotation from {@code from} to {@code to}, signed by {@code signer} only. */
    private static LogKeyRotation rotation(NoteSigner from, NoteSigner to, NoteSigner signer) {
        String text = LogKeyRotation.HEADER + "\nold " + from.verifierKey() + "\nnew " + to.verifierKey() + "\n";
        return LogKeyRotation.parse(SignedNote.sign(text, signer));
    }
}
