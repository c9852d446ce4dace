package org.gongzhang.core.tender;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 统一社会信用代码 per GB 32100-2015. */
class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "914403001922038216", "91110000802100433B", "91330106MA2B00001Y"})
    void acceptsCodesWhoseCheckCharacterHolds(String code) {
        assertThat(CreditCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "91350100M000100Y433", "91350100M000I00Y43",
            "91350100m000100Y43", ""})
    void refusesAWrongCheckCharacterLengthOrLetter(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
    }
}
