package org.gongzhang.verifier.decision;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.gongzhang.verifier.entry.MalformedEntry;

/**
 * 业主共同决定 (民法典 §278, DOMAIN §3): the tally of one vote, from which anyone recomputes the result.
 * Two ratios, two denominators: the quorum is taken on the roll (owners holding ≥ 2/3 of the
 * exclusive area AND ≥ 2/3 of the owners take part), the vote on the participants (≥ 3/4 of both
 * for a {@link Matter#MAJOR} matter, more than 1/2 of both otherwise). Exact integer arithmetic:
 * every ratio is compared by cross-multiplication of owners and 0.01 m².
 *
 * @param matter        which threshold applies
 * @param roll          every owner entitled to vote (应参与表决), with their area
 * @param participating those who took part
 * @param inFavour      those who voted for (同意)
 * @param against       those who voted against (反对)
 * @param abstain       those who abstained (弃权)
 */
public record JointDecision(Matter matter, Share roll, Share participating, Share inFavour, Share against,
        Share abstain) {

    /** PASSED, the word an entry writes for a decision that passes. */
    public static final String PASSED = "PASSED";
    /** FAILED, the word an entry writes for a decision that does not. */
    public static final String FAILED = "FAILED";

    /** The first way the tally contradicts itself, or empty when it is consistent. */
    public Optional<Inconsistency> inconsistency() {
        Share votes = inFavour.plus(against).plus(abstain);
        if (roll.owners() == 0) {
            return Optional.of(Inconsistency.ROLL_WITHOUT_OWNERS);
        }
        if (roll.centiArea() == 0) {
            return Optional.of(Inconsistency.ROLL_WITHOUT_AREA);
        }
        if (participating.owners() > roll.owners()) {
            return Optional.of(Inconsistency.PARTICIPATING_OWNERS_ABOVE_ROLL);
        }
        if (participating.centiArea() > roll.centiArea()) {
            return Optional.of(Inconsistency.PARTICIPATING_AREA_ABOVE_ROLL);
        }
        if (votes.owners() != participating.owners()) {
            return Optional.of(Inconsistency.VOTES_OWNERS_NOT_PARTICIPATING);
        }
        if (votes.centiArea() != participating.centiArea()) {
            return Optional.of(Inconsistency.VOTES_AREA_NOT_PARTICIPATING);
        }
        return Optional.empty();
    }

    /** The first measure the decision fails, in {@link Measure} order; empty when it passes. */
    public Optional<Measure> failedMeasure() {
        if (!atLeast(participating.centiArea(), 2, 3, roll.centiArea())) {
            return Optional.of(Measure.QUORUM_AREA);
        }
        if (!atLeast(participating.owners(), 2, 3, roll.owners())) {
            return Optional.of(Measure.QUORUM_OWNERS);
        }
        if (!approves(inFavour.centiArea(), participating.centiArea())) {
            return Optional.of(Measure.APPROVAL_AREA);
        }
        if (!approves(inFavour.owners(), participating.owners())) {
            return Optional.of(Measure.APPROVAL_OWNERS);
        }
        return Optional.empty();
    }

    public boolean passes() {
        return failedMeasure().isEmpty();
    }

    /** {@link #PASSED} or {@link #FAILED}, as the tally gives it. */
    public String result() {
        return passes() ? PASSED : FAILED;
    }

    /** The threshold of the vote in favour, as printed: {@code ≥ 3/4} or {@code > 1/2}. */
    public String approvalThreshold() {
        return matter == Matter.MAJOR ? "≥ 3/4" : "> 1/2";
    }

    private boolean approves(long part, long whole) {
        return matter == Matter.MAJOR ? atLeast(part, 3, 4, whole) : Math.multiplyExact(part, 2) > whole;
    }

    /** {@code part ≥ numerator/denominator × whole}, without division. */
    private static boolean atLeast(long part, long numerator, long denominator, long whole) {
        return Math.multiplyExact(part, denominator) >= Math.multiplyExact(whole, numerator);
    }

    /**
     * Reads the tally of a {@code decision.recorded} payload: {@code matter}, and {@code roll},
     * {@code participating}, {@code for}, {@code against}, {@code abstain} as
     * {@code {"owners": 320, "area": "28650.40"}}. Throws {@link MalformedEntry} naming the first
     * field it cannot read.
     */
    public static JointDecision read(JsonNode payload) {
        JsonNode matter = payload.get("matter");
        if (matter == null || !matter.isTextual() || !(matter.textValue().equals("ORDINARY")
                || matter.textValue().equals("MAJOR"))) {
            throw new MalformedEntry("entry.payload.matter", "must be ORDINARY or MAJOR");
        }
        return new JointDecision(Matter.valueOf(matter.textValue()), share(payload, "roll"),
                share(payload, "participating"), share(payload, "for"), share(payload, "against"),
                share(payload, "abstain"));
    }

    private static Share share(JsonNode payload, String field) {
        String path = "entry.payload." + field;
        JsonNode share = payload.get(field);
        if (share == null || !share.isObject()) {
            throw new MalformedEntry(path, "must be an object {owners, area}");
        }
        JsonNode owners = share.get("owners");
        if (owners == null || !owners.isIntegralNumber() || !owners.canConvertToLong() || owners.longValue() < 0) {
            throw new MalformedEntry(path + ".owners", "must be a whole number ≥ 0");
        }
        JsonNode area = share.get("area");
        if (area == null || !area.isTextual() || !Share.isArea(area.textValue())) {
            throw new MalformedEntry(path + ".area", "must be square metres with two decimals, e.g. 28650.40");
        }
        return new Share(owners.longValue(), Share.parseArea(area.textValue()));
    }
}
