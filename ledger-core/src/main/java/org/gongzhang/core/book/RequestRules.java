package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.REQUEST_ACCOUNT_NOT_EXPENSE;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_CANCEL_PAID;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_CLOSED;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_FILE_NAME_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_FILE_SHA256_INVALID;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_ID_DUPLICATE;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_INCREASE_NOT_HIGHER;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_NOT_APPROVED;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_NOT_REQUESTER;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_NOT_RETURNED;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_PURPOSE_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_REASON_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_RULESET_MISMATCH;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_RULESET_NONE;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_UNKNOWN;

import java.util.List;
import org.gongzhang.core.account.AccountCategory;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.book.api.payload.Attachments.AttachedFile;
import org.gongzhang.core.book.api.payload.RequestCancelled;
import org.gongzhang.core.book.api.payload.RequestIncreased;
import org.gongzhang.core.book.api.payload.RequestRaised;
import org.gongzhang.core.book.api.payload.RequestResubmitted;
import org.gongzhang.core.book.api.payload.RuleVersion;
import org.gongzhang.core.expenditure.RequestStatus;
import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.Role;

/**
 * 支出申请 by its requester: raised under the rule set the book adopted last, charged to an enabled
 * expense leaf account, with a payee that names no private person in clear; resubmitted after a
 * return, increased once approved, cancelled before any payment (by the requester or the chair).
 */
final class RequestRules {

    private static final LineAccountRules REQUEST_ACCOUNT = new LineAccountRules(RefusalCode.REQUEST_ACCOUNT_UNKNOWN,
            RefusalCode.REQUEST_ACCOUNT_NOT_LEAF, RefusalCode.REQUEST_ACCOUNT_DISABLED);
    private static final String REQUEST_ID = "entry.payload.requestId";

    private final Spending spending;

    RequestRules(Spending spending) {
        this.spending = spending;
    }

    void raised(RequestRaised raised, Accounts accounts) {
        if (spending.current().isEmpty()) {
            throw REQUEST_RULESET_NONE.at("entry.kind");
        }
        if (spending.request(raised.requestId()).isPresent()) {
            throw REQUEST_ID_DUPLICATE.at(REQUEST_ID, raised.requestId());
        }
        Require.nonBlank(raised.purpose(), REQUEST_PURPOSE_BLANK, "entry.payload.purpose");
        REQUEST_ACCOUNT.check(raised.account(), accounts.chart(), "entry.payload.account");
        if (AccountCategory.of(raised.account()) != AccountCategory.EXPENSE) {
            throw REQUEST_ACCOUNT_NOT_EXPENSE.at("entry.payload.account", raised.account());
        }
        PayeeRules.check(raised.payee(), "entry.payload.payee");
        files(raised.quotes(), "entry.payload.quotes");
        files(raised.documents(), "entry.payload.documents");
    }

    void resubmitted(RequestResubmitted resubmitted, EntryHeader header) {
        ExpenditureRequest request = known(resubmitted.requestId());
        judgedUnder(request, resubmitted.rules());
        byRequester(request, header);
        if (request.status() != RequestStatus.RETURNED) {
            throw REQUEST_NOT_RETURNED.at(REQUEST_ID, resubmitted.requestId(), request.status());
        }
        Require.nonBlank(resubmitted.purpose(), REQUEST_PURPOSE_BLANK, "entry.payload.purpose");
        files(resubmitted.quotes(), "entry.payload.quotes");
        files(resubmitted.documents(), "entry.payload.documents");
        if (request.approved().isPositive()) {
            above(resubmitted.amount(), request.approved());
        }
    }

    void cancelled(RequestCancelled cancelled, EntryHeader header, Money paid) {
        ExpenditureRequest request = known(cancelled.requestId());
        judgedUnder(request, cancelled.rules());
        if (header.role() != Role.COMMITTEE_CHAIR) {
            byRequester(request, header);
        }
        open(request, cancelled.requestId());
        Require.nonBlank(cancelled.reason(), REQUEST_REASON_BLANK, "entry.payload.reason");
        if (paid.isPositive()) {
            throw REQUEST_CANCEL_PAID.at(REQUEST_ID, paid);
        }
    }

    void increased(RequestIncreased increased, EntryHeader header) {
        ExpenditureRequest request = known(increased.requestId());
        byRequester(request, header);
        if (request.status() != RequestStatus.APPROVED) {
            throw REQUEST_NOT_APPROVED.at(REQUEST_ID, increased.requestId(), request.status());
        }
        above(increased.amount(), request.approved());
        Require.nonBlank(increased.reason(), REQUEST_REASON_BLANK, "entry.payload.reason");
    }

    /** The request named, or {@code request.unknown} at {@code entry.payload.requestId}. */
    ExpenditureRequest known(String requestId) {
        return spending.request(requestId).orElseThrow(() -> REQUEST_UNKNOWN.at(REQUEST_ID, requestId));
    }

    /** Every entry on a request cites the rule set version the request is judged under. */
    static void judgedUnder(ExpenditureRequest request, RuleVersion cited) {
        if (!request.rules().equals(cited)) {
            String field = request.rules().ruleset().equals(cited.ruleset()) ? "entry.payload.rulesetVersion"
                    : "entry.payload.ruleset";
            throw REQUEST_RULESET_MISMATCH.at(field, request.rules().ruleset(), request.rules().version());
        }
    }

    /** Neither refused nor cancelled. */
    static void open(ExpenditureRequest request, String requestId) {
        if (request.status() == RequestStatus.REFUSED || request.status() == RequestStatus.CANCELLED) {
            throw REQUEST_CLOSED.at(REQUEST_ID, requestId, request.status());
        }
    }

    private static void byRequester(ExpenditureRequest request, EntryHeader header) {
        if (!request.requester().equals(header.actor())) {
            throw REQUEST_NOT_REQUESTER.at("entry.actor", request.requester());
        }
    }

    private static void above(Money amount, Money approved) {
        if (amount.compareTo(approved) <= 0) {
            throw REQUEST_INCREASE_NOT_HIGHER.at("entry.payload.amount", amount, approved);
        }
    }

    private static void files(List<AttachedFile> files, String field) {
        for (int i = 0; i < files.size(); i++) {
            String at = field + "[" + i + "]";
            if (!PayeeRules.HEX64.matcher(files.get(i).sha256()).matches()) {
                throw REQUEST_FILE_SHA256_INVALID.at(at + ".sha256");
            }
            Require.nonBlank(files.get(i).name(), REQUEST_FILE_NAME_BLANK, at + ".name");
        }
    }
}
