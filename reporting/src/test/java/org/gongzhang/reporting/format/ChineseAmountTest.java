package org.gongzhang.reporting.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** 大写金额 as vouchers and statements print them under their totals. */
class ChineseAmountTest {

    /** The test vectors of DOMAIN.md §6, copied here. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "1234567,  壹万贰仟叁佰肆拾伍元陆角柒分",
            "53200,    伍佰叁拾贰元整",
            "140950,   壹仟肆佰零玖元伍角",
            "600714,   陆仟零柒元壹角肆分",
            "32504,    叁佰贰拾伍元零肆分",
            "10700053, 壹拾万柒仟元零伍角叁分",
            "1600,     壹拾陆元整"})
    void writesTheDomainVectors(long fen, String words) {
        assertThat(ChineseAmount.of(fen)).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "100500,             壹仟零伍元整",
            "100000500,          壹佰万零伍元整",
            "101000,             壹仟零壹拾元整",
            "1000,               壹拾元整",
            "1100000,            壹万壹仟元整",
            "11000000,           壹拾壹万元整",
            "100050000,          壹佰万零伍佰元整",
            "1000500000,         壹仟万伍仟元整",
            "10000000000,        壹亿元整",
            "10000000500,        壹亿零伍元整",
            "10000500000,        壹亿零伍仟元整",
            "10000000000000,     壹仟亿元整",
            "50,                 伍角",
            "5,                  伍分",
            "15,                 壹角伍分",
            "1050,               壹拾元零伍角",
            "1005,               壹拾元零伍分",
            "10050,              壹佰元零伍角",
            "2230,               贰拾贰元叁角",
            "2030,               贰拾元零叁角",
            "2003,               贰拾元零叁分",
            "0,                  零元整",
            "-100000,            负壹仟元整",
            "-186000,            负壹仟捌佰陆拾元整",
            "-50,                负伍角",
            "99999999999999,     玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            "-99999999999999,    负玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"})
    void writesZerosTensFractionsSignsAndTheLimits(long fen, String words) {
        assertThat(ChineseAmount.of(fen)).isEqualTo(words);
    }

    @Test
    void refusesAmountsBeyondWhatAnEntryMayCarry() {
        assertThatThrownBy(() -> ChineseAmount.of(ChineseAmount.MAX_FEN + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChineseAmount.of(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }
}
