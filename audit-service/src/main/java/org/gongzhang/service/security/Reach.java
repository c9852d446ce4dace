package org.gongzhang.service.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;

/**
 * Where a person's grants reach, resolved once ({@link Access#reach}): the compounds their agent
 * firms (代理机构) keep are read in one query, and every check after that is made in memory. For
 * the pages that list or filter many books; one book's check stays {@link Access#require}.
 */
public final class Reach {

    private final List<Grant> grants;
    private final Map<String, Set<String>> firmCompounds;

    Reach(List<Grant> grants, Map<String, Set<String>> firmCompounds) {
        this.grants = List.copyOf(grants);
        this.firmCompounds = Map.copyOf(firmCompounds);
    }

    /** Whether {@code scope} reaches the book's compound. */
    public boolean covers(Scope scope, BookSummary book) {
        return switch (scope.kind()) {
            case ALL -> true;
            case STREET -> scope.id().equals(book.street().id());
            case COMMUNITY -> scope.id().equals(book.community().id());
            case COMPOUND -> scope.id().equals(book.compound().id());
            case FIRM -> firmCompounds.getOrDefault(scope.id(), Set.of()).contains(book.compound().id());
        };
    }

    /** The roles the person holds in the book, each once, in the order of their grants. */
    public List<AccessRole> roles(BookSummary book) {
        return grants.stream().filter(g -> covers(g.scope(), book)).map(Grant::role).distinct().toList();
    }

    /** Whether the person holds one of {@code roles} in the book. */
    public boolean holdsIn(BookSummary book, Collection<AccessRole> roles) {
        return grants.stream().anyMatch(g -> roles.contains(g.role()) && covers(g.scope(), book));
    }

    /** The area the person's grants in {@code roles} reach (in any role when none is given). */
    BookDirectory.Area area(AccessRole... roles) {
        Set<AccessRole> wanted = Set.copyOf(Arrays.asList(roles));
        Set<String> streets = new HashSet<>();
        Set<String> communities = new HashSet<>();
        Set<String> compounds = new HashSet<>();
        boolean everything = false;
        for (Grant grant : grants) {
            if (!wanted.isEmpty() && !wanted.contains(grant.role())) {
                continue;
            }
            String id = grant.scope().id();
            switch (grant.scope().kind()) {
                case ALL -> everything = true;
                case STREET -> streets.add(id);
                case COMMUNITY -> communities.add(id);
                case COMPOUND -> compounds.add(id);
                case FIRM -> compounds.addAll(firmCompounds.getOrDefault(id, Set.of()));
            }
        }
        return new BookDirectory.Area(everything, streets, communities, compounds);
    }
}
