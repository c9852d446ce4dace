package org.gongzhang.core.book.api;

import static org.gongzhang.core.book.api.LedgerRefusal.Kind.CONFLICT;
import static org.gongzhang.core.book.api.LedgerRefusal.Kind.FORBIDDEN;
import static org.gongzhang.core.book.api.LedgerRefusal.Kind.INVALID;
import static org.gongzhang.core.book.api.LedgerRefusal.Kind.NOT_FOUND;

import java.util.Arrays;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.verifier.entry.KeyRegistry;

/**
 * Every reason a book refuses an entry. {@link #code()} is stable (clients and problem+json
 * {@code type}s use it) and is the message key in the {@code i18n/ledger} bundles; the message
 * arguments are listed per constant.
 */
public enum RefusalCode {
    /** {0} = the offending field. */
    ENTRY_MALFORMED("entry.malformed", INVALID),
    /** {0} = the book this log is for. */
    ENTRY_BOOK_MISMATCH("entry.book.mismatch", INVALID),
    /** {0} = the index the next entry must have. */
    ENTRY_INDEX_STALE("entry.index.stale", CONFLICT),
    /** {0} = the hash of the latest entry. */
    ENTRY_PREV_MISMATCH("entry.prev.mismatch", CONFLICT),
    /** {0} = the service's clock. */
    ENTRY_RECORDED_AT_SKEW("entry.recorded-at.skew", INVALID),
    /** {0} = the previous entry's recordedAt. */
    ENTRY_RECORDED_AT_BEFORE_PREVIOUS("entry.recorded-at.before-previous", INVALID),
    /** {0} = the kind. */
    ENTRY_KIND_UNKNOWN("entry.kind.unknown", INVALID),
    ENTRY_KEY_UNKNOWN("entry.key.unknown", FORBIDDEN),
    ENTRY_KEY_REVOKED("entry.key.revoked", FORBIDDEN),
    ENTRY_KEY_ACTOR_MISMATCH("entry.key.actor-mismatch", FORBIDDEN),
    ENTRY_KEY_ROLE_MISMATCH("entry.key.role-mismatch", FORBIDDEN),
    ENTRY_KEY_SUITE_MISMATCH("entry.key.suite-mismatch", FORBIDDEN),
    ENTRY_ROLE_NOT_PERMITTED("entry.role.not-permitted", FORBIDDEN),
    ENTRY_SIGNATURE_INVALID("entry.signature.invalid", FORBIDDEN),
    /** {0} = the business date, {1} = today. */
    ENTRY_BUSINESS_DATE_IN_FUTURE("entry.business-date.in-future", INVALID),

    /** {0} = the refused text. */
    AMOUNT_MALFORMED("amount.malformed", INVALID),
    /** {0} = the refused text. */
    AMOUNT_TOO_MANY_DECIMALS("amount.too-many-decimals", INVALID),
    /** {0} = the refused text. */
    AMOUNT_NOT_POSITIVE("amount.not-positive", INVALID),
    /** {0} = the refused text, {1} = the maximum. */
    AMOUNT_TOO_LARGE("amount.too-large", INVALID),
    /** {0} = the refused text. */
    PERIOD_INVALID("period.invalid", INVALID),
    /** {0} = the refused text. */
    HASH_INVALID("hash.invalid", INVALID),

    BOOK_OPENED_NOT_FIRST("book.opened.not-first", CONFLICT),
    /** {0} = the kind of the would-be first entry. */
    BOOK_NOT_OPENED("book.not-opened", INVALID),
    /** {0} = the refused id. */
    BOOK_ID_INVALID("book.id.invalid", INVALID),
    BOOK_NAME_BLANK("book.name.blank", INVALID),
    /** {0} = the refused fund. */
    BOOK_FUND_UNKNOWN("book.fund.unknown", INVALID),
    BOOK_CHART_EMPTY("book.chart.empty", INVALID),

