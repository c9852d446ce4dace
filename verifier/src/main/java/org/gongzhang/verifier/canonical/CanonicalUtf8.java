package org.gongzhang.verifier.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@link CanonicalJson#canonicalize(JsonNode)} written straight as UTF-8 bytes into a buffer this
 * object reuses, so that a reader can check that a line it holds as bytes is in canonical form
 * without building the text: same rules, same refusals (as {@link NotCanonicalizable}), byte for
 * byte the UTF-8 of the same text. Not thread-safe; one per thread.
 */
public final class CanonicalUtf8 {

    private static final BigInteger MAX_SAFE = BigInteger.valueOf(9_007_199_254_740_991L);
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[1024];
    private int length;

    /** Empties the buffer. */
    public CanonicalUtf8 reset() {
        length = 0;
        return this;
    }

    /** Appends {@code ascii} as it is; it must hold only ASCII characters. */
    public CanonicalUtf8 ascii(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /** Appends the canonical form of {@code node}. */
    public CanonicalUtf8 value(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> object(node);
            case ARRAY -> array(node);
            case STRING -> string(node.textValue());
            case NUMBER -> number(node);
            case BOOLEAN -> ascii(node.booleanValue() ? "true" : "false");
            case NULL -> ascii("null");
            default -> throw new NotCanonicalizable("unsupported JSON value: " + node.getNodeType());
        }
        return this;
    }

    /** Appends {@code s} as a canonical JSON string literal, as {@link CanonicalJson#quote(String)}. */
    public CanonicalUtf8 string(String s) {
        ensure(s.length() * 3 + 2);
        bytes[length++] = '"';
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                bytes[length++] = (byte) c;
            } else if (c < 0x80) {
                escape(c);
                ensure((n - i) * 3 + 1);
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | c >> 6);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                bytes[length++] = (byte) (0xE0 | c >> 12);
                bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int point = Character.toCodePoint(c, s.charAt(++i));
                ensure(4 + (n - i) * 3 + 1);
                bytes[length++] = (byte) (0xF0 | point >> 18);
                bytes[length++] = (byte) (0x80 | point >> 12 & 0x3F);
                bytes[length++] = (byte) (0x80 | point >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | point & 0x3F);
            } else {
                // a low surrogate here has no high one before it: the pairs were taken whole above
                throw new NotCanonicalizable("lone surrogate in string");
            }
        }
        bytes[length++] = '"';
        return this;
    }

    /** Number of bytes written since the last {@link #reset()}. */
    public int length() {
        return length;
    }

    /** True when the bytes written are exactly {@code other}. */
    public boolean sameAs(byte[] other) {
        return Arrays.equals(bytes, 0, length, other, 0, other.length);
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /**
     * Fields in UTF-16 code unit order, as {@link CanonicalJson} sorts them. They usually come so
     * already (a canonical line's do); only when one does not is the object written again, sorted.
     */
    private void object(JsonNode node) {
        int start = length;
        ascii("{");
        String previous = null;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (previous != null) {
                if (previous.compareTo(field.getKey()) > 0) {
                    length = start;
                    sortedObject(node);
                    return;
                }
                ascii(",");
            }
            previous = field.getKey();
            string(previous);
            ascii(":");
            value(field.getValue());
        }
        ascii("}");
    }

    private void sortedObject(JsonNode node) {
        List<String> names = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        Collections.sort(names);
        ascii("{");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                ascii(",");
            }
            string(names.get(i));
            ascii(":");
            value(node.get(names.get(i)));
        }
        ascii("}");
    }

    private void array(JsonNode node) {
        ascii("[");
        Iterator<JsonNode> items = node.elements();
        boolean first = true;
        while (items.hasNext()) {
            if (!first) {
                ascii(",");
            }
            first = false;
            value(items.next());
        }
        ascii("]");
    }

    private void number(JsonNode node) {
        if (!node.isIntegralNumber()) {
            throw new NotCanonicalizable("only integers are allowed; write decimals as strings");
        }
        BigInteger value = node.bigIntegerValue();
        if (value.abs().compareTo(MAX_SAFE) > 0) {
            throw new NotCanonicalizable("integer beyond ±2^53: " + value);
        }
        ascii(value.toString());
    }

    private void escape(char c) {
        ensure(6);
        bytes[length++] = '\\';
        switch (c) {
            case '"' -> bytes[length++] = '"';
            case '\\' -> bytes[length++] = '\\';
            case '\b' -> bytes[length++] = 'b';
            case '\f' -> bytes[length++] = 'f';
            case '\n' -> bytes[length++] = 'n';
            case '\r' -> bytes[length++] = 'r';
            case '\t' -> bytes[length++] = 't';
            default -> {
                bytes[length++] = 'u';
                bytes[length++] = '0';
                bytes[length++] = '0';
                bytes[length++] = HEX[c >> 4];
                bytes[length++] = HEX[c & 0xF];
            }
        }
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
