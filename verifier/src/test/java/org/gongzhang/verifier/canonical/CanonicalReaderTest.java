package org.gongzhang.verifier.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The verifier takes a line the reader accepts for canonical without checking it again, so: what it
 * accepts must be exactly {@code canonicalize(parse(text))}, read into the very tree
 * {@link CanonicalJson#parse} builds; and it must accept every canonical text of a ledger's size.
 */
class CanonicalReaderTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Characters that need care: escapes, control characters, 2-, 3- and 4-byte UTF-8. */
    private static final String TRICKY = "a\"\\/\b\f\n\r\t\u0000\u001f\u007f\u0080é\u07ff\u0800公账\ufffd\uffff"
            + "\ud83d\ude00\ud840\udc00";

    private final CanonicalReader reader = new CanonicalReader();

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "\"\"", "0", "-1", "9007199254740991", "-9007199254740991", "true", "false",
            "null", "{\"a\":[true,false,null,\"x\",{}],\"b\":1}", "{\"a\":3,\"公\":2,\"账\":1}", "{\"𠀀\":2,\"！\":1}",
            "\"\\u0000\\u001f\\\"\\\\\\b\\f\\n\\r\\t/\u007f\"",
            "{\"entry\":{\"index\":7,\"payload\":{\"lines\":[{\"debit\":\"12345.67\",\"summary\":\"收3月停车费\"}]}},"
                    + "\"signature\":\"AAAA\"}"})
    void readsCanonicalTextIntoTheTreeTheParserBuilds(String text) {
        assertThat(canonicalOrNull(text)).isEqualTo(text);

        assertThat(reader.read(utf8(text))).isNotNull().isEqualTo(CanonicalJson.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " {}", "{} ", "{ }", "{\"b\":1,\"a\":2}", "{\"a\":1,\"a\":1}", "[1,]", "[,1]", "{\"a\":1,}",
            "01", "-0", "+1", "1.0", "1e3", "1E3", "9007199254740992", "-9007199254740992", "12345678901234567",
            "\"\\/\"", "\"\\u0041\"", "\"\\u000a\"", "\"\\u001F\"", "\"\\ud800\"", "\"\\u00e9\"", "\"\u0001\"", "tru",
            "nul", "truefalse", "\"abc", "{\"a\"1}", "{\"a\":}", "[1 2]", "{\"a\":1}\n", "\"\\x\"", "\"\\u00\"",
            "{\"entry\":{},\"signature\":\"x\"} "})
    void refusesEverythingElse(String text) {
        assertThat(reader.read(utf8(text))).isNull();
    }

    @Test
    void acceptsOnlyCanonicalTextAmongThousandsOfRandomValuesWrittenEveryWay() {
        Random random = new Random(8785);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            JsonNode value = value(random, 4);
            String canonical;
            try {
                canonical = CanonicalJson.canonicalize(value);
            } catch (NotCanonicalizable e) {
                continue;
            }
            String mangled = random.nextInt(3) == 0 ? canonical : mangle(canonical, random);
            // what the bytes say: a lone surrogate has no UTF-8 form (the verifier reads such a text the slow way)
            String text = new String(utf8(mangled), StandardCharsets.UTF_8);
            JsonNode read = reader.read(utf8(text));
            String expected = canonicalOrNull(text);
            if (read == null) {
                refused++;
                assertThat(expected).as("a canonical text refused: %s", text).isNotEqualTo(text);
            } else {
                accepted++;
                assertThat(expected).as("a text accepted that is not canonical: %s", text).isEqualTo(text);
                assertThat(read).isEqualTo(CanonicalJson.parse(text));
                assertThat(read.toString()).isEqualTo(CanonicalJson.parse(text).toString());
            }
        }
        assertThat(accepted).isGreaterThan(5_000);
        assertThat(refused).isGreaterThan(5_000);
    }

    @Test
    void refusesWhatLiesBeyondTheParsersOwnLimitsAndLeavesItToTheParser() {
        assertThat(reader.read(utf8("[".repeat(499) + "]".repeat(499)))).isNotNull();
        assertThat(reader.read(utf8("[".repeat(501) + "]".repeat(501)))).isNull();
        assertThat(reader.read(utf8("{\"" + "k".repeat(10_000) + "\":1}"))).isNotNull();
        assertThat(reader.read(utf8("{\"" + "k".repeat(10_001) + "\":1}"))).isNull();
        assertThat(reader.read(utf8("\"" + "公".repeat(300_000) + "\""))).isNotNull();
        assertThat(reader.read(utf8("\"" + "公".repeat(400_000) + "\""))).isNull();
    }

    @Test
    void saysWhereTheFirstMembersValueEnds() {
        String line = "{\"entry\":{\"a\":[1,\"}\"]},\"signature\":\"AAAA\"}";

        reader.read(utf8(line));

        assertThat(line.substring(0, reader.firstValueEnd())).isEqualTo("{\"entry\":{\"a\":[1,\"}\"]}");
    }

    /** The canonical form of {@code text}, or null when it is not JSON the ledger can canonicalize. */
    private static String canonicalOrNull(String text) {
        try {
            return CanonicalJson.canonicalize(CanonicalJson.parse(text));
        } catch (NotCanonicalizable e) {
            return null;
        }
    }

    /** {@code text} changed the way a careless or hostile writer would: one change at a random place. */
    private static String mangle(String text, Random random) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        return switch (random.nextInt(10)) {
            case 0 -> text.substring(0, at) + " " + text.substring(at);
            case 1 -> text.replaceFirst("\\\\u00", "\\\\u00".toUpperCase());
            case 2 -> text.replace("\\n", "\\u000a").replace("\\\"", "\\u0022");
            case 3 -> text.replaceFirst("(\\d)", "0$1");
            case 4 -> text.replaceFirst("([,\\[:])(\\d)", "$1-$2").replaceFirst(":0", ":-0");
            case 5 -> text.replace("/", "\\/").replace("é", "\\u00e9");
            case 6 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1));
            case 7 -> text.substring(0, at) + "\"" + text.substring(at);
            case 8 -> text.replaceFirst("\\{\"([^\"]*)\":([^,{}\\[\\]]*),\"([^\"]*)\":", "{\"$3\":$2,\"$1\":");
            default -> text.substring(0, at) + TRICKY.charAt(random.nextInt(TRICKY.length() - 4)) + text.substring(at);
        };
    }

    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 6);
        return switch (kind) {
            case 0 -> NODES.textNode(text(random));
            case 1 -> NODES.numberNode(BigInteger.valueOf(random.nextLong() >> (11 + random.nextInt(53))));
            case 2 -> random.nextInt(20) == 0 ? NODES.numberNode(random.nextDouble()) : NODES.numberNode(random.nextInt());
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> NODES.textNode(text(random) + text(random));
            case 6, 7 -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(text(random), value(random, depth - 1));
                }
                yield object;
            }
            default -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(random, depth - 1));
                }
                yield array;
            }
        };
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            if (random.nextInt(10) < 6) {
                text.append((char) ('a' + random.nextInt(26)));
            } else {
                int[] points = TRICKY.codePoints().toArray();
                text.appendCodePoint(points[random.nextInt(points.length)]);
            }
        }
        return text.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
