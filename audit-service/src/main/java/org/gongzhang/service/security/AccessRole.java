package org.gongzhang.service.security;

import java.util.Arrays;
import java.util.Optional;
import org.gongzhang.verifier.entry.Role;

/** What a person may be granted. All but the administrator act in the ledger under a {@link Role}. */
public enum AccessRole {
    /** 代理记账机构 制单. */
    AGENT_PREPARER,
    /** 代理记账机构 审核. */
    AGENT_REVIEWER,
    /** 业委会委员. */
    COMMITTEE_MEMBER,
    /** 业委会主任. */
    COMMITTEE_CHAIR,
    /** 社区审核员. */
    COMMUNITY_AUDITOR,
    /** 街道/镇 招标平台经办人. */
    TOWN_OFFICER,
    /** 物业服务企业. */
    PROPERTY_COMPANY,
    /** 业主. */
    OWNER,
    /** 系统管理员: manages people and grants, signs nothing in a book. */
    ADMINISTRATOR;

    /** The ledger role this access role signs under, if it signs at all. */
    public Optional<Role> ledgerRole() {
        return Role.parse(name());
    }

    public static Optional<AccessRole> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
