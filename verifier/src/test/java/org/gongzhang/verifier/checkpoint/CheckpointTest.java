package org.gongzhang.verifier.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.gongzhang.verifier.merkle.MerkleHash;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final byte[] ROOT = MerkleHash.leaf(new byte[] {42});

    @Test
    void aBooksOriginNamesTheBook() {
        assertThat(Checkpoint.bookOrigin("lanyuan-public")).isEqualTo("gongzhang.org/book/lanyuan-public");
    }

    @Test
    void bodyIsOriginSizeAndBase64RootEachOnItsOwnLine() {
        var checkpoint = Checkpoint.forBook("lanyuan-public", 7, ROOT);

        assertThat(checkpoint.body()).isEqualTo(
                "gongzhang.org/book/lanyuan-public\n7\n" + Base64.getEncoder().encodeToString(ROOT) + "\n");
    }

    @Test
    void bodySurvivesParsing() {
        var checkpoint = Checkpoint.forBook("lanyuan-public", 7, ROOT);

        assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
    }

    @Test
    void parsingIgnoresExtensionLines() {
        var checkpoint = Checkpoint.forBook("b", 1, ROOT);

        assertThat(Checkpoint.parse(checkpoint.body() + "extension\n")).isEqualTo(checkpoint);
    }

    @Test
    void refusesASizeWithLeadingZeros() {
        String body = "gongzhang.org/book/b\n07\n" + Base64.getEncoder().encodeToString(ROOT) + "\n";

        assertThatThrownBy(() -> Checkpoint.parse(body)).isInstanceOf(MalformedNote.class);
    }

    @Test
    void refusesARootThatIsNot32Bytes() {
        assertThatThrownBy(() -> Checkpoint.parse("gongzhang.org/book/b\n1\nAAAA\n")).isInstanceOf(MalformedNote.class);
    }

    @Test
    void aSignedCheckpointVerifiesUnderTheLogKeyOnly() {
        var log = NoteSigner.generate("gongzhang.org/log");
        var other = NoteSigner.generate("gongzhang.org/log");

        var note = SignedNote.parse(Checkpoint.forBook("b", 1, ROOT).sign(log).toString());

        assertThat(note.isSignedBy(log.verifierKey())).isTrue();
        assertThat(note.isSignedBy(other.verifierKey())).isFalse();
        assertThat(Checkpoint.parse(note.text()).size()).isEqualTo(1);
    }
}