    /** {0} = the refused code. */
    ACCOUNT_CODE_INVALID("account.code.invalid", INVALID),
    /** {0} = the code. */
    ACCOUNT_CODE_DUPLICATE("account.code.duplicate", CONFLICT),
    /** {0} = the code, {1} = the parent. */
    ACCOUNT_CODE_NOT_UNDER_PARENT("account.code.not-under-parent", INVALID),
    /** {0} = the parent. */
    ACCOUNT_PARENT_UNKNOWN("account.parent.unknown", INVALID),
    /** {0} = the parent. */
    ACCOUNT_PARENT_DISABLED("account.parent.disabled", CONFLICT),
    /** {0} = the parent. */
    ACCOUNT_PARENT_USED("account.parent.used", CONFLICT),
    /** {0} = the refused direction. */
    ACCOUNT_DIRECTION_INVALID("account.direction.invalid", INVALID),
    /** {0} = the code, {1} = the parent. */
    ACCOUNT_DIRECTION_DIFFERS_FROM_PARENT("account.direction.differs-from-parent", INVALID),
    ACCOUNT_NAME_BLANK("account.name.blank", INVALID),
    /** {0} = the code. */
    ACCOUNT_UNKNOWN("account.unknown", NOT_FOUND),
    /** {0} = the code. */
    ACCOUNT_ALREADY_DISABLED("account.already-disabled", CONFLICT),
    ACCOUNT_DISABLE_REASON_BLANK("account.disable.reason.blank", INVALID),

    OPENING_BALANCES_EMPTY("opening-balances.empty", INVALID),
    OPENING_BALANCES_LINE_BOTH_SIDES("opening-balances.line.both-sides", INVALID),
    OPENING_BALANCES_LINE_NO_SIDE("opening-balances.line.no-side", INVALID),
    /** {0} = the account. */
    OPENING_BALANCES_ACCOUNT_UNKNOWN("opening-balances.account.unknown", INVALID),
    /** {0} = the account. */
    OPENING_BALANCES_ACCOUNT_NOT_LEAF("opening-balances.account.not-leaf", INVALID),
    /** {0} = the account. */
    OPENING_BALANCES_ACCOUNT_DISABLED("opening-balances.account.disabled", INVALID),
    /** {0} = the account. */
    OPENING_BALANCES_ACCOUNT_DUPLICATE("opening-balances.account.duplicate", INVALID),
    /** {0} = total debit, {1} = total credit. */
    OPENING_BALANCES_UNBALANCED("opening-balances.unbalanced", INVALID),
    OPENING_BALANCES_AFTER_POSTING("opening-balances.after-posting", CONFLICT),
    OPENING_BALANCES_ALREADY_SET("opening-balances.already-set", CONFLICT),

    /** {0} = the refused id. */
    VOUCHER_ID_INVALID("voucher.id.invalid", INVALID),
    /** {0} = the voucher id. */
    VOUCHER_ID_DUPLICATE("voucher.id.duplicate", CONFLICT),
    /** {0} = the refused word. */
    VOUCHER_WORD_INVALID("voucher.word.invalid", INVALID),
    /** {0} = the number of lines. */
    VOUCHER_LINES_TOO_FEW("voucher.lines.too-few", INVALID),
    VOUCHER_LINE_BOTH_SIDES("voucher.line.both-sides", INVALID),
    VOUCHER_LINE_NO_SIDE("voucher.line.no-side", INVALID),
    VOUCHER_LINE_SUMMARY_BLANK("voucher.line.summary.blank", INVALID),
    /** {0} = the maximum length. */
    VOUCHER_LINE_SUMMARY_TOO_LONG("voucher.line.summary.too-long", INVALID),
    /** {0} = the account. */
    VOUCHER_LINE_ACCOUNT_UNKNOWN("voucher.line.account.unknown", INVALID),
    /** {0} = the account. */
    VOUCHER_LINE_ACCOUNT_NOT_LEAF("voucher.line.account.not-leaf", INVALID),
    /** {0} = the account. */
    VOUCHER_LINE_ACCOUNT_DISABLED("voucher.line.account.disabled", INVALID),
    /** {0} = total debit, {1} = total credit. */
    VOUCHER_UNBALANCED("voucher.unbalanced", INVALID),
    /** {0} = the date, {1} = today. */
    VOUCHER_DATE_IN_FUTURE("voucher.date.in-future", INVALID),
    /**
     * 序时控制: {0} = the date, {1} = the voucher numbered last in its 凭证字 and period (e.g. 付-3),
     * {2} = that voucher's date.
     */
    VOUCHER_DATE_BEFORE_NUMBERED("voucher.date.before-numbered", CONFLICT),
    /** {0} = the period. */
    VOUCHER_PERIOD_CLOSED("voucher.period.closed", CONFLICT),
    /** {0} = the period, {1} = the book's first period. */
    VOUCHER_PERIOD_BEFORE_START("voucher.period.before-start", INVALID),
    VOUCHER_ATTACHMENTS_COUNT_NEGATIVE("voucher.attachments.count.negative", INVALID),
    /** {0} = the count, {1} = the number of files. */
    VOUCHER_ATTACHMENTS_COUNT_BELOW_FILES("voucher.attachments.count-below-files", INVALID),
    VOUCHER_ATTACHMENT_SHA256_INVALID("voucher.attachments.sha256.invalid", INVALID),
    VOUCHER_ATTACHMENT_NAME_BLANK("voucher.attachments.name.blank", INVALID),
    /** {0} = the voucher id. */
    VOUCHER_CORRECTS_UNKNOWN("voucher.corrects.unknown", INVALID),
    /** {0} = the voucher id. */
    VOUCHER_UNKNOWN("voucher.unknown", NOT_FOUND),
    /** {0} = the preparer. */
    VOUCHER_REVIEW_BY_PREPARER("voucher.review.by-preparer", FORBIDDEN),
    /** {0} = the voucher id. */
    VOUCHER_REVIEW_NOT_RECORDED("voucher.review.not-recorded", CONFLICT),
    /** {0} = the voucher id. */
    VOUCHER_POST_UNREVIEWED("voucher.post.unreviewed", CONFLICT),
    /** {0} = the voucher id. */
    VOUCHER_POSTED_IMMUTABLE("voucher.posted.immutable", CONFLICT),
    /** {0} = the voucher id. */
    VOUCHER_VOIDED("voucher.voided", CONFLICT),
    VOUCHER_VOID_REASON_BLANK("voucher.void.reason.blank", INVALID),
    /** {0} = the voucher id. */
    VOUCHER_REVERSE_NOT_POSTED("voucher.reverse.not-posted", CONFLICT),
    /** {0} = the voucher id. */
    VOUCHER_REVERSE_ALREADY_REVERSED("voucher.reverse.already-reversed", CONFLICT),
    VOUCHER_REVERSE_REASON_BLANK("voucher.reverse.reason.blank", INVALID),

