package org.gongzhang.core.account;

/**
 * Which statement line group an account feeds, read from its first-level code (民间非营利组织会计制度
 * numbering: 1 资产, 2 负债, 3 净资产, 4 收入, 5 费用).
 *
 * <p>{@link #TRANSFER_TO_MAINTENANCE_FUND} (转入维修资金, first-level code {@code 55xx}) sits among the
 * debit-side outflows but is not an expense: public income moved into the 专项维修资金 still belongs
 * to the owners, so the 收支表 shows it as its own line.
 */
public enum AccountCategory {
    /** 资产. */
    ASSET,
    /** 负债. */
    LIABILITY,
    /** 净资产. */
    NET_ASSETS,
    /** 收入. */
    INCOME,
    /** 费用. */
    EXPENSE,
    /** 转入维修资金. */
    TRANSFER_TO_MAINTENANCE_FUND;

    public static AccountCategory of(AccountCode code) {
        String v = code.value();
        if (v.startsWith("55")) {
            return TRANSFER_TO_MAINTENANCE_FUND;
        }
        return switch (v.charAt(0)) {
            case '1' -> ASSET;
            case '2' -> LIABILITY;
            case '3' -> NET_ASSETS;
            case '4' -> INCOME;
            default -> EXPENSE;
        };
    }
}
