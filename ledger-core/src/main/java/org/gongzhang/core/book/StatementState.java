package org.gongzhang.core.book;

import java.time.LocalDate;
import org.gongzhang.core.book.api.payload.LogCheckpoint;
import org.gongzhang.core.book.api.payload.StatementDrafted;
import org.gongzhang.core.disclosure.StatementStatus;
import org.gongzhang.core.period.Period;

/**
 * What the book remembers of one statement (公示表): enough to sign off exactly what was drafted,
 * publish it once, correct it in order and let owners object during its posting period. Dates are
 * ISO text.
 *
 * @param drafter      the actor who drafted it (起草)
 * @param from         the first period covered
 * @param to           the last period covered
 * @param contentHash  the hash of its {@code statement.json}
 * @param checkpoint   the log it rests on
 * @param version      1, or one more than the version it corrects
 * @param corrects     the statement it corrects (更正), or null
 * @param status       where it stands
 * @param signedOn     the business date of its sign-off (会签), or null
 * @param postingFrom  the first day of its posting period (公示期), or null
 * @param postingUntil the last day of its posting period, or null
 * @param supersededBy the published correction that replaced it, or null
 */
record StatementState(String drafter, Period from, Period to, String contentHash, LogCheckpoint checkpoint,
        int version, String corrects, StatementStatus status, String signedOn, String postingFrom,
        String postingUntil, String supersededBy) {

    static StatementState drafted(String drafter, StatementDrafted draft, int version) {
        return new StatementState(drafter, draft.from(), draft.to(), draft.contentHash(), draft.checkpoint(), version,
                draft.corrects(), StatementStatus.DRAFTED, null, null, null, null);
    }

    StatementState withdrawn() {
        return new StatementState(drafter, from, to, contentHash, checkpoint, version, corrects,
                StatementStatus.WITHDRAWN, signedOn, postingFrom, postingUntil, supersededBy);
    }

    StatementState signed(LocalDate on) {
        return new StatementState(drafter, from, to, contentHash, checkpoint, version, corrects, StatementStatus.SIGNED,
                on.toString(), postingFrom, postingUntil, supersededBy);
    }

    StatementState published(LocalDate first, LocalDate last) {
        return new StatementState(drafter, from, to, contentHash, checkpoint, version, corrects,
                StatementStatus.PUBLISHED, signedOn, first.toString(), last.toString(), supersededBy);
    }

    StatementState superseded(String by) {
        return new StatementState(drafter, from, to, contentHash, checkpoint, version, corrects, status, signedOn,
                postingFrom, postingUntil, by);
    }

    LocalDate signedOnDate() {
        return LocalDate.parse(signedOn);
    }

    /** True when {@code day} lies in the posting period, both ends included. */
    boolean postedOn(LocalDate day) {
        return status == StatementStatus.PUBLISHED && !day.isBefore(LocalDate.parse(postingFrom))
                && !day.isAfter(LocalDate.parse(postingUntil));
    }
}