    /** {0} = the period that must close next. */
    PERIOD_CLOSE_OUT_OF_ORDER("period.close.out-of-order", CONFLICT),
    /** {0} = the period, {1} = how many vouchers are neither posted nor voided. */
    PERIOD_CLOSE_UNPOSTED_VOUCHERS("period.close.unposted-vouchers", CONFLICT),
    /** {0} = the period, {1} = the 凭证字. */
    PERIOD_CLOSE_NUMBERING_GAP("period.close.numbering-gap", CONFLICT),
    /** {0} = total debit balances, {1} = total credit balances. */
    PERIOD_CLOSE_TRIAL_BALANCE("period.close.trial-balance", CONFLICT),
    PERIOD_REOPEN_NONE_CLOSED("period.reopen.none-closed", CONFLICT),
    /** {0} = the latest closed period. */
    PERIOD_REOPEN_NOT_LATEST("period.reopen.not-latest", CONFLICT),
    PERIOD_REOPEN_REASON_BLANK("period.reopen.reason.blank", INVALID),

    /** {0} = the key id. */
    KEY_ALREADY_REGISTERED("key.already-registered", CONFLICT),
    /** {0} = the key id. */
    KEY_UNKNOWN("key.unknown", NOT_FOUND),
    /** {0} = the key id. */
    KEY_ALREADY_REVOKED("key.already-revoked", CONFLICT),
    KEY_REVOKE_REASON_BLANK("key.revoke.reason.blank", INVALID),

