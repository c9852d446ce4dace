package org.gongzhang.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.gongzhang.verifier.fixtures.BookFixture.BOOK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.gongzhang.verifier.fixtures.TestSigner;
import org.junit.jupiter.api.Test;

/** The verifier recomputes every owners' joint decision (民法典 §278) in a log from its tally. */
class DecisionCheckTest {

    private final BookFixture book = BookFixture.opened();
    private final TestSigner chair = TestSigner.seeded("lanyuan:sun-li", Role.COMMITTEE_CHAIR, SignatureSuite.ED25519,
            "孙丽");

    @Test
    void acceptsADecisionWhoseResultFollowsFromItsTally() {
        record(decision("PASSED"));
        ObjectNode major = decision("FAILED").put("matter", "MAJOR");
        ((ObjectNode) major.get("for")).put("owners", 170);
        ((ObjectNode) major.get("against")).put("owners", 60);
        record(major);

        assertThat(verify().findings()).isEmpty();
    }

    @Test
    void reportsADecisionThatClaimsToPassWithoutAQuorum() {
        ObjectNode claimed = decision("PASSED");
        ((ObjectNode) claimed.get("participating")).put("owners", 213);
        ((ObjectNode) claimed.get("for")).put("owners", 173);
        record(claimed);

        assertThat(verify().findings()).containsExactly(new Finding(2, "decision.result-mismatch",
                "result says PASSED, the tally gives FAILED: participating owners 213 are below 2/3 of the roll's 320"));
    }

    @Test
    void reportsADecisionThatClaimsToFailAlthoughItsTallyPasses() {
        record(decision("FAILED"));

        assertThat(verify().findings()).extracting(Finding::index, Finding::code)
                .containsExactly(tuple(2L, "decision.result-mismatch"));
    }

    @Test
    void reportsATallyThatDoesNotAddUp() {
        ObjectNode claimed = decision("PASSED");
        ((ObjectNode) claimed.get("abstain")).put("area", "999.99");
        record(claimed);

        assertThat(verify().findings()).extracting(Finding::code).containsExactly("decision.result-mismatch");
        assertThat(verify().findings().get(0).message()).contains("participating.area");
    }

    private void record(ObjectNode payload) {
        if (book.entries().size() == 1) {
            book.append(book.auditor, "key.registered", chair.registration());
        }
        book.append(chair, "decision.recorded", payload);
    }

    private VerificationReport verify() {
        return Verifier.verify(BOOK, book.entries(), Optional.of(book.checkpoint()), book.logKey.verifierKey());
    }

    private static ObjectNode decision(String result) {
        ObjectNode p = CanonicalJson.mapper().createObjectNode().put("decisionId", "d-2026-01").put("matter", "ORDINARY")
                .put("subject", "更换3号楼电梯").putNull("requestId");
        p.putObject("roll").put("owners", 320).put("area", "28650.40");
        p.putObject("participating").put("owners", 240).put("area", "21000.00");
        p.putObject("for").put("owners", 200).put("area", "18000.00");
        p.putObject("against").put("owners", 30).put("area", "2000.00");
        p.putObject("abstain").put("owners", 10).put("area", "1000.00");
        return p.put("rollSha256", "cd".repeat(32)).put("result", result);
    }
}
