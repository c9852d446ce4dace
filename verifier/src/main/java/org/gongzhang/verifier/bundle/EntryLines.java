package org.gongzhang.verifier.bundle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The lines of {@code entries.jsonl}, decoded from UTF-8 one line at a time on all cores. A
 * newline byte never occurs inside a multi-byte UTF-8 sequence, so the file is valid UTF-8 exactly
 * when every line is, and no copy of the whole file as text is ever made.
 */
final class EntryLines {

    private final List<String> lines;
    private final boolean endsWithNewline;

    private EntryLines(List<String> lines, boolean endsWithNewline) {
        this.lines = lines;
        this.endsWithNewline = endsWithNewline;
    }

    /** Decodes the file; throws {@link BundleUnreadable} when it is not valid UTF-8. */
    static EntryLines decode(byte[] utf8) {
        List<int[]> spans = spans(utf8);
        List<String> lines = IntStream.range(0, spans.size()).parallel()
                .mapToObj(i -> decodeOrNull(utf8, spans.get(i)))
                .toList();
        if (lines.stream().anyMatch(Objects::isNull)) {
            throw new BundleUnreadable(BundleFiles.ENTRIES + " is not valid UTF-8");
        }
        return new EntryLines(lines, utf8.length == 0 || utf8[utf8.length - 1] == '\n');
    }

    /**
     * The lines, without their newlines; none for an empty file. Throws {@link BundleUnreadable}
     * when the file does not end with a newline, since its last line may then be cut short.
     */
    List<String> lines() {
        if (!endsWithNewline) {
            throw new BundleUnreadable("entries.jsonl does not end with a newline: its last line may be cut short");
        }
        return lines;
    }

    /** Start and end offsets of each line; the end of a last line without newline is the end of the file. */
    private static List<int[]> spans(byte[] utf8) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '\n') {
                spans.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < utf8.length) {
            spans.add(new int[] {start, utf8.length});
        }
        return spans;
    }

    private static String decodeOrNull(byte[] utf8, int[] span) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8, span[0], span[1] - span[0])).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
