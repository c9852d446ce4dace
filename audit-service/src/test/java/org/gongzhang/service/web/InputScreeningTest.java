package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.junit.jupiter.api.Test;

class InputScreeningTest {

    private static Optional<LedgerRefusal> screen(String json) {
        return InputScreening.json(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void amountsAsDecimalTextAndWholeNumbersPass() {
        assertThat(screen("{\"amount\":\"3200.00\",\"count\":3,\"lines\":[{\"debit\":\"0.10\"}],\"n\":9007199254740991}"))
                .isEmpty();
        assertThat(screen("{\"name\":\"兰园 😀\"}")).as("a character outside the BMP is a proper pair").isEmpty();
    }

    @Test
    void aNumberWithAFractionOrExponentIsRefusedByItsField() {
        LedgerRefusal refusal = screen("{\"lines\":[{\"summary\":\"x\"},{\"debit\":0.1}]}").orElseThrow();
        assertThat(refusal.code()).isEqualTo("request.number.not-integer");
        assertThat(refusal.field()).isEqualTo("lines[1].debit");
        assertThat(screen("{\"a\":1e309}").orElseThrow().code()).isEqualTo("request.number.not-integer");
        assertThat(screen("{\"a\":-0.0}").orElseThrow().code()).isEqualTo("request.number.not-integer");
        assertThat(screen("1E2").orElseThrow().field()).as("a bare number has no field").isNull();
    }

    @Test
    void anIntegerBeyondTwoToTheFiftyThreeIsRefused() {
        assertThat(screen("{\"a\":9007199254740992}").orElseThrow().code()).isEqualTo("request.number.out-of-range");
        assertThat(screen("{\"a\":-9223372036854775809}").orElseThrow().code()).isEqualTo("request.number.out-of-range");
        assertThat(screen("{\"a\":123456789012345678901234567890}").orElseThrow().args())
                .contains("a", "123456789012345678901…");
    }

    @Test
    void nulAndHalfASurrogatePairAreRefusedInValuesAndNames() {
        assertThat(screen("{\"a\":\"x\\u0000y\"}").orElseThrow().code()).isEqualTo("request.text.invalid");
        assertThat(screen("{\"a\":\"\\ud800\"}").orElseThrow().field()).isEqualTo("a");
        assertThat(screen("{\"a\":\"\\udc00x\"}")).isPresent();
        assertThat(screen("{\"\\u0000\":1}")).isPresent();
        assertThat(screen("[\"ok\",\"\\ud83d\"]").orElseThrow().field()).isEqualTo("1");
    }

    @Test
    void malformedJsonIsLeftToItsReader() {
        assertThat(screen("{")).isEmpty();
        assertThat(screen("[".repeat(5000))).isEmpty();
        assertThat(screen("{\"amount\": NaN}")).isEmpty();
    }

    @Test
    void textChecks() {
        assertThat(InputScreening.isText("普通文本")).isTrue();
        assertThat(InputScreening.isText("a\0b")).isFalse();
        assertThat(InputScreening.isText("\ud83d\ude00")).isTrue();
        assertThat(InputScreening.isText("\ude00\ud83d")).isFalse();
    }
}
