package org.gongzhang.core.account;

import static org.gongzhang.core.account.Side.CREDIT;
import static org.gongzhang.core.account.Side.DEBIT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongzhang.verifier.canonical.CanonicalJson;

/**
 * 科目表: a book's chart of accounts, in the order it was written. Immutable; adding or disabling
 * an account gives a new chart. Every non-root account's parent is in the chart.
 *
 * @param accounts the accounts by code
 */
public record ChartOfAccounts(Map<String, Account> accounts) {

    public ChartOfAccounts {
        Map<String, Account> copy = new LinkedHashMap<>(accounts);
        copy.forEach((code, account) -> {
            if (!account.code().value().equals(code)) {
                throw new IllegalArgumentException("account " + account.code() + " filed under " + code);
            }
            if (account.parent() != null && !copy.containsKey(account.parent().value())) {
                throw new IllegalArgumentException("account " + code + " has no parent " + account.parent());
            }
        });
        accounts = Collections.unmodifiableMap(copy);
    }

    public static ChartOfAccounts of(List<Account> accounts) {
        Map<String, Account> byCode = new LinkedHashMap<>();
        accounts.forEach(a -> byCode.put(a.code().value(), a));
        return new ChartOfAccounts(byCode);
    }

    public Optional<Account> find(AccountCode code) {
        return Optional.ofNullable(accounts.get(code.value()));
    }

    public boolean contains(AccountCode code) {
        return accounts.containsKey(code.value());
    }

    /** 末级科目: an account without children, the only kind that takes voucher lines. */
    public boolean isLeaf(AccountCode code) {
        return accounts.values().stream().noneMatch(a -> code.equals(a.parent()));
    }

    public Collection<Account> all() {
        return accounts.values();
    }

    public ChartOfAccounts with(Account account) {
        Map<String, Account> next = new LinkedHashMap<>(accounts);
        next.put(account.code().value(), account);
        return new ChartOfAccounts(next);
    }

    public ChartOfAccounts disable(AccountCode code) {
        return with(find(code).orElseThrow(() -> new IllegalArgumentException("no account " + code)).disabled());
    }

    /**
     * The chart as the {@code accounts} array of a {@code book.opened} payload:
     * {@code [{"code", "name", "parent", "direction"}, …]}. Disabled accounts are left out.
     */
    public ArrayNode toPayload() {
        ArrayNode array = CanonicalJson.mapper().createArrayNode();
        accounts.values().stream().filter(Account::enabled).forEach(a -> {
            ObjectNode node = array.addObject();
            node.put("code", a.code().value());
            node.put("name", a.name());
            node.put("parent", a.parent() == null ? null : a.parent().value());
            node.put("direction", a.direction().name());
        });
        return array;
    }

    /**
     * 公共收益账套 default chart (DOMAIN.md §7): 民间非营利组织会计制度 with public-income accounts in
     * its code gaps, plus {@code 5501 转入维修资金} for public income moved into the maintenance fund,
     * which is not an expense ({@link AccountCategory#TRANSFER_TO_MAINTENANCE_FUND}). Where §7 gives a
     * statutory name and the name shown to owners, the chart carries the shown one: 1121 应收公共收益
     * (应收账款), 3101 公共收益累计结余 (非限定性净资产), 3102 指定用途结余 (限定性净资产).
     */
    public static ChartOfAccounts defaultPublicIncome() {
        return of(List.of(
                Account.of("1001", "现金", null, DEBIT),
                Account.of("1002", "银行存款", null, DEBIT),
                Account.of("100201", "业主大会账户（公共收益户）", "1002", DEBIT),
                Account.of("1009", "其他货币资金", null, DEBIT),
                Account.of("1121", "应收公共收益", null, DEBIT),
                Account.of("1122", "其他应收款", null, DEBIT),
                Account.of("1141", "预付账款", null, DEBIT),
                Account.of("2202", "应付账款", null, CREDIT),
                Account.of("2203", "预收账款", null, CREDIT),
                Account.of("2209", "其他应付款", null, CREDIT),
                Account.of("3101", "公共收益累计结余", null, CREDIT),
                Account.of("3102", "指定用途结余", null, CREDIT),
                Account.of("310201", "拟补充维修资金", "3102", CREDIT),
                Account.of("310202", "专项工程储备", "3102", CREDIT),
                Account.of("4101", "捐赠收入", null, CREDIT),
                Account.of("4401", "政府补助收入", null, CREDIT),
                Account.of("4701", "共有部分经营收入", null, CREDIT),
                Account.of("470101", "停车场地使用费", "4701", CREDIT),
                Account.of("470102", "广告收入", "4701", CREDIT),
                Account.of("470103", "场地及房屋租金", "4701", CREDIT),
                Account.of("470104", "设施经营收入（快递柜/充电桩/基站）", "4701", CREDIT),
                Account.of("470199", "其他", "4701", CREDIT),
                Account.of("4801", "利息收入", null, CREDIT),
                Account.of("4901", "其他收入", null, CREDIT),
                Account.of("5101", "业务活动成本", null, DEBIT),
                Account.of("510101", "共用部位及设施维修养护", "5101", DEBIT),
                Account.of("510102", "公共服务及活动", "5101", DEBIT),
                Account.of("510103", "改造工程支出", "5101", DEBIT),
                Account.of("5201", "管理费用", null, DEBIT),
                Account.of("520101", "业委会工作经费", "5201", DEBIT),
                Account.of("520102", "审计费", "5201", DEBIT),
                Account.of("520103", "代理记账费", "5201", DEBIT),
                Account.of("520104", "公示及印刷费", "5201", DEBIT),
                Account.of("5301", "筹资费用（银行手续费）", null, DEBIT),
                Account.of("5401", "其他费用", null, DEBIT),
                Account.of("5501", "转入维修资金", null, DEBIT)));
    }
}
