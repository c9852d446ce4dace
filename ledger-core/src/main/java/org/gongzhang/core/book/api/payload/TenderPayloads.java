package org.gongzhang.core.book.api.payload;

import static org.gongzhang.core.book.api.RefusalCode.ENTRY_MALFORMED;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.core.book.api.RefusalCode;

/** What the tender and contract payloads read beyond {@link PayloadReader}: flags and lists of ids. */
final class TenderPayloads {

    private TenderPayloads() {
    }

    static boolean flag(PayloadReader p, String field) {
        JsonNode value = p.node().get(field);
        if (value == null || !value.isBoolean()) {
            throw ENTRY_MALFORMED.at(p.path(field), p.path(field));
        }
        return value.booleanValue();
    }

    /** A required array of ids, e.g. a ranking of bids. */
    static List<String> ids(PayloadReader p, String field) {
        JsonNode value = p.node().get(field);
        if (value == null || !value.isArray()) {
            throw ENTRY_MALFORMED.at(p.path(field), p.path(field));
        }
        List<String> ids = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String at = p.path(field) + "[" + i + "]";
            if (!value.get(i).isTextual()) {
                throw ENTRY_MALFORMED.at(at, at);
            }
            String id = value.get(i).textValue();
            if (!PayloadReader.ID.matcher(id).matches()) {
                throw RefusalCode.BOOK_ID_INVALID.at(at, id);
            }
            ids.add(id);
        }
        return ids;
    }

    /** A string that is present and may be null, e.g. an audit report not yet required. */
    static String nullable(PayloadReader p, String field) {
        if (!p.node().has(field)) {
            throw ENTRY_MALFORMED.at(p.path(field), p.path(field));
        }
        return p.optionalString(field);
    }

    static String id(PayloadReader p, String field) {
        return p.id(field, RefusalCode.BOOK_ID_INVALID);
    }
}
