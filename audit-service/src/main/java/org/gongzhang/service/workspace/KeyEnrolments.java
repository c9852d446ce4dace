package org.gongzhang.service.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.log.BookKeys;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.gongzhang.service.security.Reach;
import org.gongzhang.service.security.Users;
import org.gongzhang.service.signing.PersonalKey;
import org.gongzhang.service.signing.PersonalKeys;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.gongzhang.verifier.entry.Role;
import org.springframework.stereotype.Component;

/**
 * Keys people made themselves and declared, set against the books they serve: which are registered
 * where, and — for a community auditor (or, for auditors' keys, the town officer) — which wait for
 * them to enrol (待登记).
 */
@Component
public class KeyEnrolments {

    /** A declared key that a book does not yet trust for a role its holder has there. */
    public record Pending(BookSummary book, String username, String displayName, AccessRole role, PersonalKey key) {
    }

    /**
     * Where one of the person's own keys stands in one book; {@code byTown} when the town officer (街道)
     * registers it there, the person being the book's community auditor.
     */
    public record Standing(BookSummary book, State state, boolean byTown) {
    }

    /** A declared key in a book: trusted, revoked there (it can never be registered there again), or not yet registered. */
    public enum State { REGISTERED, REVOKED, WAITING }

    private final PersonalKeys keys;
    private final BookKeys bookKeys;
    private final Users users;
    private final Access access;

    KeyEnrolments(PersonalKeys keys, BookKeys bookKeys, Users users, Access access) {
        this.keys = keys;
        this.bookKeys = bookKeys;
        this.users = users;
        this.access = access;
    }

    /** Enrolments this registrar can sign in one book (its members page), not in every book they serve. */
    public List<Pending> pendingIn(Caller registrar, BookSummary book) {
        return pendingFor(access.reach(registrar), List.of(book));
    }

