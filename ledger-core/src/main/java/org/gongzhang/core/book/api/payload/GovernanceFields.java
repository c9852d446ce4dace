package org.gongzhang.core.book.api.payload;

import static org.gongzhang.core.book.api.RefusalCode.ENTRY_MALFORMED;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongzhang.core.book.api.RefusalCode;

/** Field shapes that only the spending-governance payloads use: lists of names, flags, maps of text. */
final class GovernanceFields {

    private GovernanceFields() {
    }

    /** An array of enum names, e.g. {@code ["COMMITTEE", "COMMUNITY"]}. */
    static <E extends Enum<E>> List<E> enums(PayloadReader p, String field, Class<E> type, RefusalCode unknown) {
        JsonNode value = p.node().get(field);
        if (value == null || !value.isArray()) {
            throw malformed(p.path(field));
        }
        List<E> result = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String at = p.path(field) + "[" + i + "]";
            if (!value.get(i).isTextual()) {
                throw malformed(at);
            }
            String text = value.get(i).textValue();
            result.add(Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(text)).findFirst()
                    .orElseThrow(() -> unknown.at(at, text)));
        }
        return result;
    }

    /** A required {@code true} or {@code false}. */
    static boolean bool(PayloadReader p, String field) {
        JsonNode value = p.node().get(field);
        if (value == null || !value.isBoolean()) {
            throw malformed(p.path(field));
        }
        return value.booleanValue();
    }

    /** An object whose every value is text, in the order written. */
    static Map<String, String> texts(PayloadReader p, String field) {
        PayloadReader object = p.object(field);
        Map<String, String> result = new LinkedHashMap<>();
        object.node().fieldNames().forEachRemaining(name -> result.put(name, object.string(name)));
        return result;
    }

    /** Content-addressed files {@code [{"sha256", "name"}]}: quotes, documents. */
    static List<Attachments.AttachedFile> files(PayloadReader p, String field) {
        return p.array(field).stream().map(f -> new Attachments.AttachedFile(f.string("sha256"), f.string("name")))
                .toList();
    }

    /** An id that may be absent or null. */
    static String optionalId(PayloadReader p, String field, RefusalCode invalid) {
        return p.has(field) ? p.id(field, invalid) : null;
    }

    private static RuntimeException malformed(String path) {
        return ENTRY_MALFORMED.at(path, path);
    }
}
