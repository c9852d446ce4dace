package org.gongzhang.service.workspace;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** People by the actor id they sign as: pages show 李娜, not {@code agent:li-na}. */
@Component
public class People {

    private final JdbcTemplate jdbc;

    People(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Display names by actor id (the service's clerk included, by its own name) for one page: each
     * name is read when the page first asks for it and kept for the page, not every login of a city
     * (owners included) read for every page.
     */
    public Map<String, String> names() {
        return new Names(jdbc);
    }

    /** A map that reads an actor's name on its first {@link #get}; it lists only the names read so far. */
    private static final class Names extends AbstractMap<String, String> {

        private final JdbcTemplate jdbc;
        private final Map<String, Optional<String>> read = new HashMap<>();

        Names(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String get(Object actor) {
            if (!(actor instanceof String id)) {
                return null;
            }
            return read.computeIfAbsent(id, a -> jdbc.query("select display_name from app_user where actor = ?",
                    (rs, n) -> rs.getString(1), a).stream().findFirst()).orElse(null);
        }

        @Override
        public boolean containsKey(Object actor) {
            return get(actor) != null;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return read.entrySet().stream().filter(e -> e.getValue().isPresent())
                    .map(e -> Map.entry(e.getKey(), e.getValue().get())).collect(Collectors.toUnmodifiableSet());
        }
    }
}
