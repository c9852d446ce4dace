package org.gongzhang.verifier.bundle;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts bytes arriving in chunks into lines at each {@code '\n'}, handing on a copy of each line
 * without its newline. A newline byte never occurs inside a multi-byte UTF-8 sequence, so this
 * needs no decoding. A last line without a newline is handed on too; {@link #finish()} says whether
 * there was one.
 */
final class LineSplitter {

    private final Consumer<byte[]> lines;
    private byte[] partial = new byte[256];
    private int partialLength;
    private boolean endsWithNewline = true;

    LineSplitter(Consumer<byte[]> lines) {
        this.lines = lines;
    }

    /** The next {@code length} bytes of {@code chunk}. */
    void feed(byte[] chunk, int length) {
        if (length <= 0) {
            return;
        }
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (chunk[i] == '\n') {
                lines.accept(line(chunk, start, i));
                start = i + 1;
            }
        }
        keep(chunk, start, length);
        endsWithNewline = chunk[length - 1] == '\n';
    }

    /**
     * Hands on a last line that has no newline; answers true when the bytes were empty or ended
     * with a newline.
     */
    boolean finish() {
        if (partialLength > 0) {
            lines.accept(Arrays.copyOf(partial, partialLength));
            partialLength = 0;
        }
        return endsWithNewline;
    }

    private byte[] line(byte[] chunk, int from, int to) {
        if (partialLength == 0) {
            return Arrays.copyOfRange(chunk, from, to);
        }
        byte[] line = Arrays.copyOf(partial, partialLength + to - from);
        System.arraycopy(chunk, from, line, partialLength, to - from);
        partialLength = 0;
        return line;
    }

    private void keep(byte[] chunk, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return;
        }
        if (partialLength + length > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + length));
        }
        System.arraycopy(chunk, from, partial, partialLength, length);
        partialLength += length;
    }
}
