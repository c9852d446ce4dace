package org.gongzhang.verifier.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Reads JSON that is already in RFC 8785 canonical form, as this ledger writes it, in one pass over
 * its UTF-8 bytes: the tree {@link CanonicalJson#parse} would build (integers as {@code BigInteger}
 * nodes, as its mapper reads them), or null for any text that is not canonical — whitespace, keys out
 * of order or repeated, an escape the canonical form does not use, a number not in its shortest
 * integer form — and for anything out of the ordinary (depth, very long strings or names) that the
 * caller must then read the usual way. So it never accepts a text that is not exactly
 * {@code canonicalize(parse(text))}, and what it accepts it reads as {@code parse} does.
 *
 * <p>It is what lets the verifier check a million lines fast: a line in canonical form is parsed
 * and proven canonical at once, instead of parsed, written again and compared. Not thread-safe: one
 * per thread. The bytes must be valid UTF-8.
 */
public final class CanonicalReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Well inside the JSON parser's own limits (nesting 1000, names 50,000 and strings 20,000,000 chars). */
    private static final int MAX_DEPTH = 500;
    private static final int MAX_NAME_BYTES = 10_000;
    private static final int MAX_STRING_BYTES = 1_000_000;
    private static final long MAX_SAFE = 9_007_199_254_740_991L;

    private byte[] bytes;
    private int pos;
    private int end;
    private int firstValueEnd;

    /** The value the whole of {@code utf8} holds, when it is canonical JSON; else null. */
    public JsonNode read(byte[] utf8) {
        bytes = utf8;
        pos = 0;
        end = utf8.length;
        firstValueEnd = -1;
        JsonNode value = value(0, true);
        return value != null && pos == end ? value : null;
    }

    /**
     * After a {@link #read} of an object: the offset just past the value of its first member
     * (for {@code {"entry":…,"signature":…}}, the end of the entry); -1 otherwise.
     */
    public int firstValueEnd() {
        return firstValueEnd;
    }

    /** The byte at {@code i}, or 0 past the end: a 0 byte is never valid where a token is read. */
    private byte at(int i) {
        return i < end ? bytes[i] : 0;
    }

    private JsonNode value(int depth, boolean top) {
        switch (at(pos)) {
            case '{':
                return object(depth, top);
            case '[':
                return array(depth);
            case '"': {
                String text = string(MAX_STRING_BYTES);
                return text == null ? null : NODES.textNode(text);
            }
            case 't':
                return word("true") ? BooleanNode.TRUE : null;
            case 'f':
                return word("false") ? BooleanNode.FALSE : null;
            case 'n':
                return word("null") ? NullNode.getInstance() : null;
            default:
                return integer();
        }
    }

    private boolean word(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (at(pos + i) != word.charAt(i)) {
                return false;
            }
        }
        pos += word.length();
        return true;
    }

    private JsonNode object(int depth, boolean top) {
        if (depth >= MAX_DEPTH) {
            return null;
        }
        pos++;
        ObjectNode object = NODES.objectNode();
        if (at(pos) == '}') {
            pos++;
            return object;
        }
        String previous = null;
        while (true) {
            if (at(pos) != '"') {
                return null;
            }
            String name = string(MAX_NAME_BYTES);
            // names strictly ascending in UTF-16 code units: sorted as RFC 8785 sorts them, none repeated
            if (name == null || previous != null && previous.compareTo(name) >= 0 || at(pos) != ':') {
                return null;
            }
            pos++;
            JsonNode value = value(depth + 1, false);
            if (value == null) {
                return null;
            }
            if (top && previous == null) {
                firstValueEnd = pos;
            }
            object.set(name, value);
            previous = name;
            byte next = at(pos++);
            if (next == '}') {
                return object;
            }
            if (next != ',') {
                return null;
            }
        }
    }

    private JsonNode array(int depth) {
        if (depth >= MAX_DEPTH) {
            return null;
        }
        pos++;
        ArrayNode array = NODES.arrayNode();
        if (at(pos) == ']') {
            pos++;
            return array;
        }
        while (true) {
            JsonNode value = value(depth + 1, false);
            if (value == null) {
                return null;
            }
            array.add(value);
            byte next = at(pos++);
            if (next == ']') {
                return array;
            }
            if (next != ',') {
                return null;
            }
        }
    }

    /** An integer as BigInteger.toString writes it: no plus, no leading zero, no minus zero, within ±(2^53 − 1). */
    private JsonNode integer() {
        boolean negative = at(pos) == '-';
        int first = negative ? pos + 1 : pos;
        int i = first;
        if (at(i) == '0') {
            i++;
            if (negative) {
                return null;
            }
        } else if (at(i) >= '1' && at(i) <= '9') {
            while (at(i) >= '0' && at(i) <= '9' && i - first <= 16) {
                i++;
            }
        } else {
            return null;
        }
        byte next = at(i);
        if (i - first > 16 || next == '.' || next == 'e' || next == 'E' || next >= '0' && next <= '9') {
            return null;
        }
        long value = 0;
        for (int d = first; d < i; d++) {
            value = value * 10 + (bytes[d] - '0');
        }
        if (value > MAX_SAFE) {
            return null;
        }
        pos = i;
        return NODES.numberNode(BigInteger.valueOf(negative ? -value : value));
    }

    /**
     * A string at {@code pos} (its opening quote) in canonical form: every character raw but the
     * quote, the backslash and the control characters, which are escaped exactly as
     * {@link CanonicalJson#quote} escapes them.
     */
    private String string(int maxBytes) {
        int start = ++pos;
        boolean ascii = true;
        while (true) {
            byte c = at(pos);
            if (c == '"') {
                if (pos - start > maxBytes) {
                    return null;
                }
                String text = new String(bytes, start, pos - start,
                        ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                pos++;
                return text;
            }
            if (c == '\\') {
                return escaped(start, maxBytes);
            }
            if (c >= 0 && c < 0x20) {
                return null; // a raw control character, or the end
            }
            ascii &= c >= 0;
            pos++;
        }
    }

    private String escaped(int start, int maxBytes) {
        StringBuilder text = new StringBuilder(new String(bytes, start, pos - start, StandardCharsets.UTF_8));
        while (true) {
            if (pos - start > maxBytes) {
                return null;
            }
            byte c = at(pos);
            if (c == '"') {
                pos++;
                return text.toString();
            }
            if (c >= 0 && c < 0x20) {
                return null;
            }
            if (c != '\\') {
                int run = pos;
                while (at(pos) != '"' && at(pos) != '\\' && !(at(pos) >= 0 && at(pos) < 0x20)) {
                    pos++;
                }
                text.append(new String(bytes, run, pos - run, StandardCharsets.UTF_8));
                continue;
            }
            char escaped;
            switch (at(pos + 1)) {
                case '"' -> escaped = '"';
                case '\\' -> escaped = '\\';
                case 'b' -> escaped = '\b';
                case 'f' -> escaped = '\f';
                case 'n' -> escaped = '\n';
                case 'r' -> escaped = '\r';
                case 't' -> escaped = '\t';
                case 'u' -> {
                    int high = at(pos + 4) - '0';
                    int low = hex(at(pos + 5));
                    if (at(pos + 2) != '0' || at(pos + 3) != '0' || high < 0 || high > 1 || low < 0) {
                        return null;
                    }
                    escaped = (char) (high << 4 | low);
                    if (escaped == '\b' || escaped == '\f' || escaped == '\n' || escaped == '\r' || escaped == '\t') {
                        return null; // these have a short escape
                    }
                    pos += 4;
                }
                default -> {
                    return null;
                }
            }
            text.append(escaped);
            pos += 2;
        }
    }

    /** A lowercase hex digit's value, else -1: the canonical form writes {@code \u001f}, not {@code \u001F}. */
    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
