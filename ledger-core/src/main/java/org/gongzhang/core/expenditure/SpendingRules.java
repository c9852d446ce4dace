package org.gongzhang.core.expenditure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongzhang.verifier.canonical.CanonicalJson;

/**
 * The default spending rule set of DOMAIN §4, as the payload of a {@code ruleset.adopted} entry. No
 * national table exists: the defaults follow the documented pilots, and a town changes any value
 * by adopting its own version. Each rule carries its source.
 */
public final class SpendingRules {

    /** The id of {@link #defaults()}. */
    public static final String DEFAULT_ID = "default";

    private SpendingRules() {
    }

    /** Version 1 of {@link #DEFAULT_ID}. */
    public static ObjectNode defaults() {
        return defaults(DEFAULT_ID, 1);
    }

    /**
     * The DOMAIN §4 defaults under the given id and version: up to ¥2,000 the committee approves
     * and the community is told; up to ¥50,000 the committee and then the community; above, and for
     * any §278 major matter, the owners' assembly and then the community; tender from ¥100,000;
     * works audit from ¥30,000; an overrun of 10 % restarts the path; 5 working days per step.
     */
    public static ObjectNode defaults(String id, int version) {
        ObjectNode p = CanonicalJson.mapper().createObjectNode().put("ruleset", id).put("version", version);
        ArrayNode tiers = p.putArray("tiers");
        tier(tiers, "2000.00", "湖州 2025 业财社管指引：业委会在授权额度内审批，报社区备案（村级先例 ≤1,000 元）",
                "COMMITTEE").putArray("notify").add("COMMUNITY");
        tier(tiers, "50000.00", "湖州 2025 业财社管指引：业委会决议后报社区审核（业财社管；村级先例 ≤10,000 元）",
                "COMMITTEE", "COMMUNITY");
        tier(tiers, null, "湖州 2025 业财社管指引：超出业委会授权额度的，由业主大会决定并报社区审核；民法典 §278",
                "ASSEMBLY", "COMMUNITY");
        p.putArray("majorMatterSteps").add("ASSEMBLY").add("COMMUNITY");
        p.put("tenderThreshold", "100000.00").put("worksAuditThreshold", "30000.00");
        p.put("overrunPercent", 10).put("reviewWorkingDays", 5);
        p.putObject("citations")
                .put("majorMatterSteps", "民法典 §278：筹集、使用维修资金，改建重建，改变共有部分用途或利用共有部分从事经营活动等由业主共同决定")
                .put("tenderThreshold", "业标镇管：10 万元及以上的项目经街道（镇）公共招投标平台，只凭中标合同付款")
                .put("worksAuditThreshold", "杭州 §72：3 万元及以上的工程，最后一笔付款前须经决算审计")
                .put("overrunPercent", "杭州 §72：超出核定金额 10% 及以上的，须重新审批")
                .put("reviewWorkingDays", "本地默认值（无全国规定）：每个审批环节 5 个工作日内处理，逾期上报上一级");
        return p;
    }

    private static ObjectNode tier(ArrayNode tiers, String upTo, String citation, String... steps) {
        ObjectNode tier = tiers.addObject().put("upTo", upTo);
        ArrayNode path = tier.putArray("steps");
        for (String step : steps) {
            path.add(step);
        }
        tier.put("citation", citation);
        return tier;
    }
}
