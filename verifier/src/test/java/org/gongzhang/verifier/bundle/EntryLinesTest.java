package org.gongzhang.verifier.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryLinesTest {

    @Test
    void anEmptyFileHoldsNoLines() {
        assertThat(lines("")).isEmpty();
    }

    @Test
    void keepsEmptyLinesAndDropsOnlyTheFinalNewline() {
        assertThat(lines("a\n\n兰园\n")).containsExactly("a", "", "兰园");
        assertThat(lines("\n")).containsExactly("");
    }

    @Test
    void refusesAFileWhoseLastLineHasNoNewline() {
        assertThatThrownBy(() -> lines("a\nb")).isInstanceOf(BundleUnreadable.class).hasMessageContaining("cut short");
    }

    @Test
    void refusesBytesThatAreNotUtf8EvenInTheLastLine() {
        byte[] broken = "a\nb\n".getBytes(StandardCharsets.UTF_8);
        broken[2] = (byte) 0xC3;

        assertThatThrownBy(() -> EntryLines.decode(broken)).isInstanceOf(BundleUnreadable.class)
                .hasMessage("entries.jsonl is not valid UTF-8");
        assertThatThrownBy(() -> EntryLines.decode(new byte[] {'a', '\n', (byte) 0xE5, (byte) 0x85}))
                .isInstanceOf(BundleUnreadable.class);
    }

    private static List<String> lines(String text) {
        return EntryLines.decode(text.getBytes(StandardCharsets.UTF_8)).lines();
    }
}
