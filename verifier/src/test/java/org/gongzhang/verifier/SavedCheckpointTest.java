package org.gongzhang.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.gongzhang.verifier.fixtures.BookFixture.BOOK;

import java.time.Instant;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.fixtures.WitnessedBook;
import org.junit.jupiter.api.Test;

/** {@code --since}: the bundle's entries must extend the checkpoint the auditor saved earlier. */
class SavedCheckpointTest {

    private final WitnessedBook witnessed = WitnessedBook.create();
    private final NoteSigner logKey = witnessed.book.logKey;

    @Test
    void aBundleThatExtendsTheSavedCheckpointIsConsistentWithIt() {
        var report = verify(witnessed.bundle(), saved(6));

        assertThat(report.findings()).isEmpty();
        assertThat(report.consistentSince()).hasValue(6);
    }

    @Test
    void aSavedCheckpointOfTheSameSizeAsTheBundleIsConsistent() {
        var report = verify(witnessed.bundle(), saved(9));

        assertThat(report.findings()).isEmpty();
        assertThat(report.consistentSince()).hasValue(9);
    }

    @Test
    void aBundleShorterThanTheSavedCheckpointIsReportedAtItsFirstMissingIndex() {
        var saved = saved(9);
        var shorter = witnessed.bundle(witnessed.book.entries().subList(0, 7),
                Checkpoint.forBook(BOOK, 7, witnessed.book.root(7)).sign(logKey));

        var report = verify(shorter, saved);

        assertThat(report.findings()).extracting(Finding::index, Finding::code).containsExactly(tuple(7L, "since.split-view"));
        assertThat(report.findings().get(0).message()).contains("split view", "9", "7");
        assertThat(report.consistentSince()).isEmpty();
    }

    @Test
    void aSavedCheckpointWhoseRootDisagreesIsASplitView() {
        var other = Checkpoint.forBook(BOOK, 6, witnessed.book.root(5)).sign(logKey);

        var report = verify(witnessed.bundle(), other);

        assertThat(report.findings()).extracting(Finding::index, Finding::code)
                .containsExactly(tuple(Finding.WHOLE_LOG, "since.split-view"));
        assertThat(report.findings().get(0).message()).contains("split view", "two histories");
    }

    @Test
    void aSavedCheckpointNotSignedByTheLogKeyIsNotCompared() {
        var forged = Checkpoint.forBook(BOOK, 6, witnessed.book.root(6)).sign(NoteSigner.generate(logKey.verifierKey().name()));

        var report = verify(witnessed.bundle(), forged);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("since.signature-invalid");
        assertThat(report.consistentSince()).isEmpty();
    }

    @Test
    void aSavedCheckpointOfAnotherBookIsReported() {
        var otherBook = Checkpoint.forBook("other-book", 6, witnessed.book.root(6)).sign(logKey);

        var report = verify(witnessed.bundle(), otherBook);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("since.origin-mismatch");
    }

    @Test
    void aSavedCheckpointThatIsNotACheckpointIsReported() {
        var notACheckpoint = SignedNote.sign("hello\n", logKey);

        var report = verify(witnessed.bundle(), notACheckpoint);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("since.malformed");
    }

    @Test
    void aSubstitutedBundleTrustedOnFirstUseIsCaughtByTheSavedCheckpoint() {
        var impostor = NoteSigner.generate(logKey.verifierKey().name());
        var entries = witnessed.book.entries();
        var substituted = Bundle.signed(BOOK, entries, impostor, Instant.parse("2026-04-01T08:00:00Z"));

        var report = Verifier.verify(substituted, VerifyOptions.defaults().withSavedCheckpoint(saved(6)));

        assertThat(report.trustOnFirstUse()).isTrue();
        assertThat(report.findings()).extracting(Finding::code).containsExactly("since.signature-invalid");
    }

    private SignedNote saved(int size) {
        return Checkpoint.forBook(BOOK, size, witnessed.book.root(size)).sign(logKey);
    }

    private VerificationReport verify(Bundle bundle, SignedNote saved) {
        return Verifier.verify(bundle, VerifyOptions.trusting(logKey.verifierKey()).withSavedCheckpoint(saved));
    }
}
