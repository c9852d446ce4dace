package org.gongzhang.service.attachment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.gongzhang.verifier.crypto.Digests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Stores attachment bytes once per book under their SHA-256. */
@Component
public class AttachmentStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AttachmentStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What storing answered: the content address and whether these bytes were new to the book. */
    public record Stored(String sha256, boolean created) {
    }

    public Stored store(String book, byte[] content, String mediaType) {
        String sha256 = Digests.sha256Hex(content);
        int inserted = jdbc.update("""
                insert into attachment (book_id, sha256, media_type, file_size, content, stored_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                book, sha256, mediaType, content.length, content, Timestamp.from(clock.instant()));
        return new Stored(sha256, inserted == 1);
    }

    /** The stored media type and bytes. */
    public record Content(String mediaType, byte[] bytes) {
    }

    public Optional<Content> find(String book, String sha256) {
        return jdbc.query("select media_type, content from attachment where book_id = ? and sha256 = ?",
                (rs, n) -> new Content(rs.getString(1), rs.getBytes(2)), book, sha256).stream().findFirst();
    }

    /** Whether the book holds the attachment, without reading its bytes (a voucher citing it is checked this way). */
    public boolean holds(String book, String sha256) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from attachment where book_id = ? and sha256 = ?)", Boolean.class, book, sha256));
    }

    public int count(String book) {
        Integer count = jdbc.queryForObject("select count(*) from attachment where book_id = ?", Integer.class, book);
        return count == null ? 0 : count;
    }
}
