package org.gongzhang.verifier.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.gongzhang.verifier.canonical.NotCanonicalizable.Reason;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static NotCanonicalizable refusal(Runnable parse) {
        try {
            parse.run();
        } catch (NotCanonicalizable refused) {
            return refused;
        }
        throw new AssertionError("not refused");
    }

    private static String canonical(String json) {
        return CanonicalJson.canonicalize(CanonicalJson.parse(json));
    }

    @Test
    void ordersKeysByUtf16CodeUnitsAsRfc8785Requires() {
        // the sorting example of RFC 8785 §3.2.3
        String json = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";

        String result = canonical(json);

        assertThat(result).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void ordersANonBmpKeyBeforeAHighBmpKeyBecauseItsHighSurrogateIsSmaller() {
        // U+20000 (𠀀, CJK Extension B) is the surrogate pair D840 DC00, which sorts before U+FF01 (！)
        assertThat(canonical("{\"！\":1,\"𠀀\":2}")).isEqualTo("{\"𠀀\":2,\"！\":1}");
    }

    @Test
    void ordersCjkKeysByCodeUnitNotByPinyin() {
        assertThat(canonical("{\"账\":1,\"公\":2,\"a\":3}")).isEqualTo("{\"a\":3,\"公\":2,\"账\":1}");
    }

    @Test
    void sortsNestedObjectsAndKeepsArrayOrder() {
        assertThat(canonical("{\"b\":[3,1,{\"z\":1,\"y\":2}],\"a\":null}")).isEqualTo("{\"a\":null,\"b\":[3,1,{\"y\":2,\"z\":1}]}");
    }

    @Test
    void escapesOnlyWhatRfc8785Escapes() {
        String result = canonical("{\"s\":\"\\u0001\\b\\f\\n\\r\\t\\\"\\\\/\\u00e9\\u516c\"}");

        assertThat(result).isEqualTo("{\"s\":\"\\u0001\\b\\f\\n\\r\\t\\\"\\\\/é公\"}");
    }

    @Test
    void writesNonAsciiAsUtf8Bytes() {
        assertThat(CanonicalJson.canonicalBytes("{\"n\":\"公\"}"))
                .isEqualTo("{\"n\":\"公\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesIntegersPlainWithinTheSafeRange() {
        assertThat(canonical("[0,-1,9007199254740991]")).isEqualTo("[0,-1,9007199254740991]");
    }

    @Test
    void refusesIntegersBeyondTwoToTheFiftyThird() {
        assertThat(refusal(() -> canonical("[9007199254740992]")))
                .extracting(NotCanonicalizable::reason, NotCanonicalizable::detail)
                .containsExactly(Reason.INTEGER_TOO_LARGE, "9007199254740992");
    }

    @Test
    void refusesFloats() {
        assertThatThrownBy(() -> canonical("{\"amount\":12.5}")).isInstanceOf(NotCanonicalizable.class)
                .hasMessageContaining("decimals as strings");
        assertThat(refusal(() -> canonical("{\"amount\":12.5}")).reason()).isEqualTo(Reason.NOT_AN_INTEGER);
    }

    @Test
    void refusesDuplicateKeys() {
        assertThat(refusal(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}")))
                .extracting(NotCanonicalizable::reason, NotCanonicalizable::detail)
                .containsExactly(Reason.DUPLICATE_KEY, "a");
        assertThat(refusal(() -> CanonicalJson.parse("{\"x\":{\"键 'b'\":1,\"键 'b'\":2}}")).detail()).isEqualTo("键 'b'");
    }

    @Test
    void refusesTrailingTokens() {
        assertThat(refusal(() -> CanonicalJson.parse("{\"a\":1} {\"b\":2}")).reason()).isEqualTo(Reason.SYNTAX);
    }

    @Test
    void refusesALoneHighSurrogate() {
        assertThat(refusal(() -> canonical("{\"a\":\"\\ud83d\"}")).reason()).isEqualTo(Reason.LONE_SURROGATE);
    }

    @Test
    void refusesALoneLowSurrogate() {
        assertThatThrownBy(() -> canonical("{\"a\":\"x\\ude00\"}")).isInstanceOf(NotCanonicalizable.class);
    }

    @Test
    void aSyntaxErrorSaysWhereTheParserStopped() {
        NotCanonicalizable refused = refusal(() -> CanonicalJson.parse("{\"a\": 1,\n  \"b\": tru}"));
        assertThat(refused.reason()).isEqualTo(Reason.SYNTAX);
        assertThat(refused.line()).isEqualTo(2);
        assertThat(refused.column()).isBetween(8L, 12L);
    }

    @Test
    void refusesAnEmptyDocument() {
        assertThat(refusal(() -> CanonicalJson.parse("  ")).reason()).isEqualTo(Reason.EMPTY);
    }

    @Test
    void quotesAStringAsACanonicalLiteral() {
        assertThat(CanonicalJson.quote("a\"b\u001f")).isEqualTo("\"a\\\"b\\u001f\"");
    }
}
