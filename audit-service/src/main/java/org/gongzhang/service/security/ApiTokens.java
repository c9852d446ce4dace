package org.gongzhang.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Bearer tokens for the API: random, stored as SHA-256 only, expiring after a configured time. */
@Component
public class ApiTokens {

    /** A token as handed out once. */
    public record Issued(String token, Instant expiresAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcTemplate jdbc, Clock clock, @Value("${ledger.security.token-lifetime:PT8H}") Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Issued issue(String username) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        jdbc.update("insert into api_token (token_sha256, username, created_at, expires_at) values (?, ?, ?, ?)",
                sha256(token), username, Timestamp.from(now), Timestamp.from(expires));
        return new Issued(token, expires);
    }

    /** The user a live token belongs to. */
    public Optional<String> resolve(String token) {
        return jdbc.queryForList("select username from api_token where token_sha256 = ? and expires_at > ?",
                String.class, sha256(token), Timestamp.from(clock.instant())).stream().findFirst();
    }

    public void revoke(String token) {
        jdbc.update("delete from api_token where token_sha256 = ?", sha256(token));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
