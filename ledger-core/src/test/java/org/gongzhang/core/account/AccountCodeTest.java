package org.gongzhang.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountCodeTest {

    @Test
    void aCodeExtendsItsParentByTwoDigits() {
        assertThat(AccountCode.of("47010501").extendsCode(AccountCode.of("470105"))).isTrue();
        assertThat(AccountCode.of("47010501").extendsCode(AccountCode.of("4701"))).isFalse();
        assertThat(AccountCode.of("480101").extendsCode(AccountCode.of("4701"))).isFalse();
    }

    @Test
    void levelsCountFromTheFourDigitCode() {
        assertThat(AccountCode.of("1002").level()).isEqualTo(1);
        assertThat(AccountCode.of("100201").level()).isEqualTo(2);
        assertThat(AccountCode.of("100201").impliedParent()).contains(AccountCode.of("1002"));
        assertThat(AccountCode.of("1002").impliedParent()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1002", "100201", "10020101", "1002010101", "100201010101", "0000"})
    void acceptsAFourDigitCodeAndUpToFourLevelsBelowIt(String code) {
        assertThat(AccountCode.isValid(code)).isTrue();
        assertThat(AccountCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100", "10020", "1002a1", "", "10020101010101", "１００２", "100\u0662", "1002 ", "-1002"})
    void refusesCodesOfAnotherForm(String code) {
        assertThatThrownBy(() -> AccountCode.of(code)).isInstanceOf(IllegalArgumentException.class);
    }
}
