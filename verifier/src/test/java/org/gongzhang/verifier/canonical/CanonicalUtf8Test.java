package org.gongzhang.verifier.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * The canonical form written straight as UTF-8 is, byte for byte, the UTF-8 of
 * {@link CanonicalJson#canonicalize(JsonNode)}, and refuses exactly what it refuses: the verifier
 * takes a line for canonical when the two agree, so any difference would let a line through.
 */
class CanonicalUtf8Test {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Characters that need care: escapes, control characters, 2-, 3- and 4-byte UTF-8, and lone surrogate halves. */
    private static final String TRICKY = "a\"\\/\b\f\n\r\t\u0000\u001f\u007f\u0080é\u07ff\u0800公账\ufffd\uffff"
            + "\ud83d\ude00\ud840\udc00\ud800\udc00";

    @ParameterizedTest
    @ValueSource(strings = {"{\"b\":1,\"a\":[true,false,null,\"x\"]}", "{\"账\":1,\"公\":2,\"a\":3}", "[]", "{}",
            "\"\\u0001\\u001f\\\"\\\\\\n\"", "{\"𠀀\":2,\"！\":1}", "-9007199254740991", "9007199254740991", "0",
            "{\"entry\":{\"payload\":{\"lines\":[{\"summary\":\"收3月停车费\",\"debit\":\"12345.67\"}]},\"index\":7}}"})
    void writesTheUtf8OfTheCanonicalText(String json) {
        JsonNode node = CanonicalJson.parse(json);

        assertThat(new CanonicalUtf8().value(node).toByteArray())
                .isEqualTo(CanonicalJson.canonicalize(node).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void agreesWithTheCanonicalTextOnThousandsOfRandomValues() {
        Random random = new Random(8785);
        CanonicalUtf8 writer = new CanonicalUtf8();
        int refused = 0;
        for (int i = 0; i < 5_000; i++) {
            JsonNode node = value(random, 4);
            String text;
            try {
                text = CanonicalJson.canonicalize(node);
            } catch (NotCanonicalizable e) {
                refused++;
                assertThatThrownBy(() -> writer.reset().value(node)).isInstanceOf(NotCanonicalizable.class);
                continue;
            }
            assertThat(writer.reset().value(node).toByteArray()).as("%s", text)
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            assertThat(writer.sameAs(text.getBytes(StandardCharsets.UTF_8))).isTrue();
        }
        assertThat(refused).as("some values must be refused, or refusals go untested").isBetween(100, 4_000);
    }

    @Test
    void quotesAStringAsCanonicalJsonDoes() {
        for (int i = 0; i < TRICKY.length(); i++) {
            String s = TRICKY.substring(i) + TRICKY.substring(0, i);
            try {
                byte[] expected = CanonicalJson.quote(s).getBytes(StandardCharsets.UTF_8);
                assertThat(new CanonicalUtf8().string(s).toByteArray()).isEqualTo(expected);
            } catch (NotCanonicalizable e) {
                assertThatThrownBy(() -> new CanonicalUtf8().string(s)).isInstanceOf(NotCanonicalizable.class);
            }
        }
    }

    @Test
    void refusesWhatTheCanonicalFormRefuses() {
        assertThatThrownBy(() -> new CanonicalUtf8().value(NODES.numberNode(1.5))).isInstanceOf(NotCanonicalizable.class);
        assertThatThrownBy(() -> new CanonicalUtf8().value(NODES.numberNode(BigInteger.TWO.pow(53))))
                .isInstanceOf(NotCanonicalizable.class);
        assertThatThrownBy(() -> new CanonicalUtf8().string("\ud800")).isInstanceOf(NotCanonicalizable.class);
        assertThatThrownBy(() -> new CanonicalUtf8().string("\udc00\ud800")).isInstanceOf(NotCanonicalizable.class);
        assertThatThrownBy(() -> new CanonicalUtf8().string("x\ud800\ud800\udc00")).isInstanceOf(NotCanonicalizable.class);
    }

    @Test
    void comparesOnlyTheBytesWrittenSinceTheLastReset() {
        CanonicalUtf8 writer = new CanonicalUtf8().ascii("{\"entry\":").value(CanonicalJson.parse("{\"b\":1,\"a\":2}"));
        writer.reset().ascii("[1]");

        assertThat(writer.sameAs("[1]".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(writer.sameAs("[1] ".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(writer.length()).isEqualTo(3);
    }

    @Test
    void growsForLongValues() {
        String longText = "公".repeat(100_000);

        assertThat(new CanonicalUtf8().string(longText).toByteArray())
                .isEqualTo(CanonicalJson.quote(longText).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 6);
        return switch (kind) {
            case 0 -> NODES.textNode(text(random));
            case 1 -> NODES.numberNode(BigInteger.valueOf(random.nextLong() >> random.nextInt(64)));
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

    /** Mostly ordinary text, sometimes a tricky character, rarely a lone surrogate half. */
    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            int pick = random.nextInt(10);
            if (pick < 6) {
                text.append((char) ('a' + random.nextInt(26)));
            } else if (pick < 9) {
                int[] points = TRICKY.codePoints().toArray();
                text.appendCodePoint(points[random.nextInt(points.length)]);
            } else {
                text.append(random.nextBoolean() ? "\ud800" : "\udfff");
            }
        }
        return text.toString();
    }
}
