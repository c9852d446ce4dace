package org.gongzhang.service.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one place a request's caller is checked against what it asks to do. Each method answers or
 * throws {@link AccessDenied} (401/403) — callers check before they write anything.
 */
@Component
public class Access {

    /** Request attribute set by the token filter when a presented token is unknown or expired. */
    static final String BAD_TOKEN = Access.class.getName() + ".badToken";

    private final Users users;
    private final BookDirectory books;
    private final ApiTokens tokens;

    Access(Users users, BookDirectory books, ApiTokens tokens) {
        this.users = users;
        this.books = books;
        this.tokens = tokens;
    }

    /** The logged-in caller, or 401. */
    public Caller caller() {
        return current().orElseThrow(() -> AccessDenied.unauthenticated(badToken() ? "auth.token.invalid" : "auth.required"));
    }

    /** The logged-in caller, if any. */
    public Optional<Caller> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof Caller caller) {
            return Optional.of(caller);
        }
        return users.find(auth.getName());
    }

    /**
     * The caller acting on {@code book} in the first of {@code roles} they hold there: 401 without
     * a login, 404 for an unknown book, 403 when no grant of theirs covers the book in those roles.
     */
    public Acting require(String book, AccessRole... roles) {
        Caller caller = caller();
        BookSummary summary = books.require(book);
        for (AccessRole role : roles) {
            boolean covered = caller.grants().stream()
                    .anyMatch(g -> g.role() == role && covers(g.scope(), summary));
            if (covered) {
                return new Acting(caller, role, summary);
            }
        }
        boolean holdsRole = Arrays.stream(roles).anyMatch(caller::holds);
        if (holdsRole) {
            throw AccessDenied.forbidden("access.scope", book);
        }
        throw AccessDenied.forbidden("access.role", names(roles));
    }

    /**
     * A second person co-authenticating the same request with their own bearer token (four eyes):
     * 401 without a valid token, 403 outside role or scope or when it is the caller themselves.
     */
    public Acting requireToken(String authorization, String book, AccessRole role) {
        String prefix = "Bearer ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw AccessDenied.unauthenticated("auth.second-person.required");
        }
        Caller second = tokens.resolve(authorization.substring(prefix.length()).trim()).flatMap(users::find)
                .orElseThrow(() -> AccessDenied.unauthenticated("auth.second-person.invalid"));
        if (second.username().equals(caller().username())) {
            throw AccessDenied.forbidden("access.same-person");
        }
        BookSummary summary = books.require(book);
        boolean covered = second.grants().stream().anyMatch(g -> g.role() == role && covers(g.scope(), summary));
        if (!covered) {
            throw AccessDenied.forbidden(second.holds(role) ? "access.scope" : "access.role",
                    second.holds(role) ? book : role.name());
        }
        return new Acting(second, role, summary);
    }

    /** The caller holding {@code role} somewhere (for actions not tied to one book). */
    public Caller requireAnywhere(AccessRole role) {
        Caller caller = caller();
        if (!caller.holds(role)) {
            throw AccessDenied.forbidden("access.role", names(role));
        }
        return caller;
    }

    /** The caller holding {@code ADMINISTRATOR} over everything (系统管理员 of the whole deployment): 401, else 403. */
    public Caller requireAdministratorEverywhere() {
        Caller caller = requireAnywhere(AccessRole.ADMINISTRATOR);
        boolean everywhere = caller.grants().stream()
                .anyMatch(g -> g.role() == AccessRole.ADMINISTRATOR && g.scope().kind() == Scope.Kind.ALL);
        if (!everywhere) {
            throw AccessDenied.forbidden("access.scope", "*");
        }
        return caller;
    }

    /** Where {@code person}'s grants reach: their agent firms' compounds read once, every check after that in memory. */
    public Reach reach(Caller person) {
        Set<String> firms = person.grants().stream().filter(g -> g.scope().kind() == Scope.Kind.FIRM)
                .map(g -> g.scope().id()).collect(Collectors.toSet());
        return new Reach(person.grants(), users.compoundsOf(firms));
    }

    /**
     * The books {@code reach} covers in any of {@code roles} (in any role when none is given), in the
     * directory's order: one query, not one book at a time.
     */
    public List<BookSummary> books(Reach reach, AccessRole... roles) {
        return books.within(reach.area(roles));
    }

    /** Whether a grant's scope reaches the book's compound. */
    public boolean covers(Scope scope, BookSummary book) {
        Set<String> firm = scope.kind() == Scope.Kind.FIRM ? Set.of(scope.id()) : Set.of();
        return new Reach(List.of(), users.compoundsOf(firm)).covers(scope, book);
    }

    private static String names(AccessRole... roles) {
        return Arrays.stream(roles).map(AccessRole::name).collect(Collectors.joining(", "));
    }

    private static boolean badToken() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes != null && attributes.getAttribute(BAD_TOKEN, RequestAttributes.SCOPE_REQUEST) != null;
    }

    /**
     * The caller acting in {@code role} on every book of a street (街道), for what a town does
     * town-wide: 401 without a login, 404 for a street without books, 403 unless their grants in
     * that role cover each of its books (the refusal names the first one they do not).
     */
    public List<Acting> requireStreet(String street, AccessRole role) {
        Caller caller = caller();
        List<BookSummary> inStreet = books.requireStreet(street);
        if (!caller.holds(role)) {
            throw AccessDenied.forbidden("access.role", names(role));
        }
        List<Acting> acting = new ArrayList<>();
        for (BookSummary book : inStreet) {
            if (caller.grants().stream().noneMatch(g -> g.role() == role && covers(g.scope(), book))) {
                throw AccessDenied.forbidden("access.scope", book.book());
            }
            acting.add(new Acting(caller, role, book));
        }
        return acting;
    }
}
