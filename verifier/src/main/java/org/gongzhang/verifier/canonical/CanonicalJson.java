package org.gongzhang.verifier.canonical;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 8785 (JCS) canonical form of the JSON this ledger signs.
 *
 * <p>Ledger entries carry decimals as strings, so the only numbers allowed are integers within
 * ±2^53 (where JCS's ES6 number form is the plain decimal). Duplicate object keys are refused,
 * because two parsers could disagree on which one wins.
 */
public final class CanonicalJson {

    private static final BigInteger MAX_SAFE = BigInteger.valueOf(9_007_199_254_740_991L);
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    /** How Jackson's strict duplicate detection names the key. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private CanonicalJson() {
    }

    /** Parses strict JSON (no duplicate keys, no trailing tokens); throws {@link NotCanonicalizable}. */
    public static JsonNode parse(String json) {
        try {
            JsonNode node = STRICT.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new NotCanonicalizable(NotCanonicalizable.Reason.EMPTY, "empty document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    /**
     * Jackson's refusal as a reason: a duplicate key (its strict detection says "Duplicate field
     * 'k'"), else a syntax error where the parser stopped.
     */
    private static NotCanonicalizable notJson(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(message == null ? "" : message);
        if (duplicate.lookingAt()) {
            return new NotCanonicalizable(NotCanonicalizable.Reason.DUPLICATE_KEY, duplicate.group(1), -1, -1, message);
        }
        JsonLocation at = e.getLocation();
        return new NotCanonicalizable(NotCanonicalizable.Reason.SYNTAX, null, at == null ? -1 : at.getLineNr(),
                at == null ? -1 : at.getColumnNr(), message);
    }

    /** The canonical text of a JSON value. */
    public static String canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    /** Canonical UTF-8 bytes of a JSON document given as text. */
    public static byte[] canonicalBytes(String json) {
        return canonicalize(parse(json)).getBytes(StandardCharsets.UTF_8);
    }

    /** The shared strict mapper, for building nodes that will later be canonicalized. */
    public static ObjectMapper mapper() {
        return STRICT;
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> writeArray(node, out);
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> writeNumber(node, out);
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new NotCanonicalizable(NotCanonicalizable.Reason.UNSUPPORTED_VALUE,
                    "unsupported JSON value: " + node.getNodeType());
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        // String.compareTo orders by UTF-16 code units, exactly as RFC 8785 §3.2.3 requires.
        Collections.sort(names);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(names.get(i), out);
            out.append(':');
            write(node.get(names.get(i)), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder out) {
        out.append('[');
        Iterator<JsonNode> items = node.elements();
        boolean first = true;
        while (items.hasNext()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(items.next(), out);
        }
        out.append(']');
    }

    private static void writeNumber(JsonNode node, StringBuilder out) {
        if (!node.isIntegralNumber()) {
            throw new NotCanonicalizable(NotCanonicalizable.Reason.NOT_AN_INTEGER,
                    "only integers are allowed; write decimals as strings");
        }
        BigInteger value = node.bigIntegerValue();
        if (value.abs().compareTo(MAX_SAFE) > 0) {
            throw new NotCanonicalizable(NotCanonicalizable.Reason.INTEGER_TOO_LARGE, value.toString(), -1, -1,
                    "integer beyond ±2^53: " + value);
        }
        out.append(value);
    }

    private static void writeString(String s, StringBuilder out) {
        if (needsNoEscape(s)) {
            out.append('"').append(s).append('"');
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !isPairedSurrogate(s, i)) {
                        throw new NotCanonicalizable(NotCanonicalizable.Reason.LONE_SURROGATE, "lone surrogate in string");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** True for the common string that {@link #writeString} copies unchanged: no quote, backslash, control character or surrogate. */
    private static boolean needsNoEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** Builds a canonical object from a map, for callers that have no JsonNode at hand. */
    public static String canonicalize(Map<String, ?> value) {
        JsonNode node = STRICT.valueToTree(value);
        return canonicalize(node);
    }

    /** A string as a canonical JSON string literal. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        writeString(s, out);
        return out.toString();
    }
}
