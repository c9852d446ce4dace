package org.gongzhang.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.gongzhang.verifier.decision.JointDecision;
import org.gongzhang.verifier.decision.Measure;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.EntryKind;
import org.gongzhang.verifier.entry.MalformedEntry;

/**
 * Recomputes every owners' joint decision ({@code decision.recorded}, 民法典 §278) from the tally it
 * carries: the result it states must be the one the tally gives, and the tally must add up.
 */
final class DecisionCheck {

    /** The finding for a decision whose stated result the tally does not give. */
    static final String RESULT_MISMATCH = "decision.result-mismatch";

    private DecisionCheck() {
    }

    /** A finding when the entry is a decision whose result does not follow from its tally. */
    static Optional<Finding> check(long position, EntryHeader header) {
        if (!EntryKind.DECISION_RECORDED.wireName().equals(header.kind())) {
            return Optional.empty();
        }
        JointDecision decision;
        try {
            decision = JointDecision.read(header.payload());
        } catch (MalformedEntry e) {
            return mismatch(position, "the tally cannot be recomputed: " + e.getMessage());
        }
        Optional<String> inconsistent = decision.inconsistency()
                .map(i -> "the tally does not add up at " + i.field() + " (" + i + ")");
        if (inconsistent.isPresent()) {
            return mismatch(position, inconsistent.get());
        }
        JsonNode stated = header.payload().path("result");
        if (!decision.result().equals(stated.asText())) {
            return mismatch(position, "result says " + stated.asText() + ", the tally gives " + decision.result()
                    + decision.failedMeasure().map(m -> ": " + shortfall(decision, m)).orElse(""));
        }
        return Optional.empty();
    }

    private static String shortfall(JointDecision d, Measure measure) {
        return switch (measure) {
            case QUORUM_AREA -> "participating area " + d.participating().area() + " m² is below 2/3 of the roll's "
                    + d.roll().area() + " m²";
            case QUORUM_OWNERS -> "participating owners " + d.participating().owners() + " are below 2/3 of the roll's "
                    + d.roll().owners();
            case APPROVAL_AREA -> "area in favour " + d.inFavour().area() + " m² is not " + d.approvalThreshold()
                    + " of the participating " + d.participating().area() + " m²";
            case APPROVAL_OWNERS -> "owners in favour " + d.inFavour().owners() + " are not " + d.approvalThreshold()
                    + " of the participating " + d.participating().owners();
        };
    }

    private static Optional<Finding> mismatch(long position, String message) {
        return Optional.of(new Finding(position, RESULT_MISMATCH, message));
    }
}
