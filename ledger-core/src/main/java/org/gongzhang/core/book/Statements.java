package org.gongzhang.core.book;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The statements (公示表) of a book by id: a few a year, each with its versions' standing. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class Statements {

    private Map<String, StatementState> byId = new HashMap<>();

    Optional<StatementState> find(String statementId) {
        return Optional.ofNullable(byId.get(statementId));
    }

    boolean contains(String statementId) {
        return byId.containsKey(statementId);
    }

    void put(String statementId, StatementState statement) {
        byId.put(statementId, statement);
    }

    void update(String statementId, UnaryOperator<StatementState> change) {
        byId.put(statementId, change.apply(byId.get(statementId)));
    }
}
