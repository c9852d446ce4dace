package org.gongzhang.service.book;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongzhang.service.entry.StoredEntries;
import org.gongzhang.verifier.entry.EntryHeader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who a book's people are by name. Every signing key a book registers ({@code book.opened}'s
 * first keys, then {@code key.registered}) carries the person's display name — an owner's reads
 * 业主, never their own name — and a person with a login has one too. Pages, printed statements and
 * exports name people this way, not by their actor id ({@code agent:li-na}).
 */
@Component
public class PeopleNames {

    private static final List<String> KEY_KINDS = List.of("book.opened", "key.registered");

    private final StoredEntries entries;
    private final JdbcTemplate jdbc;

    PeopleNames(StoredEntries entries, JdbcTemplate jdbc) {
        this.entries = entries;
        this.jdbc = jdbc;
    }

    /**
     * The names known in {@code book}: the latest its log registered for each actor, else their
     * login's (never an owner's: owners are 业主 in public).
     */
    public Names of(String book) {
        // everyone who signs in the book has a key its log registered: their logins are the only ones asked
        Map<String, String> registered = new HashMap<>();
        Set<String> actors = new HashSet<>();
        for (StoredEntries.Stored row : entries.ofKinds(book, KEY_KINDS)) {
            if (row.entry() == null) {
                continue;
            }
            EntryHeader header = row.entry().header();
            if ("book.opened".equals(header.kind())) {
                header.payload().path("keys").forEach(key -> remember(registered, actors, key));
            } else {
                remember(registered, actors, header.payload());
            }
        }
        Map<String, String> names = new HashMap<>();
        jdbc.query("""
                select u.actor, u.display_name from app_user u where u.actor = any (?) and not exists
                    (select 1 from user_grant g where g.username = u.username and g.role = 'OWNER')""",
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                }, (Object) actors.toArray(String[]::new));
        names.putAll(registered);
        return new Names(Map.copyOf(names));
    }

    /** A registered key's actor, and the name it carries if any (a later key's name replaces an earlier one). */
    private static void remember(Map<String, String> names, Set<String> actors, JsonNode key) {
        if (!key.hasNonNull("actor")) {
            return;
        }
        String actor = key.get("actor").asText();
        actors.add(actor);
        String name = key.path("name").asText("").strip();
        if (!name.isEmpty()) {
            names.put(actor, name);
        }
    }

    /** A book's people by actor id. */
    public record Names(Map<String, String> byActor) {

        /** The person's name; an actor nobody named stays as its id; null stays null. */
        public String of(String actor) {
            return actor == null ? null : byActor.getOrDefault(actor, actor);
        }
    }
}
