package org.gongzhang.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.fixtures.NegativeFixture;
import org.gongzhang.verifier.fixtures.ProofForAnotherLeaf;
import org.gongzhang.verifier.fixtures.WitnessedBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every named negative fixture fails verification with the finding that names its tampering; the untampered book passes. */
class NegativeFixturesTest {

    @Test
    void theUntamperedBookPassesWithTheSameOptions() {
        var untampered = NegativeFixture.untampered();

        var report = Verifier.verify(untampered.bundle(), untampered.options());

        assertThat(report.findings()).isEmpty();
        assertThat(report.witnesses()).containsExactly("xinhe:zhao-min", "beishan:qian-li");
        assertThat(report.consistentSince()).hasValue(WitnessedBook.SAVED_SIZE);
    }

    @Test
    void thePublishedStatementAsSignedOffPassesAndTheReportNamesItsVersion() {
        var published = NegativeFixture.publishedStatement(WitnessedBook.create());

        var report = Verifier.verify(published.bundle(), published.options());

        assertThat(report.findings()).isEmpty();
        assertThat(report.statement()).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.draftedAt()).isEqualTo(9);
            assertThat(v.signOff()).hasValueSatisfying(s -> assertThat(s.actor()).isEqualTo("xinhe:zhao-min"));
            assertThat(v.posting()).hasValueSatisfying(p -> assertThat(p.until()).hasToString("2026-04-19"));
        });
    }

    @ParameterizedTest
    @EnumSource(NegativeFixture.class)
    void eachTamperingFailsWithTheFindingThatNamesIt(NegativeFixture fixture) {
        var tampered = fixture.build();

        var report = Verifier.verify(tampered.bundle(), tampered.options());

        var codes = report.findings().stream().map(Finding::code).toList();
        assertThat(report.ok()).isFalse();
        assertThat(codes).contains(fixture.cause).containsAll(fixture.consequences);
        assertThat(codes).as("nothing but the tampering and its consequences").allMatch(
                code -> code.equals(fixture.cause) || fixture.consequences.contains(code));
    }

    @Test
    void theRewrittenHistoryVerifiesOnItsOwnOnlyTheSavedCheckpointExposesIt() {
        var rewritten = NegativeFixture.REWRITTEN_HISTORY.build();
        var withoutSaved = new VerifyOptions(rewritten.options().logKey(), Optional.empty(),
                rewritten.options().witnessKeys(), rewritten.options().requiredCosignatures());

        assertThat(Verifier.verify(rewritten.bundle(), withoutSaved).findings()).isEmpty();
        assertThat(Verifier.verify(rewritten.bundle(), rewritten.options()).findings())
                .extracting(Finding::index, Finding::code)
                .containsExactly(tuple(Finding.WHOLE_LOG, "since.split-view"));
    }

    @ParameterizedTest(name = "the proof of leaf {0} presented for leaf {1}")
    @MethodSource("everyOtherLeaf")
    void anInclusionProofForAnotherLeafIsRejected(int proven, int claimed) {
        var leaves = WitnessedBook.create().book.entries().stream().map(SignedEntry::leafHash).toList();
        var fixture = new ProofForAnotherLeaf(leaves, proven, claimed);

        assertThat(fixture.genuine().verify(fixture.provenLeaf(), fixture.root())).as("control").isTrue();
        assertThat(fixture.genuine().verify(fixture.claimedLeaf(), fixture.root())).isFalse();
        assertThat(fixture.relabelled().verify(fixture.claimedLeaf(), fixture.root())).isFalse();
        assertThat(fixture.relabelled().verify(fixture.provenLeaf(), fixture.root())).isFalse();
    }

    static Stream<Arguments> everyOtherLeaf() {
        return IntStream.range(0, 9).boxed().flatMap(proven -> IntStream.range(0, 9).filter(claimed -> claimed != proven)
                .mapToObj(claimed -> Arguments.of(proven, claimed)));
    }
}
