package org.gongzhang.service.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The people who log in, their grants, and which compounds each agent firm serves. */
@Component
public class Users {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    /** A hash of nothing anybody knows, so an unknown name costs as long as a wrong password. */
    private final String dummyHash;

    Users(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.dummyHash = passwords.encode(java.util.UUID.randomUUID().toString());
    }

    /** A new person with the given grants; the password is stored hashed only. */
    @Transactional
    public Caller create(String username, String displayName, String actor, String password, List<Grant> grants) {
        return createHashed(username, displayName, actor, hash(password), grants);
    }

    /** The stored form of {@code password} (a deliberately slow hash: tens of milliseconds). */
    public String hash(String password) {
        return passwords.encode(password);
    }

    /**
     * A new person whose password is stored as {@code passwordHash} (from {@link #hash}): the demo's
     * people share one password, hashed once instead of once each.
     */
    @Transactional
    public Caller createHashed(String username, String displayName, String actor, String passwordHash,
            List<Grant> grants) {
        jdbc.update("""
                insert into app_user (username, display_name, password_hash, actor, enabled, created_at)
                values (?, ?, ?, ?, true, ?)""",
                username, displayName, passwordHash, actor, Timestamp.from(clock.instant()));
        grants.forEach(g -> grant(username, g));
        return find(username).orElseThrow();
    }

    public void grant(String username, Grant grant) {
        jdbc.update("""
                insert into user_grant (username, role, scope_kind, scope_id) values (?, ?, ?, ?)
                on conflict do nothing""",
                username, grant.role().name(), grant.scope().kind().name(), grant.scope().id());
    }

    public void serve(String firm, String compound) {
        jdbc.update("insert into firm_compound (firm_id, compound_id) values (?, ?) on conflict do nothing",
                firm, compound);
    }

    /** The compounds each of {@code firms} keeps the books of, in one query. */
    public Map<String, Set<String>> compoundsOf(Collection<String> firms) {
        Map<String, Set<String>> served = new HashMap<>();
        if (firms.isEmpty()) {
            return served;
        }
        jdbc.query("select firm_id, compound_id from firm_compound where firm_id = any (?)", rs -> {
            served.computeIfAbsent(rs.getString(1), f -> new HashSet<>()).add(rs.getString(2));
        }, (Object) firms.toArray(String[]::new));
        return served;
    }

    public boolean exists(String username) {
        Integer n = jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, username);
        return n != null && n > 0;
    }

    public boolean actorTaken(String actor) {
        Integer n = jdbc.queryForObject("select count(*) from app_user where actor = ?", Integer.class, actor);
        return n != null && n > 0;
    }

    /** The enabled person by login name, with grants. */
    public Optional<Caller> find(String username) {
        return jdbc.query("select username, display_name, actor from app_user where username = ? and enabled",
                (rs, n) -> new Caller(rs.getString(1), rs.getString(2), rs.getString(3), grants(username)), username)
                .stream().findFirst();
    }

    public Optional<Caller> findByActor(String actor) {
        return jdbc.queryForList("select username from app_user where actor = ? and enabled", String.class, actor)
                .stream().findFirst().flatMap(this::find);
    }

    /** The person if the password is theirs; the same empty answer for an unknown name. */
    public Optional<Caller> authenticate(String username, String password) {
        List<String> hashes = jdbc.queryForList(
                "select password_hash from app_user where username = ? and enabled", String.class, username);
        if (hashes.isEmpty()) {
            passwords.matches(password, dummyHash);
            return Optional.empty();
        }
        return passwords.matches(password, hashes.get(0)) ? find(username) : Optional.empty();
    }

    String passwordHash(String username) {
        return jdbc.queryForList("select password_hash from app_user where username = ? and enabled", String.class,
                username).stream().findFirst().orElse(null);
    }

    private List<Grant> grants(String username) {
        return jdbc.query("select role, scope_kind, scope_id from user_grant where username = ? order by role, scope_kind, scope_id",
                (rs, n) -> new Grant(AccessRole.valueOf(rs.getString(1)),
                        new Scope(Scope.Kind.valueOf(rs.getString(2)), rs.getString(3))), username);
    }

}
