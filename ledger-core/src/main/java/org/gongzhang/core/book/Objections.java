package org.gongzhang.core.book;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gongzhang.core.disclosure.ObjectionStatus;

/** Owners' objections (异议) to a book's published statements, by id. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class Objections {

    private Map<String, ObjectionState> byId = new HashMap<>();

    Optional<ObjectionState> find(String objectionId) {
        return Optional.ofNullable(byId.get(objectionId));
    }

    boolean contains(String objectionId) {
        return byId.containsKey(objectionId);
    }

    void put(String objectionId, ObjectionState objection) {
        byId.put(objectionId, objection);
    }

    void move(String objectionId, ObjectionStatus next) {
        byId.put(objectionId, byId.get(objectionId).with(next));
    }
}
