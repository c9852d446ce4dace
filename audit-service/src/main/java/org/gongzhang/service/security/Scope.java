package org.gongzhang.service.security;

import java.util.Arrays;
import java.util.Optional;

/** Where a grant applies: everywhere, or a street, community, compound or agent firm by id. */
public record Scope(Kind kind, String id) {

    public enum Kind {
        ALL, STREET, COMMUNITY, COMPOUND, FIRM;

        public static Optional<Kind> parse(String name) {
            return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
        }
    }

    public static final Scope ALL = new Scope(Kind.ALL, "*");

    public static Scope street(String id) {
        return new Scope(Kind.STREET, id);
    }

    public static Scope community(String id) {
        return new Scope(Kind.COMMUNITY, id);
    }

    public static Scope compound(String id) {
        return new Scope(Kind.COMPOUND, id);
    }

    public static Scope firm(String id) {
        return new Scope(Kind.FIRM, id);
    }
}