    /**
     * Enrolments the registrar whose grants reach as {@code mine} can sign among {@code books} (those
     * they serve, already read): in the books where they are auditor or town officer. The declared keys
     * read are those of people whose grants reach the books; each key's holder and where their grants
     * reach are read once, not once per book, and the registered keys of the books where a holder serves
     * in one grouped read.
     */
    public List<Pending> pendingFor(Reach mine, List<BookSummary> books) {
        if (books.isEmpty()) {
            return List.of();
        }
        List<PersonalKey> declared = keys.declaredIn(
                books.stream().map(b -> b.street().id()).collect(Collectors.toSet()),
                books.stream().map(b -> b.community().id()).collect(Collectors.toSet()),
                books.stream().map(b -> b.compound().id()).collect(Collectors.toSet()));
        if (declared.isEmpty()) {
            return List.of();
        }
        Set<String> declaredIds = new HashSet<>();
        declared.forEach(k -> declaredIds.add(k.keyId()));
        Map<String, Optional<Holder>> holders = new HashMap<>();
        for (PersonalKey key : declared) {
            holders.computeIfAbsent(key.username(),
                    username -> users.find(username).map(person -> new Holder(person, access.reach(person))));
        }
        // first the keys whose holder serves a book in a role the registrar registers there, then the
        // registered keys of just those books, in one grouped read
        List<Candidate> candidates = new ArrayList<>();
        for (BookSummary book : books) {
            List<AccessRole> roles = mine.roles(book);
            boolean auditor = roles.contains(AccessRole.COMMUNITY_AUDITOR);
            boolean officer = roles.contains(AccessRole.TOWN_OFFICER);
            if (!auditor && !officer) {
                continue;
            }
            for (PersonalKey key : declared) {
                Holder holder = holders.get(key.username()).orElse(null);
                if (holder == null) {
                    continue;
                }
                List<AccessRole> asRoles = holder.reach().roles(book).stream()
                        .filter(r -> r.ledgerRole().isPresent())
                        .filter(r -> auditor || r == AccessRole.COMMUNITY_AUDITOR)
                        .toList();
                if (!asRoles.isEmpty()) {
                    candidates.add(new Candidate(book, key, holder.person(), asRoles));
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, List<RegisteredKey>> registered = bookKeys.registered(
                candidates.stream().map(c -> c.book().book()).distinct().toList());
        List<Pending> pending = new ArrayList<>();
        for (Candidate candidate : candidates) {
            List<RegisteredKey> there = registered.get(candidate.book().book());
            if (there.stream().anyMatch(k -> k.keyId().equals(candidate.key().keyId()))) {
                continue; // registered there, or revoked there (a lost device's key is never offered again)
            }
            List<RegisteredKey> trusted = there.stream().filter(k -> !k.revoked()).toList();
            Caller person = candidate.holder();
            candidate.roles().stream()
                    .filter(r -> !holdsOwnKey(trusted, declaredIds, person.actor(), r))
                    .findFirst()
                    .ifPresent(r -> pending.add(new Pending(candidate.book(), person.username(), person.displayName(), r,
                            candidate.key())));
        }
        return pending;
    }

    /** One declared key waiting for the registrar in the role {@code role}, with every book where it waits. */
    public record Waiting(String username, String displayName, AccessRole role, PersonalKey key, List<BookSummary> books) {
    }

    /**
     * The enrolments the registrar can sign in every book they serve, one group per key and role (a
     * town officer's key waits in every book of the street), in the order of their first book.
     */
    public List<Waiting> waiting(Caller registrar) {
        Reach reach = access.reach(registrar);
        return waiting(reach, access.books(reach));
    }

    /** {@link #pendingFor} grouped by key and role, in the order of their first book. */
    public List<Waiting> waiting(Reach mine, List<BookSummary> books) {
        Map<String, Waiting> groups = new LinkedHashMap<>();
        for (Pending p : pendingFor(mine, books)) {
            groups.computeIfAbsent(p.key().keyId() + " " + p.role(),
                    k -> new Waiting(p.username(), p.displayName(), p.role(), p.key(), new ArrayList<>()))
                    .books().add(p.book());
        }
        return List.copyOf(groups.values());
    }

    /** A declared key its holder could sign with in a book, in these roles, if the registrar enrols it. */
    private record Candidate(BookSummary book, PersonalKey key, Caller holder, List<AccessRole> roles) {
    }

    /** A person who declared a key, and where their grants reach. */
    private record Holder(Caller person, Reach reach) {
    }

    /**
     * One of the person's own keys in the books they serve: how many books registered it, revoked it
     * or have yet to register it, and where it stands in the first {@code shown} of them (a town
     * officer serves hundreds of books; the page lists some and counts all).
     */
    public record KeyStanding(PersonalKey key, List<Standing> shown, int registered, int revoked, int waiting) {

        public int books() {
            return registered + revoked + waiting;
        }
    }

    /**
     * The person's own keys in every book they serve — registered there, revoked there, or not yet
     * registered — each with its first {@code shown} books in the directory's order.
     */
    public List<KeyStanding> standing(Caller person, int shown) {
        List<PersonalKey> mine = keys.of(person.username());
        if (mine.isEmpty()) {
            return List.of();
        }
        Reach reach = access.reach(person);
        List<BookSummary> books = access.books(reach);
        Map<String, List<RegisteredKey>> registered = bookKeys.registered(books.stream().map(BookSummary::book).toList());
        Map<String, Map<String, RegisteredKey>> known = new HashMap<>();
        registered.forEach((book, all) -> all.forEach(k -> known.computeIfAbsent(book, b -> new HashMap<>()).put(k.keyId(), k)));
        List<KeyStanding> standing = new ArrayList<>();
        for (PersonalKey key : mine) {
            List<Standing> listed = new ArrayList<>();
            int[] count = new int[State.values().length];
            for (BookSummary book : books) {
                RegisteredKey there = known.getOrDefault(book.book(), Map.of()).get(key.keyId());
                State state = there == null ? State.WAITING : there.revoked() ? State.REVOKED : State.REGISTERED;
                count[state.ordinal()]++;
                if (listed.size() < shown) {
                    listed.add(new Standing(book, state,
                            reach.roles(book).contains(AccessRole.COMMUNITY_AUDITOR)));
                }
            }
            standing.add(new KeyStanding(key, listed, count[State.REGISTERED.ordinal()], count[State.REVOKED.ordinal()],
                    count[State.WAITING.ordinal()]));
        }
        return standing;
    }

    /** The keys of a book as registered (for the members page), by actor. */
    public Map<String, List<RegisteredKey>> registered(String book) {
        Map<String, List<RegisteredKey>> byActor = new java.util.TreeMap<>();
        bookKeys.valid(book).forEach(k -> byActor.computeIfAbsent(k.actor(), a -> new ArrayList<>()).add(k));
        return byActor;
    }

    /** Whether the person already signs in that role with a key of their own registered in the book. */
    private static boolean holdsOwnKey(List<RegisteredKey> valid, Set<String> declared, String actor, AccessRole role) {
        Role ledgerRole = role.ledgerRole().orElseThrow();
        return valid.stream().anyMatch(k -> k.actor().equals(actor) && k.role() == ledgerRole && declared.contains(k.keyId()));
    }
}
