package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_ALREADY_PUBLISHED;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_ALREADY_SIGNED;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_CHECKPOINT_ROOT_MISMATCH;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_CHECKPOINT_SIZE_MISMATCH;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_CORRECTS_OTHER_PERIODS;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_CORRECTS_REASON_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_CORRECTS_SUPERSEDED;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_CORRECTS_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_CORRECTS_UNPUBLISHED;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_ID_DUPLICATE;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_PERIODS_REVERSED;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_PERIOD_NOT_CLOSED;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_POSTING_BEFORE_SIGN_OFF;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_POSTING_TOO_SHORT;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_PUBLISH_UNSIGNED;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_SIGN_BY_DRAFTER;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_SIGN_CHECKPOINT_MISMATCH;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_SIGN_CONTENT_MISMATCH;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_WITHDRAWN;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_WITHDRAW_REASON_BLANK;

import org.gongzhang.core.book.api.payload.StatementDrafted;
import org.gongzhang.core.book.api.payload.StatementPublished;
import org.gongzhang.core.book.api.payload.StatementSigned;
import org.gongzhang.core.book.api.payload.StatementWithdrawn;
import org.gongzhang.core.disclosure.StatementStatus;
import org.gongzhang.core.period.Period;

/**
 * 公示表 起草 → 会签 → 公示: a statement covers closed periods and rests on exactly the log before
 * its draft (the entry's index and the book's Merkle root); a draft may be withdrawn until a
 * community auditor other than its drafter signs off the very content and checkpoint drafted; a
 * signed statement is published once, for a posting period (公示期) of at least a day from its
 * sign-off on. A correction (更正) of the same periods names the latest published version, with a
 * reason; publishing it supersedes that version, which stays in the log.
 */
final class StatementRules {

    private static final String STATEMENT_ID = "entry.payload.statementId";
    private static final String CORRECTS = "entry.payload.corrects";

    private final Statements statements;
    private final Periods periods;
    private final LogHead head;

    StatementRules(Statements statements, Periods periods, LogHead head) {
        this.statements = statements;
        this.periods = periods;
        this.head = head;
    }

    /** Checks a draft and answers its version. */
    int drafted(StatementDrafted draft) {
        if (statements.contains(draft.statementId())) {
            throw STATEMENT_ID_DUPLICATE.at(STATEMENT_ID, draft.statementId());
        }
        if (draft.from().isAfter(draft.to())) {
            throw STATEMENT_PERIODS_REVERSED.at("entry.payload.to", draft.from(), draft.to());
        }
        closed(draft.from(), draft.to());
        Require.sha256(draft.contentHash(), "entry.payload.contentHash");
        if (draft.checkpoint().size() != head.nextIndex()) {
            throw STATEMENT_CHECKPOINT_SIZE_MISMATCH.at("entry.payload.checkpoint.size", head.nextIndex());
        }
        if (!draft.checkpoint().root().equals(head.root())) {
            throw STATEMENT_CHECKPOINT_ROOT_MISMATCH.at("entry.payload.checkpoint.root", head.root());
        }
        return draft.corrects() == null ? 1 : corrected(draft).version() + 1;
    }

    void withdrawn(StatementWithdrawn withdrawn) {
        drafted(withdrawn.statementId());
        Require.nonBlank(withdrawn.reason(), STATEMENT_WITHDRAW_REASON_BLANK, "entry.payload.reason");
    }

    void signed(StatementSigned signed, String signer) {
        StatementState statement = drafted(signed.statementId());
        if (statement.drafter().equals(signer)) {
            throw STATEMENT_SIGN_BY_DRAFTER.at("entry.actor", statement.drafter());
        }
        if (!statement.contentHash().equals(signed.contentHash())) {
            throw STATEMENT_SIGN_CONTENT_MISMATCH.at("entry.payload.contentHash", statement.contentHash());
        }
        if (!statement.checkpoint().equals(signed.checkpoint())) {
            throw STATEMENT_SIGN_CHECKPOINT_MISMATCH.at("entry.payload.checkpoint", statement.checkpoint().size(),
                    statement.checkpoint().root());
        }
    }

    /** Checks a publication and answers the version it supersedes, or null. */
    String published(StatementPublished published) {
        StatementState statement = known(published.statementId());
        switch (statement.status()) {
            case WITHDRAWN -> throw STATEMENT_WITHDRAWN.at(STATEMENT_ID, published.statementId());
            case DRAFTED -> throw STATEMENT_PUBLISH_UNSIGNED.at(STATEMENT_ID, published.statementId());
            case PUBLISHED -> throw STATEMENT_ALREADY_PUBLISHED.at(STATEMENT_ID, published.statementId());
            case SIGNED -> {
                // publishable
            }
        }
        if (published.postingFrom().isBefore(statement.signedOnDate())) {
            throw STATEMENT_POSTING_BEFORE_SIGN_OFF.at("entry.payload.postingFrom", published.postingFrom(),
                    statement.signedOn());
        }
        if (!published.postingUntil().isAfter(published.postingFrom())) {
            throw STATEMENT_POSTING_TOO_SHORT.at("entry.payload.postingUntil", published.postingFrom(),
                    published.postingUntil());
        }
        if (statement.corrects() != null) {
            current(statement.corrects(), "entry.payload.statementId");
        }
        return statement.corrects();
    }

    /** Every period from … to has been closed (结账) in this book. */
    private void closed(Period from, Period to) {
        if (from.isBefore(periods.start())) {
            throw STATEMENT_PERIOD_NOT_CLOSED.at("entry.payload.from", from);
        }
        if (!periods.isClosed(to)) {
            Period firstOpen = periods.nextToClose().isAfter(from) ? periods.nextToClose() : from;
            throw STATEMENT_PERIOD_NOT_CLOSED.at("entry.payload.to", firstOpen);
        }
    }

    private StatementState corrected(StatementDrafted draft) {
        StatementState corrected = statements.find(draft.corrects())
                .orElseThrow(() -> STATEMENT_CORRECTS_UNKNOWN.at(CORRECTS, draft.corrects()));
        current(draft.corrects(), CORRECTS);
        if (!corrected.from().equals(draft.from()) || !corrected.to().equals(draft.to())) {
            throw STATEMENT_CORRECTS_OTHER_PERIODS.at(CORRECTS, corrected.from(), corrected.to());
        }
        Require.nonBlank(draft.reason(), STATEMENT_CORRECTS_REASON_BLANK, "entry.payload.reason");
        return corrected;
    }

    /** The statement a correction names is published and not yet superseded by a published correction. */
    private void current(String statementId, String field) {
        StatementState corrected = known(statementId);
        if (corrected.status() != StatementStatus.PUBLISHED) {
            throw STATEMENT_CORRECTS_UNPUBLISHED.at(field, statementId);
        }
        if (corrected.supersededBy() != null) {
            throw STATEMENT_CORRECTS_SUPERSEDED.at(field, statementId, corrected.supersededBy());
        }
    }

    /** A statement still in draft: neither withdrawn nor signed off. */
    private StatementState drafted(String statementId) {
        StatementState statement = known(statementId);
        if (statement.status() == StatementStatus.WITHDRAWN) {
            throw STATEMENT_WITHDRAWN.at(STATEMENT_ID, statementId);
        }
        if (statement.status() != StatementStatus.DRAFTED) {
            throw STATEMENT_ALREADY_SIGNED.at(STATEMENT_ID, statementId);
        }
        return statement;
    }

    private StatementState known(String statementId) {
        return statements.find(statementId).orElseThrow(() -> STATEMENT_UNKNOWN.at(STATEMENT_ID, statementId));
    }
}
