package org.gongzhang.verifier.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/** The transparency-dev Merkle test vectors copied under {@code src/test/resources/merkle}. */
final class MerkleVectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MerkleVectors() {
    }

    /** Every vector file under {@code merkle/<kind>}, as (relative name, parsed JSON). */
    static List<Vector> all(String kind) {
        Path dir = directory().resolve(kind);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .map(p -> new Vector(dir.relativize(p).toString(), read(p))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        return Base64.getDecoder().decode(node.asText());
    }

    static List<byte[]> list(JsonNode node) {
        List<byte[]> result = new ArrayList<>();
        node.forEach(item -> result.add(bytes(item)));
        return result;
    }

    private static Path directory() {
        try {
            return Path.of(MerkleVectors.class.getResource("/merkle").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Vector(String name, JsonNode json) {
        boolean mustVerify() {
            return !json.get("wantErr").asBoolean();
        }

        @Override
        public String toString() {
            return name + " (" + json.get("desc").asText() + ")";
        }
    }
}