    /** {0} = the refused id. */
    STATEMENT_ID_INVALID("statement.id.invalid", INVALID),
    /** {0} = the statement id. */
    STATEMENT_ID_DUPLICATE("statement.id.duplicate", CONFLICT),
    /** {0} = the first period, {1} = the last. */
    STATEMENT_PERIODS_REVERSED("statement.periods.reversed", INVALID),
    /** {0} = the first period of the statement that is not closed. */
    STATEMENT_PERIOD_NOT_CLOSED("statement.period.not-closed", CONFLICT),
    /** {0} = the entry's index: the size of the log before it. */
    STATEMENT_CHECKPOINT_SIZE_MISMATCH("statement.checkpoint.size-mismatch", CONFLICT),
    /** {0} = the Merkle root of the log before the entry. */
    STATEMENT_CHECKPOINT_ROOT_MISMATCH("statement.checkpoint.root-mismatch", CONFLICT),
    /** {0} = the statement id. */
    STATEMENT_CORRECTS_UNKNOWN("statement.corrects.unknown", INVALID),
    /** {0} = the statement id. */
    STATEMENT_CORRECTS_UNPUBLISHED("statement.corrects.unpublished", CONFLICT),
    /** {0} = the corrected statement, {1} = the correction that superseded it. */
    STATEMENT_CORRECTS_SUPERSEDED("statement.corrects.superseded", CONFLICT),
    /** {0} = the corrected statement's first period, {1} = its last. */
    STATEMENT_CORRECTS_OTHER_PERIODS("statement.corrects.other-periods", INVALID),
    STATEMENT_CORRECTS_REASON_BLANK("statement.corrects.reason.blank", INVALID),
    /** {0} = the statement id. */
    STATEMENT_UNKNOWN("statement.unknown", NOT_FOUND),
    /** {0} = the statement id. */
    STATEMENT_WITHDRAWN("statement.withdrawn", CONFLICT),
    STATEMENT_WITHDRAW_REASON_BLANK("statement.withdraw.reason.blank", INVALID),
    /** {0} = the statement id. */
    STATEMENT_ALREADY_SIGNED("statement.already-signed", CONFLICT),
    /** {0} = the drafter. */
    STATEMENT_SIGN_BY_DRAFTER("statement.sign.by-drafter", FORBIDDEN),
    /** {0} = the drafted content hash. */
    STATEMENT_SIGN_CONTENT_MISMATCH("statement.sign.content-mismatch", CONFLICT),
    /** {0} = the drafted checkpoint's size, {1} = its root. */
    STATEMENT_SIGN_CHECKPOINT_MISMATCH("statement.sign.checkpoint-mismatch", CONFLICT),
    /** {0} = the statement id. */
    STATEMENT_PUBLISH_UNSIGNED("statement.publish.unsigned", CONFLICT),
    /** {0} = the statement id. */
    STATEMENT_ALREADY_PUBLISHED("statement.already-published", CONFLICT),
    /** {0} = the first day of posting, {1} = the day of the sign-off. */
    STATEMENT_POSTING_BEFORE_SIGN_OFF("statement.posting.before-sign-off", INVALID),
    /** {0} = the first day of posting, {1} = the last. */
    STATEMENT_POSTING_TOO_SHORT("statement.posting.too-short", INVALID),

