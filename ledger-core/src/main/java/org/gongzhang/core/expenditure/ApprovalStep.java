package org.gongzhang.core.expenditure;

import java.util.Set;
import org.gongzhang.verifier.entry.Role;

/**
 * One step of an expenditure request's approval path, in the order a rule set lists them. Each step
 * is taken by the roles that speak for it, and escalates to the level above when it waits too long.
 */
public enum ApprovalStep {
    /** 业委会审批: a committee member or the chair, within the committee's delegated limit. */
    COMMITTEE(Set.of(Role.COMMITTEE_CHAIR, Role.COMMITTEE_MEMBER), Oversight.COMMUNITY),
    /** 社区审核 (业财社管): the community auditor. */
    COMMUNITY(Set.of(Role.COMMUNITY_AUDITOR), Oversight.TOWN),
    /** 业主大会决定: the chair records it, citing a passed joint decision (民法典 §278). */
    ASSEMBLY(Set.of(Role.COMMITTEE_CHAIR), Oversight.COMMUNITY);

    private final Set<Role> roles;
    private final Oversight escalatesTo;

    ApprovalStep(Set<Role> roles, Oversight escalatesTo) {
        this.roles = roles;
        this.escalatesTo = escalatesTo;
    }

    /** The roles that may approve, refuse or return at this step. */
    public Set<Role> roles() {
        return roles;
    }

    /** Where a step that waited past the review deadline goes. */
    public Oversight escalatesTo() {
        return escalatesTo;
    }
}
