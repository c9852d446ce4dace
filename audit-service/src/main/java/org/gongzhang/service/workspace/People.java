package org.gongzhang.service.workspace;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** People by the actor id they sign as: pages show 李娜, not {@code agent:li-na}. */
@Component
public class People {

    private final JdbcTemplate jdbc;

    People(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every login's display name by actor id (the service's clerk included, by its own name). */
    public Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("select actor, display_name from app_user", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }
}