    /** {0} = the refused id. */
    OBJECTION_ID_INVALID("objection.id.invalid", INVALID),
    /** {0} = the objection id. */
    OBJECTION_ID_DUPLICATE("objection.id.duplicate", CONFLICT),
    /** {0} = the statement id. */
    OBJECTION_STATEMENT_UNPUBLISHED("objection.statement.unpublished", CONFLICT),
    /** {0} = the business date, {1} = the first day of posting, {2} = the last. */
    OBJECTION_OUTSIDE_POSTING_PERIOD("objection.outside-posting-period", CONFLICT),
    /** {0} = the answer date, {1} = the business date. */
    OBJECTION_ANSWER_BY_TOO_EARLY("objection.answer-by.too-early", INVALID),
    /** {0} = the objection id. */
    OBJECTION_UNKNOWN("objection.unknown", NOT_FOUND),
    /** {0} = the objection id. */
    OBJECTION_ACCEPT_NOT_SUBMITTED("objection.accept.not-submitted", CONFLICT),
    /** {0} = the objection id. */
    OBJECTION_ANSWER_NOT_OPEN("objection.answer.not-open", CONFLICT),
    OBJECTION_ANSWER_BLANK("objection.answer.blank", INVALID),
    /** {0} = the maximum length. */
    OBJECTION_ANSWER_TOO_LONG("objection.answer.too-long", INVALID),
    /** {0} = the objection id. */
    OBJECTION_REVIEW_NOT_ANSWERED("objection.review.not-answered", CONFLICT),
    /** {0} = the refused outcome. */
    OBJECTION_OUTCOME_UNKNOWN("objection.outcome.unknown", INVALID),
    OBJECTION_REVIEW_NOTE_BLANK("objection.review.note.blank", INVALID),
    /** {0} = the objection id. */
    OBJECTION_ESCALATE_NOT_OPEN("objection.escalate.not-open", CONFLICT),
    /** {0} = the answer date, {1} = the business date. */
    OBJECTION_ESCALATE_BEFORE_DEADLINE("objection.escalate.before-deadline", CONFLICT),
    OBJECTION_ESCALATE_REASON_BLANK("objection.escalate.reason.blank", INVALID),
    /** {0} = the one reason the service's clerk key may give. */
    OBJECTION_ESCALATE_SERVICE_REASON("objection.escalate.service-reason", FORBIDDEN),
    // governance: tenders and contracts
    DOCUMENT_SHA256_INVALID("document.sha256.invalid", INVALID),
    /** {0} = the tender id. */
    TENDER_UNKNOWN("tender.unknown", NOT_FOUND),
    /** {0} = the tender id. */
    TENDER_ID_DUPLICATE("tender.id.duplicate", CONFLICT),
    /** {0} = the tender id, {1} = the step it has reached. */
    TENDER_STEP_OUT_OF_ORDER("tender.step.out-of-order", CONFLICT),
    /** {0} = the business date, {1} = today. */
    TENDER_DATE_IN_FUTURE("tender.date.in-future", INVALID),
    /** {0} = the business date, {1} = the date of the previous step. */
    TENDER_DATE_BEFORE_PREVIOUS_STEP("tender.date.before-previous-step", INVALID),
    TENDER_TITLE_BLANK("tender.title.blank", INVALID),
    TENDER_DOCUMENTS_EMPTY("tender.documents.empty", INVALID),
    TENDER_DOCUMENT_NAME_BLANK("tender.document.name.blank", INVALID),
    /** {0} = the first day of the notice, {1} = the business date of the entry. */
    TENDER_NOTICE_STARTS_BEFORE_ENTRY("tender.notice.starts-before-entry", INVALID),
    /** {0} = the minimum days, {1} = the earliest last day. */
    TENDER_NOTICE_TOO_SHORT("tender.notice.too-short", INVALID),
    /** {0} = the bid opening, {1} = the last day of the notice. */
    TENDER_OPENING_NOT_AFTER_NOTICE("tender.opening.not-after-notice", INVALID),
    /** {0} = the business date, {1} = first day, {2} = last day of the notice. */
    TENDER_BID_OUTSIDE_NOTICE("tender.bid.outside-notice", CONFLICT),
    /** {0} = the bid id. */
    TENDER_BID_DUPLICATE("tender.bid.duplicate", CONFLICT),
    /** {0} = the credit code of the bidder. */
    TENDER_BIDDER_DUPLICATE("tender.bidder.duplicate", CONFLICT),
    TENDER_BIDDER_NAME_BLANK("tender.bidder.name.blank", INVALID),
    /** {0} = the refused code. */
    CREDIT_CODE_INVALID("credit-code.invalid", INVALID),
    /** {0} = the business date, {1} = the bid opening date. */
    TENDER_OPENING_EARLY("tender.opening.early", CONFLICT),
    /** {0} = the bids received, {1} = the minimum. */
    TENDER_TOO_FEW_BIDS("tender.too-few-bids", CONFLICT),
    /** {0} = the bid id. */
    TENDER_BID_UNKNOWN("tender.bid.unknown", INVALID),
    /** {0} = the bid id. */
    TENDER_BID_LISTED_TWICE("tender.bid.listed-twice", INVALID),
    /** {0} = the bid id. */
    TENDER_BID_MISSING("tender.bid.missing", INVALID),
    /** {0} = the bid id, {1} = the SHA-256 sealed at receipt. */
    TENDER_BID_SEAL_BROKEN("tender.bid.seal-broken", CONFLICT),
    /** {0} = the awarded amount, {1} = the amount opened for the bid. */
    TENDER_AWARD_AMOUNT_MISMATCH("tender.award.amount-mismatch", INVALID),
    /** {0} = the awarded amount, {1} = the budget. */
    TENDER_AWARD_ABOVE_BUDGET("tender.award.above-budget", CONFLICT),
    /** {0} = the bid that must win. */
    TENDER_AWARD_NOT_BEST_RANKED("tender.award.not-best-ranked", CONFLICT),
    /** {0} = the contract id. */
    CONTRACT_UNKNOWN("contract.unknown", NOT_FOUND),
    /** {0} = the contract id. */
    CONTRACT_ID_DUPLICATE("contract.id.duplicate", CONFLICT),
    /** {0} = the tender id. */
    CONTRACT_TENDER_NOT_AWARDED("contract.tender.not-awarded", CONFLICT),
    /** {0} = the tender id. */
    CONTRACT_AWARD_NOT_NOTICED("contract.award.not-noticed", CONFLICT),
    /** {0} = the last day of the award notice. */
    CONTRACT_AWARD_NOTICE_RUNNING("contract.award.notice-running", CONFLICT),
    /** {0} = the contract already signed. */
    CONTRACT_TENDER_ALREADY_CONTRACTED("contract.tender.already-contracted", CONFLICT),
    /** {0} = the name of the awarded company, {1} = its credit code. */
    CONTRACT_SUPPLIER_NOT_AWARDED("contract.supplier.not-awarded", INVALID),
    /** {0} = the awarded amount. */
    CONTRACT_AMOUNT_NOT_AWARDED("contract.amount.not-awarded", INVALID),
    /** {0} = the contract id. */
    CONTRACT_ALREADY_ACCEPTED("contract.already-accepted", CONFLICT),
    /** {0} = the acceptance date, {1} = the signing date, {2} = the business date of the entry. */
    CONTRACT_ACCEPTANCE_DATE_INVALID("contract.acceptance.date-invalid", INVALID),
    /** {0} = the contract id. */
    CONTRACT_FINAL_ACCOUNT_BEFORE_ACCEPTANCE("contract.final-account.before-acceptance", CONFLICT),
    /** {0} = the contract id. */
    CONTRACT_FINAL_ACCOUNT_DUPLICATE("contract.final-account.duplicate", CONFLICT),
    /** {0} = the final amount, {1} = the contract amount. */
    CONTRACT_FINAL_ACCOUNT_ABOVE_CONTRACT("contract.final-account.above-contract", CONFLICT),
    /** {0} = the final amount, {1} = the amount paid. */
    CONTRACT_FINAL_ACCOUNT_BELOW_PAID("contract.final-account.below-paid", CONFLICT),
    /** {0} = the threshold. */
    CONTRACT_AUDIT_REPORT_REQUIRED("contract.audit-report.required", INVALID),
    /** {0} = the account. */
    CONTRACT_PAYMENT_DEBIT_NOT_EXPENSE("contract.payment.debit-not-expense", INVALID),
    /** {0} = the account. */
    CONTRACT_PAYMENT_CREDIT_NOT_CASH("contract.payment.credit-not-cash", INVALID),
    /** {0} = the voucher date, {1} = the signing date. */
    CONTRACT_PAYMENT_BEFORE_SIGNING("contract.payment.before-signing", CONFLICT),
    /** {0} = the total with this payment, {1} = the most that may be paid. */
    CONTRACT_PAYMENT_ABOVE_CONTRACT("contract.payment.above-contract", CONFLICT),
    /** {0} = the threshold. */
    CONTRACT_PAYMENT_BEFORE_FINAL_ACCOUNT("contract.payment.before-final-account", CONFLICT),
    // governance: requests, decisions, payments
    /** {0} = the refused id. */
    RULESET_ID_INVALID("ruleset.id.invalid", INVALID),
    /** {0} = the version the rule set must have next. */
    RULESET_VERSION_NOT_NEXT("ruleset.version.not-next", CONFLICT),
    RULESET_TIERS_EMPTY("ruleset.tiers.empty", INVALID),
    /** {0} = the tier's bound, {1} = the bound of the tier before it. */
    RULESET_TIERS_NOT_ASCENDING("ruleset.tiers.not-ascending", INVALID),
    RULESET_TIER_UNBOUNDED_BEFORE_LAST("ruleset.tiers.unbounded-before-last", INVALID),
    RULESET_LAST_TIER_BOUNDED("ruleset.tiers.last-bounded", INVALID),
    RULESET_STEPS_EMPTY("ruleset.steps.empty", INVALID),
    /** {0} = the refused step. */
    RULESET_STEP_UNKNOWN("ruleset.step.unknown", INVALID),
    /** {0} = the repeated step. */
    RULESET_STEP_REPEATED("ruleset.step.repeated", INVALID),
    /** {0} = the refused level. */
    RULESET_NOTIFY_UNKNOWN("ruleset.notify.unknown", INVALID),
    RULESET_MAJOR_MATTER_WITHOUT_ASSEMBLY("ruleset.major-matter.without-assembly", INVALID),
    /** {0} = the refused number. */
    RULESET_OVERRUN_PERCENT_INVALID("ruleset.overrun-percent.invalid", INVALID),
    /** {0} = the refused number. */
    RULESET_REVIEW_DAYS_INVALID("ruleset.review-working-days.invalid", INVALID),
    RULESET_CITATION_BLANK("ruleset.citation.blank", INVALID),
    /** {0} = the refused matter. */
    MATTER_UNKNOWN("matter.unknown", INVALID),
    /** {0} = the refused type. */
    PAYEE_TYPE_UNKNOWN("payee.type.unknown", INVALID),
    PAYEE_NAME_BLANK("payee.name.blank", INVALID),
    PAYEE_COMMITMENT_INVALID("payee.commitment.invalid", INVALID),
    PAYEE_PERSON_IN_CLEAR("payee.person.in-clear", INVALID),
    /** {0} = the refused id. */
    REQUEST_ID_INVALID("request.id.invalid", INVALID),
    /** {0} = the request id. */
    REQUEST_ID_DUPLICATE("request.id.duplicate", CONFLICT),
    REQUEST_RULESET_NONE("request.ruleset.none", CONFLICT),
    REQUEST_PURPOSE_BLANK("request.purpose.blank", INVALID),
    /** {0} = the account. */
    REQUEST_ACCOUNT_UNKNOWN("request.account.unknown", INVALID),
    /** {0} = the account. */
    REQUEST_ACCOUNT_NOT_LEAF("request.account.not-leaf", INVALID),
    /** {0} = the account. */
    REQUEST_ACCOUNT_DISABLED("request.account.disabled", INVALID),
    /** {0} = the account. */
    REQUEST_ACCOUNT_NOT_EXPENSE("request.account.not-expense", INVALID),
    REQUEST_FILE_SHA256_INVALID("request.file.sha256.invalid", INVALID),
    REQUEST_FILE_NAME_BLANK("request.file.name.blank", INVALID),
    /** {0} = the request id. */
    REQUEST_UNKNOWN("request.unknown", NOT_FOUND),
    /** {0} = the request's rule set, {1} = its version. */
    REQUEST_RULESET_MISMATCH("request.ruleset.mismatch", CONFLICT),
    /** {0} = the request id, {1} = its status. */
    REQUEST_NOT_PENDING("request.not-pending", CONFLICT),
    /** {0} = the pending step. */
    REQUEST_STEP_NOT_PENDING("request.step.not-pending", CONFLICT),
    /** {0} = the step, {1} = the signer's role. */
    REQUEST_STEP_ROLE("request.step.role", FORBIDDEN),
    /** {0} = the requester. */
    REQUEST_APPROVER_IS_REQUESTER("request.approver.is-requester", FORBIDDEN),
    /** {0} = the step the signer approved before. */
    REQUEST_APPROVER_APPROVED_OTHER_STEP("request.approver.approved-other-step", FORBIDDEN),
    REQUEST_APPROVER_INTERESTED("request.approver.interested", FORBIDDEN),
    REQUEST_DECISION_REQUIRED("request.decision.required", INVALID),
    /** {0} = the step. */
    REQUEST_DECISION_UNEXPECTED("request.decision.unexpected", INVALID),
    /** {0} = the decision, {1} = the request it is about, or empty. */
    REQUEST_DECISION_OTHER_REQUEST("request.decision.other-request", CONFLICT),
    /** {0} = the decision. */
    REQUEST_DECISION_NOT_PASSED("request.decision.not-passed", CONFLICT),
    /** {0} = the decision. */
    REQUEST_DECISION_PASSED("request.decision.passed", CONFLICT),
    /** {0} = the decision's matter, {1} = the request's. */
    REQUEST_DECISION_MATTER_TOO_WEAK("request.decision.matter-too-weak", CONFLICT),
    REQUEST_REASON_BLANK("request.reason.blank", INVALID),
    REQUEST_QUESTION_BLANK("request.question.blank", INVALID),
    /** {0} = the request id, {1} = its status. */
    REQUEST_NOT_RETURNED("request.not-returned", CONFLICT),
    /** {0} = the requester. */
    REQUEST_NOT_REQUESTER("request.not-requester", FORBIDDEN),
    /** {0} = the request id, {1} = its status. */
    REQUEST_CLOSED("request.closed", CONFLICT),
    /** {0} = the amount paid against it. */
    REQUEST_CANCEL_PAID("request.cancel.paid", CONFLICT),
    /** {0} = the request id, {1} = its status. */
    REQUEST_NOT_APPROVED("request.not-approved", CONFLICT),
    /** {0} = the new amount, {1} = the approved amount. */
    REQUEST_INCREASE_NOT_HIGHER("request.increase.not-higher", INVALID),
    /** {0} = the refused reason. */
    REQUEST_ESCALATION_REASON_UNKNOWN("request.escalation.reason.unknown", INVALID),
    /** {0} = the working days waited, {1} = the rule set's limit, {2} = the date the step became pending. */
    REQUEST_ESCALATION_TOO_EARLY("request.escalation.too-early", CONFLICT),
    /** {0} = the step, {1} = where it was escalated. */
    REQUEST_ESCALATION_REPEATED("request.escalation.repeated", CONFLICT),
    /** {0} = the business date, {1} = today. */
    REQUEST_ESCALATION_DATED_AHEAD("request.escalation.dated-ahead", INVALID),
    /** {0} = the request id, {1} = the tender threshold. */
    REQUEST_TENDER_REQUIRED("request.tender-required", CONFLICT),
    INTEREST_RELATION_BLANK("interest.relation.blank", INVALID),
    /** {0} = the refused id. */
    DECISION_ID_INVALID("decision.id.invalid", INVALID),
    /** {0} = the decision id. */
    DECISION_ID_DUPLICATE("decision.id.duplicate", CONFLICT),
    /** {0} = the decision id. */
    DECISION_UNKNOWN("decision.unknown", NOT_FOUND),
    DECISION_SUBJECT_BLANK("decision.subject.blank", INVALID),
    DECISION_ROLL_SHA256_INVALID("decision.roll-sha256.invalid", INVALID),
    /** {0} = the refused text. */
    DECISION_AREA_INVALID("decision.area.invalid", INVALID),
    DECISION_OWNERS_INVALID("decision.owners.invalid", INVALID),
    DECISION_ROLL_EMPTY("decision.roll.empty", INVALID),
    DECISION_PARTICIPATING_ABOVE_ROLL("decision.participating.above-roll", INVALID),
    DECISION_VOTES_NOT_PARTICIPATING("decision.votes.not-participating", INVALID),
    /** {0} = the refused result. */
    DECISION_RESULT_UNKNOWN("decision.result.unknown", INVALID),
    /** {0} = the participating area, {1} = the roll's area. */
    DECISION_RESULT_NO_QUORUM_AREA("decision.result.no-quorum-area", INVALID),
    /** {0} = the participating owners, {1} = the roll's owners. */
    DECISION_RESULT_NO_QUORUM_OWNERS("decision.result.no-quorum-owners", INVALID),
    /** {0} = the area in favour, {1} = the participating area, {2} = the threshold. */
    DECISION_RESULT_AREA_SHORT("decision.result.area-short", INVALID),
    /** {0} = the owners in favour, {1} = the participating owners, {2} = the threshold. */
    DECISION_RESULT_OWNERS_SHORT("decision.result.owners-short", INVALID),
    DECISION_RESULT_PASSES("decision.result.passes", INVALID),
    /** {0} = the request, {1} = its status. */
    PAYMENT_REQUEST_NOT_APPROVED("payment.request.not-approved", CONFLICT),
    /** {0} = the account, {1} = the request's account. */
    PAYMENT_DEBIT_NOT_REQUEST_ACCOUNT("payment.debit.not-request-account", INVALID),
    /** {0} = the account. */
    PAYMENT_CREDIT_NOT_CASH("payment.credit.not-cash", INVALID),
    /** {0} = this payment, {1} = paid before, {2} = the approved amount. */
    PAYMENT_EXCEEDS_APPROVED("payment.exceeds-approved", CONFLICT),
    /** {0} = the preparer, {1} = the request they raised or approved. */
    PAYMENT_PREPARER_INVOLVED("payment.preparer.involved", FORBIDDEN),
    /** {0} = the reviewer, {1} = the payment voucher. */
    PAYMENT_REVIEWER_INVOLVED("payment.reviewer.involved", FORBIDDEN),

