package org.gongzhang.verifier.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignatureSuiteTest {

    private static final byte[] MESSAGE = "{\"amount\":\"12345.67\"}".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void aSignatureVerifiesUnderItsPublicKey(SignatureSuite suite) {
        var key = SigningKey.generate(suite);

        assertThat(suite.verify(key.publicKey(), MESSAGE, key.sign(MESSAGE))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void aTamperedMessageDoesNotVerify(SignatureSuite suite) {
        var key = SigningKey.generate(suite);
        byte[] signature = key.sign(MESSAGE);
        byte[] tampered = "{\"amount\":\"92345.67\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(suite.verify(key.publicKey(), tampered, signature)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void aSignatureByAnotherKeyDoesNotVerify(SignatureSuite suite) {
        var key = SigningKey.generate(suite);
        var other = SigningKey.generate(suite);

        assertThat(suite.verify(key.publicKey(), MESSAGE, other.sign(MESSAGE))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void garbageSignatureReturnsFalseInsteadOfThrowing(SignatureSuite suite) {
        var key = SigningKey.generate(suite);

        assertThat(suite.verify(key.publicKey(), MESSAGE, new byte[] {1, 2, 3})).isFalse();
        assertThat(suite.verify(key.publicKey(), MESSAGE, new byte[0])).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void keysSurviveTheirPemForm(SignatureSuite suite) {
        var key = SigningKey.generate(suite);

        var again = SigningKey.fromPem(suite, key.privatePem());

        assertThat(again.keyId()).isEqualTo(key.keyId());
        assertThat(suite.verify(suite.publicKey(PublicKeys.fromPem(key.publicPem())), MESSAGE, again.sign(MESSAGE))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void isNamedInEntriesByItsId(SignatureSuite suite) {
        assertThat(SignatureSuite.byId(suite.id())).contains(suite);
    }
}
