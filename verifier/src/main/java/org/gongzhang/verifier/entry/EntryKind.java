package org.gongzhang.verifier.entry;

import static org.gongzhang.verifier.entry.Role.AGENT_PREPARER;
import static org.gongzhang.verifier.entry.Role.AGENT_REVIEWER;
import static org.gongzhang.verifier.entry.Role.COMMITTEE_CHAIR;
import static org.gongzhang.verifier.entry.Role.COMMITTEE_MEMBER;
import static org.gongzhang.verifier.entry.Role.COMMUNITY_AUDITOR;
import static org.gongzhang.verifier.entry.Role.OWNER;
import static org.gongzhang.verifier.entry.Role.PROPERTY_COMPANY;
import static org.gongzhang.verifier.entry.Role.SERVICE;
import static org.gongzhang.verifier.entry.Role.TOWN_OFFICER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every kind of entry a book's log may hold, with the roles allowed to sign it. */
public enum EntryKind {
    BOOK_OPENED("book.opened", AGENT_PREPARER, AGENT_REVIEWER),
    OPENING_BALANCES_SET("opening-balances.set", AGENT_PREPARER),
    ACCOUNT_ADDED("account.added", AGENT_PREPARER, AGENT_REVIEWER),
    ACCOUNT_DISABLED("account.disabled", AGENT_PREPARER, AGENT_REVIEWER),
    KEY_REGISTERED("key.registered", COMMUNITY_AUDITOR, TOWN_OFFICER),
    /** Signed by a community auditor, or by the holder of the revoked key itself. */
    KEY_REVOKED("key.revoked", COMMUNITY_AUDITOR, TOWN_OFFICER),
    VOUCHER_RECORDED("voucher.recorded", AGENT_PREPARER),
    VOUCHER_REVIEWED("voucher.reviewed", AGENT_REVIEWER, COMMUNITY_AUDITOR),
    VOUCHER_POSTED("voucher.posted", AGENT_PREPARER, AGENT_REVIEWER),
    VOUCHER_VOIDED("voucher.voided", AGENT_PREPARER, AGENT_REVIEWER),
    VOUCHER_REVERSED("voucher.reversed", AGENT_PREPARER),
    PERIOD_CLOSED("period.closed", AGENT_REVIEWER),
    PERIOD_REOPENED("period.reopened", COMMUNITY_AUDITOR),
    /** 公示表 起草: the preparer drafts a statement, citing its content hash and the log it rests on. */
    STATEMENT_DRAFTED("statement.drafted", AGENT_PREPARER),
    STATEMENT_WITHDRAWN("statement.withdrawn", AGENT_PREPARER, AGENT_REVIEWER),
    /** 社区审核 会签: never by the statement's drafter. */
    STATEMENT_SIGNED("statement.signed", COMMUNITY_AUDITOR),
    STATEMENT_PUBLISHED("statement.published", COMMUNITY_AUDITOR, AGENT_REVIEWER),
    /** 异议: an owner objects to a published statement during its posting period (公示期). */
    OBJECTION_RAISED("objection.raised", OWNER),
    OBJECTION_ACCEPTED("objection.accepted", COMMITTEE_MEMBER, COMMITTEE_CHAIR, AGENT_PREPARER, AGENT_REVIEWER),
    OBJECTION_ANSWERED("objection.answered", COMMITTEE_MEMBER, COMMITTEE_CHAIR, AGENT_PREPARER, AGENT_REVIEWER),
    OBJECTION_REVIEWED("objection.reviewed", COMMUNITY_AUDITOR),
    OBJECTION_ESCALATED("objection.escalated", SERVICE, COMMUNITY_AUDITOR),
    // governance: tenders and contracts
    /** 招标公告: the town platform (业标镇管) publishes a tender and its notice period. */
    TENDER_PUBLISHED("tender.published", TOWN_OFFICER),
    /** 投标: a sealed bid received, cited by the SHA-256 of the sealed file. */
    TENDER_BID_RECEIVED("tender.bid-received", TOWN_OFFICER),
    /** 开标: every sealed bid revealed with its amount. */
    TENDER_OPENED("tender.opened", TOWN_OFFICER),
    /** 评标: the bids ranked, citing the evaluation report. */
    TENDER_EVALUATED("tender.evaluated", TOWN_OFFICER),
    /** 定标: the award to one bid. */
    TENDER_AWARDED("tender.awarded", TOWN_OFFICER),
    /** 中标公示: the award posted for its notice period. */
    TENDER_AWARD_NOTICED("tender.award-noticed", TOWN_OFFICER),
    /** 签订合同: the committee chair signs the contract with the awarded supplier. */
    CONTRACT_SIGNED("contract.signed", COMMITTEE_CHAIR),
    /** 验收: the works or services accepted. */
    CONTRACT_ACCEPTED("contract.accepted", COMMITTEE_CHAIR),
    /** 结算审计: the final account, with the audit report where one is required. */
    CONTRACT_FINAL_ACCOUNT("contract.final-account", COMMUNITY_AUDITOR),
    // governance: requests, decisions, payments
    /** 业财社管 规则: the town adopts a versioned spending rule set (审批层级) for the book. */
    RULESET_ADOPTED("ruleset.adopted", TOWN_OFFICER),
    /** 支出申请: the committee or the property company asks to spend. */
    REQUEST_RAISED("request.raised", COMMITTEE_CHAIR, COMMITTEE_MEMBER, PROPERTY_COMPANY),
    /** One step of the approval path; the book checks which role the pending step needs. */
    REQUEST_APPROVED("request.approved", COMMITTEE_CHAIR, COMMITTEE_MEMBER, COMMUNITY_AUDITOR),
    REQUEST_REFUSED("request.refused", COMMITTEE_CHAIR, COMMITTEE_MEMBER, COMMUNITY_AUDITOR),
    REQUEST_RETURNED("request.returned", COMMITTEE_CHAIR, COMMITTEE_MEMBER, COMMUNITY_AUDITOR),
    /** By the requester only, which the book checks. */
    REQUEST_RESUBMITTED("request.resubmitted", COMMITTEE_CHAIR, COMMITTEE_MEMBER, PROPERTY_COMPANY),
    /** By the requester or the committee chair, which the book checks. */
    REQUEST_CANCELLED("request.cancelled", COMMITTEE_CHAIR, COMMITTEE_MEMBER, PROPERTY_COMPANY),
    /** A pending step that waited past the rule set's review deadline goes up a level. */
    REQUEST_ESCALATED("request.escalated", SERVICE, COMMUNITY_AUDITOR),
    /** 超支追加: by the requester only, which the book checks. */
    REQUEST_INCREASED("request.increased", COMMITTEE_CHAIR, COMMITTEE_MEMBER, PROPERTY_COMPANY),
    /** 利益申报: the signer declares an interest in a payee. */
    INTEREST_DECLARED("interest.declared", AGENT_PREPARER, AGENT_REVIEWER, COMMITTEE_CHAIR, COMMITTEE_MEMBER,
            COMMUNITY_AUDITOR, TOWN_OFFICER),
    /** 业主共同决定 (民法典 §278) with its tally, recorded by the committee chair. */
    DECISION_RECORDED("decision.recorded", COMMITTEE_CHAIR);

    private final String wireName;
    private final Set<Role> signers;

    EntryKind(String wireName, Role first, Role... more) {
        this.wireName = wireName;
        this.signers = EnumSet.of(first, more);
    }

    /** The kind as written in an entry's {@code kind} field. */
    public String wireName() {
        return wireName;
    }

    public Set<Role> signers() {
        return signers;
    }

    public static Optional<EntryKind> byWireName(String name) {
        return Optional.ofNullable(Wire.NAMES.get(name));
    }

    /** The kinds by wire name, built once the constants exist. */
    private static final class Wire {
        static final Map<String, EntryKind> NAMES = new HashMap<>();

        static {
            Arrays.stream(values()).forEach(kind -> NAMES.put(kind.wireName, kind));
        }
    }
}
