package org.gongzhang.verifier.statement;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One version of a statement (公示表) as the log tells it: drafted with the hash of its
 * {@code statement.json}, then perhaps withdrawn, signed off by the community auditor (会签),
 * published for a posting period (公示期), and superseded by a published correction (更正).
 *
 * @param statementId  the statement's id
 * @param version      1, or one more than the version it corrects
 * @param draftedAt    index of its {@code statement.drafted} entry
 * @param drafter      the actor who drafted it
 * @param contentHash  SHA-256 (hex) of the canonical {@code statement.json}
 * @param corrects     the statement this version corrects, if any
 * @param withdrawn    true once a {@code statement.withdrawn} entry withdrew the draft
 * @param signOff      who signed it off, if anyone did
 * @param posting      its posting period, once published
 * @param supersededBy the published correction that replaced it, if any
 */
public record StatementVersion(String statementId, int version, long draftedAt, String drafter, String contentHash,
        Optional<String> corrects, boolean withdrawn, Optional<SignOff> signOff, Optional<Posting> posting,
        Optional<String> supersededBy) {

    /** 会签: the community auditor's sign-off, at entry {@code index}. */
    public record SignOff(String actor, long index) {
    }

    /** 公示: published at entry {@code index} for the posting period {@code from} … {@code until}, both inclusive. */
    public record Posting(LocalDate from, LocalDate until, long index) {
    }

    static StatementVersion drafted(String statementId, int version, long draftedAt, String drafter,
            String contentHash, Optional<String> corrects) {
        return new StatementVersion(statementId, version, draftedAt, drafter, contentHash, corrects, false,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    StatementVersion withdraw() {
        return new StatementVersion(statementId, version, draftedAt, drafter, contentHash, corrects, true, signOff,
                posting, supersededBy);
    }

    StatementVersion signedBy(SignOff by) {
        return new StatementVersion(statementId, version, draftedAt, drafter, contentHash, corrects, withdrawn,
                Optional.of(by), posting, supersededBy);
    }

    StatementVersion publishedFor(Posting period) {
        return new StatementVersion(statementId, version, draftedAt, drafter, contentHash, corrects, withdrawn,
                signOff, Optional.of(period), supersededBy);
    }

    StatementVersion supersededBy(String correction) {
        return new StatementVersion(statementId, version, draftedAt, drafter, contentHash, corrects, withdrawn,
                signOff, posting, Optional.of(correction));
    }
}
