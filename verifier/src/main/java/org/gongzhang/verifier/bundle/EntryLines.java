package org.gongzhang.verifier.bundle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of {@code entries.jsonl} decoded from UTF-8 one line at a time, for a bundle read into
 * memory. A newline byte never occurs inside a multi-byte UTF-8 sequence, so the file is valid
 * UTF-8 exactly when every line is, and no copy of the whole file as text is ever made.
 */
final class EntryLines implements BundleStream.EntrySink {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final List<String> lines = new ArrayList<>();
    private boolean valid = true;
    private boolean endsWithNewline = true;

    /** Decodes the file; throws {@link BundleUnreadable} when it is not valid UTF-8. */
    static EntryLines decode(byte[] utf8) {
        EntryLines lines = new EntryLines();
        LineSplitter splitter = new LineSplitter(lines::line);
        splitter.feed(utf8, utf8.length);
        lines.endsWithNewline = splitter.finish();
        if (!lines.end()) {
            throw new BundleUnreadable(BundleFiles.ENTRIES + " is not valid UTF-8");
        }
        return lines;
    }

    @Override
    public void line(byte[] utf8) {
        try {
            lines.add(decoder.decode(ByteBuffer.wrap(utf8)).toString());
        } catch (CharacterCodingException e) {
            valid = false;
        }
    }

    @Override
    public boolean end() {
        return valid;
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
}
