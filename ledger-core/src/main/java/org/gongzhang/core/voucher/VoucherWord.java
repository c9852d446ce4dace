package org.gongzhang.core.voucher;

import java.util.Arrays;
import java.util.Optional;

/** 凭证字: the voucher's series; numbers run from 1 without gaps per 字 per period. */
public enum VoucherWord {
    /** 记: the single general series most small books use. */
    JI("记"),
    /** 收: receipts. */
    SHOU("收"),
    /** 付: payments. */
    FU("付"),
    /** 转: transfers without cash. */
    ZHUAN("转");

    private final String character;

    VoucherWord(String character) {
        this.character = character;
    }

    /** The character as written in entries and on printed vouchers. */
    public String character() {
        return character;
    }

    public static Optional<VoucherWord> byCharacter(String character) {
        return Arrays.stream(values()).filter(w -> w.character.equals(character)).findFirst();
    }

    @Override
    public String toString() {
        return character;
    }
}
