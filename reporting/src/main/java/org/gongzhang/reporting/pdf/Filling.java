package org.gongzhang.reporting.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a template is filled with: its parameters (headings, signatures, totals) and its rows, each
 * row a map of field name to printed text with a {@code kind} that picks the row's layout.
 */
final class Filling {

    private final Map<String, Object> parameters = new HashMap<>();
    private final List<Map<String, ?>> rows = new ArrayList<>();

    Filling parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** Adds a row of {@code kind}; {@code fields} are name, value pairs. */
    Filling row(String kind, Object... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in name, value pairs");
        }
        Map<String, Object> row = new HashMap<>();
        row.put("kind", kind);
        for (int i = 0; i < fields.length; i += 2) {
            row.put((String) fields[i], fields[i + 1]);
        }
        rows.add(row);
        return this;
    }

    /** Adds a row of {@code kind} with these fields. */
    Filling row(String kind, Map<String, Object> fields) {
        Map<String, Object> row = new HashMap<>(fields);
        row.put("kind", kind);
        rows.add(row);
        return this;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    List<Map<String, ?>> rows() {
        return rows;
    }
}
