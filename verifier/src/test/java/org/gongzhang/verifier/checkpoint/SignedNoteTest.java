package org.gongzhang.verifier.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.junit.jupiter.api.Test;

/** Known answers from golang.org/x/mod/sumdb/note, the reference implementation of signed notes. */
class SignedNoteTest {

    static final String GO_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String GO_SEED = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String GO_NOTE = GO_TEXT + "\n— PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void verifiesTheGoReferenceNote() {
        var note = SignedNote.parse(GO_NOTE);

        assertThat(note.text()).isEqualTo(GO_TEXT);
        assertThat(note.isSignedBy(NoteVerifierKey.parse(GO_KEY))).isTrue();
    }

    @Test
    void signsExactlyAsTheGoReferenceDoes() throws Exception {
        var signer = NoteSigner.of("PeterNeumann", goKeyPair());

        assertThat(signer.verifierKey()).hasToString(GO_KEY);
        assertThat(SignedNote.sign(GO_TEXT, signer)).hasToString(GO_NOTE);
    }

    @Test
    void refusesAVerifierKeyWhoseHashDoesNotMatch() {
        String wrongHash = GO_KEY.replace("c74f20a3", "c74f20a4");

        assertThatThrownBy(() -> NoteVerifierKey.parse(wrongHash)).isInstanceOf(MalformedNote.class);
    }

    @Test
    void aChangedTextNoLongerVerifies() {
        var note = SignedNote.parse(GO_NOTE.replace("answer", "Answer"));

        assertThat(note.isSignedBy(NoteVerifierKey.parse(GO_KEY))).isFalse();
    }

    @Test
    void ignoresSignaturesByUnknownKeys() {
        var stranger = NoteSigner.generate("Stranger");
        var log = NoteSigner.generate("log");

        var note = SignedNote.parse(SignedNote.sign("hello\n", stranger, log).toString());

        assertThat(note.signatures()).hasSize(2);
        assertThat(note.isSignedBy(log.verifierKey())).isTrue();
    }

    @Test
    void aSignatureByAnotherKeyUnderTheSameNameDoesNotCount() {
        var impostor = NoteSigner.generate("log");
        var log = NoteSigner.generate("log");

        var note = SignedNote.parse(SignedNote.sign("hello\n", impostor).toString());

        assertThat(note.isSignedBy(log.verifierKey())).isFalse();
    }

    @Test
    void aSignatureLineThatClaimsTheKeyButHoldsGarbageDoesNotCount() {
        var log = NoteSigner.generate("log");
        var forged = new NoteSignature("log", log.verifierKey().keyHash(), new byte[64]);

        var note = new SignedNote("hello\n", List.of(forged));

        assertThat(SignedNote.parse(note.toString()).isSignedBy(log.verifierKey())).isFalse();
    }

    @Test
    void refusesANoteWithoutSignatures() {
        assertThatThrownBy(() -> SignedNote.parse(GO_TEXT)).isInstanceOf(MalformedNote.class);
    }

    @Test
    void refusesASignatureLineWithoutTheEmDash() {
        String hyphen = GO_NOTE.replace("— ", "- ");

        assertThatThrownBy(() -> SignedNote.parse(hyphen)).isInstanceOf(MalformedNote.class);
    }

    private static KeyPair goKeyPair() throws Exception {
        byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(GO_SEED), 1, 33);
        byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420" + HexFormat.of().formatHex(seed));
        var privateKey = KeyFactory.getInstance("Ed25519", new BouncyCastleProvider())
                .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        return new KeyPair(SignatureSuite.ED25519.publicKeyOf(privateKey), privateKey);
    }
}
