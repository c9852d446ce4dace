package org.gongzhang.verifier.entry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The role a key is registered for. A person holding two roles holds two keys. */
public enum Role {
    /** 代理记账机构 制单: prepares vouchers. */
    AGENT_PREPARER,
    /** 代理记账机构 审核: reviews vouchers, closes periods. */
    AGENT_REVIEWER,
    /**
     * 社区审核员: reviews, approves spending, registers keys, reopens periods, signs off and publishes
     * statements, reviews objections.
     */
    COMMUNITY_AUDITOR,
    /** 业委会委员. */
    COMMITTEE_MEMBER,
    /** 业委会主任. */
    COMMITTEE_CHAIR,
    /** 街道/镇 招标平台经办人. */
    TOWN_OFFICER,
    /** 业主, registered under a pseudonymous actor id: raises objections (异议) to published statements. */
    OWNER,
    /** 物业服务企业: operates the common parts; may collect income and request payments. */
    PROPERTY_COMPANY,
    /** The deployment's own clerk key; signs only what a deadline decides (escalations). */
    SERVICE;

    private static final Map<String, Role> BY_NAME = new HashMap<>();

    static {
        Arrays.stream(values()).forEach(role -> BY_NAME.put(role.name(), role));
    }

    public static Optional<Role> parse(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
