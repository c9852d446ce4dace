package org.gongzhang.core.book.api.payload;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.decision.JointDecision;
import org.gongzhang.verifier.decision.Matter;
import org.gongzhang.verifier.decision.Share;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code decision.recorded}: 业主共同决定 (民法典 §278) with its tally, recorded by the committee chair.
 * The roll itself (who voted how) stays private; the entry cites its hash.
 *
 * @param decisionId the decision's id
 * @param subject    表决事项
 * @param requestId  the expenditure request it decides, or null
 * @param tally      matter, roll, participants, for, against, abstain
 * @param rollSha256 lowercase hex SHA-256 of the private roll file (表决名册)
 * @param result     the result as stated, {@code PASSED} or {@code FAILED}
 */
public record DecisionRecorded(String decisionId, String subject, String requestId, JointDecision tally,
        String rollSha256, String result) {

    public static DecisionRecorded from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        JointDecision tally = new JointDecision(p.enumValue("matter", Matter.class, RefusalCode.MATTER_UNKNOWN),
                share(p, "roll"), share(p, "participating"), share(p, "for"), share(p, "against"), share(p, "abstain"));
        return new DecisionRecorded(p.id("decisionId", RefusalCode.DECISION_ID_INVALID), p.string("subject"),
                GovernanceFields.optionalId(p, "requestId", RefusalCode.REQUEST_ID_INVALID), tally,
                p.string("rollSha256"), p.string("result"));
    }

    private static Share share(PayloadReader reader, String field) {
        PayloadReader s = reader.object(field);
        JsonNode owners = s.node().get("owners");
        if (owners == null || !owners.isIntegralNumber() || !owners.canConvertToLong() || owners.longValue() < 0
                || owners.longValue() > Integer.MAX_VALUE) {
            throw RefusalCode.DECISION_OWNERS_INVALID.at(s.path("owners"));
        }
        String area = s.string("area");
        if (!Share.isArea(area)) {
            throw RefusalCode.DECISION_AREA_INVALID.at(s.path("area"), area);
        }
        return new Share(owners.longValue(), Share.parseArea(area));
    }
}