    // a tender serves an approved request (业标镇管 and 业财社管 together)
    /** {0} = the request, {1} = its status. */
    TENDER_REQUEST_NOT_APPROVED("tender.request.not-approved", CONFLICT),
    /** {0} = the request. */
    TENDER_WORKS_REQUIRED("tender.works.required", INVALID),
    /** {0} = the request, {1} = the tender that already serves it. */
    TENDER_REQUEST_DUPLICATE("tender.request.duplicate", CONFLICT),
    /** {0} = the budget, {1} = the approved amount, {2} = paid directly, {3} = what the approval leaves. */
    TENDER_BUDGET_ABOVE_APPROVED("tender.budget.above-approved", CONFLICT),
    /** {0} = the tender, {1} = the tender that replaced it. */
    TENDER_SUPERSEDED("tender.superseded", CONFLICT),
    /** {0} = the request, {1} = the tender that serves it. */
    PAYMENT_REQUEST_TENDERED("payment.request.tendered", CONFLICT);

    private final String code;
    private final Kind kind;

    RefusalCode(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** The stable code and message key. */
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * A refusal of this code at {@code field} (dotted path, or null). The message arguments are
     * kept as text, so that no bundle formats an index or amount with grouping separators.
     */
    public LedgerRefusal at(String field, Object... args) {
        return new LedgerRefusal(kind, code, field, Arrays.stream(args).map(String::valueOf).toArray());
    }

    /** The refusal for a signer the {@link KeyRegistry} turned down. */
    public static RefusalCode of(KeyRegistry.Refusal refusal) {
        return Arrays.stream(values()).filter(c -> c.code.equals(refusal.code())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no refusal code for " + refusal));
    }
}
