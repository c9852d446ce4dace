package org.gongzhang.service.book;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.gongzhang.core.book.api.BookOpenedEvent;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.verifier.entry.EntryHeader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** 账套目录: one row per opened book, written in the transaction that stores its genesis entry. */
@Component
@ProcessingGroup("ledger-index")
public class BookDirectory {

    private static final String COLUMNS = """
            b.book_id, b.name, b.fund, b.compound_id, b.compound_name, b.community_id, b.community_name,
            b.street_id, b.street_name, b.start_period, b.opened_at,
            coalesce((select l.tree_size from book_log l where l.book_id = b.book_id), 0) as size""";

    private final JdbcTemplate jdbc;

    BookDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BookOpenedEvent event) {
        EntryHeader header = event.header();
        JsonNode p = header.payload();
        jdbc.update("""
                insert into book (book_id, name, fund, compound_id, compound_name, community_id, community_name,
                                  street_id, street_name, start_period, opened_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                header.book(), p.path("name").asText(), p.path("fund").asText(),
                p.path("compound").path("id").asText(), p.path("compound").path("name").asText(),
                p.path("community").path("id").asText(), p.path("community").path("name").asText(),
                p.path("street").path("id").asText(), p.path("street").path("name").asText(),
                p.path("startPeriod").asText(), Timestamp.from(header.recordedAt()));
    }

    public List<BookSummary> all() {
        return jdbc.query("select " + COLUMNS + " from book b order by b.street_id, b.community_id, b.compound_id, b.book_id",
                BookDirectory::summary);
    }

    /** Where a person's grants reach: every book, or those of any of these streets, communities and compounds. */
    public record Area(boolean everything, Set<String> streets, Set<String> communities, Set<String> compounds) {

        public Area {
            streets = Set.copyOf(streets);
            communities = Set.copyOf(communities);
            compounds = Set.copyOf(compounds);
        }
    }

    /** The books in {@code area}, in the directory's order: one query, however many books the city holds. */
    public List<BookSummary> within(Area area) {
        if (area.everything()) {
            return all();
        }
        if (area.streets().isEmpty() && area.communities().isEmpty() && area.compounds().isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + """
                 from book b
                where b.street_id = any (?) or b.community_id = any (?) or b.compound_id = any (?)
                order by b.street_id, b.community_id, b.compound_id, b.book_id""", BookDirectory::summary,
                area.streets().toArray(String[]::new), area.communities().toArray(String[]::new),
                area.compounds().toArray(String[]::new));
    }

    /** A book in a street (when given) and a community (when given): the parameters street, street, community, community. */
    private static final String IN_AREA = "(?::text is null or b.street_id = ?) and (?::text is null or b.community_id = ?)";

    /** The books in {@code street} (when given) and {@code community} (when given), in the directory's order. */
    public List<BookSummary> in(String street, String community) {
        return jdbc.query("select " + COLUMNS + " from book b where " + IN_AREA
                + " order by b.street_id, b.community_id, b.compound_id, b.book_id", BookDirectory::summary,
                street, street, community, community);
    }

    /**
     * Up to {@code limit} books in {@code street} (when given) and {@code community} (when given) that come
     * after {@code after} (when given) in the directory's order: a city's directory read a page at a time,
     * each page one query that starts where the last ended.
     */
    public List<BookSummary> page(String street, String community, BookSummary after, int limit) {
        String[] from = after == null ? new String[4]
                : new String[] {after.street().id(), after.community().id(), after.compound().id(), after.book()};
        return jdbc.query("select " + COLUMNS + " from book b where " + IN_AREA + """
                 and (?::text is null
                      or (b.street_id, b.community_id, b.compound_id, b.book_id) > (?::text, ?::text, ?::text, ?::text))
                order by b.street_id, b.community_id, b.compound_id, b.book_id
                limit ?""", BookDirectory::summary, street, street, community, community,
                from[3], from[0], from[1], from[2], from[3], limit);
    }

    /** Whether any book is in {@code street} (when given) and {@code community} (when given). */
    public boolean anyIn(String street, String community) {
        return !jdbc.queryForList("select 1 from book b where " + IN_AREA + " limit 1", Integer.class,
                street, street, community, community).isEmpty();
    }

    /** The book, or the refusal {@code book.not-found} (404) naming it. */
    public BookSummary require(String bookId) {
        return find(bookId).orElseThrow(() -> notFound(bookId));
    }

    /** The refusal {@code book.not-found} (404) naming {@code bookId}. */
    public static LedgerRefusal notFound(String bookId) {
        return new LedgerRefusal(Kind.NOT_FOUND, "book.not-found", "book", bookId);
    }

    public Optional<BookSummary> find(String bookId) {
        return jdbc.query("select " + COLUMNS + " from book b where b.book_id = ?", BookDirectory::summary, bookId)
                .stream().findFirst();
    }

    private static BookSummary summary(ResultSet rs, int row) throws SQLException {
        return new BookSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                new BookSummary.Party(rs.getString(4), rs.getString(5)),
                new BookSummary.Party(rs.getString(6), rs.getString(7)),
                new BookSummary.Party(rs.getString(8), rs.getString(9)),
                rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getLong(12));
    }

    /**
     * The name of a street, community or compound ({@code kind} {@code STREET}, {@code COMMUNITY},
     * {@code COMPOUND}) by its id, as its books give it; empty for another kind or a place without books.
     */
    public Optional<String> placeName(String kind, String id) {
        String place = switch (kind) {
            case "STREET" -> "street";
            case "COMMUNITY" -> "community";
            case "COMPOUND" -> "compound";
            default -> null;
        };
        if (place == null) {
            return Optional.empty();
        }
        return jdbc.query("select " + place + "_name from book where " + place + "_id = ? limit 1",
                (rs, row) -> rs.getString(1), id).stream().findFirst();
    }

    /** A street (街道) as the front page lists it: how many communities and compounds have books in it. */
    public record StreetSummary(BookSummary.Party street, int communities, int compounds) {
    }

    /** Every street with books, in the order of their ids: one row each, however many books they hold. */
    public List<StreetSummary> streets() {
        return jdbc.query("""
                select b.street_id, min(b.street_name), count(distinct b.community_id), count(distinct b.compound_id)
                from book b group by b.street_id order by b.street_id""",
                (rs, row) -> new StreetSummary(new BookSummary.Party(rs.getString(1), rs.getString(2)),
                        rs.getInt(3), rs.getInt(4)));
    }

    /**
     * Up to {@code limit} books whose compound, community or street name contains {@code text}
     * (case-insensitive; {@code %}, {@code _} and {@code \} taken literally), those whose compound
     * matches first, then in the directory's order.
     */
    public List<BookSummary> search(String text, int limit) {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.query("select " + COLUMNS + """
                 from book b
                where b.compound_name ilike ? escape '\\' or b.community_name ilike ? escape '\\'
                   or b.street_name ilike ? escape '\\'
                order by b.compound_name ilike ? escape '\\' desc,
                         b.street_id, b.community_id, b.compound_id, b.book_id
                limit ?""", BookDirectory::summary, pattern, pattern, pattern, pattern, limit);
    }

    /**
     * The books of a street (街道) by community and compound, or the refusal {@code street.not-found}
     * (404) when it has none.
     */
    public List<BookSummary> requireStreet(String streetId) {
        List<BookSummary> books = in(streetId, null);
        if (books.isEmpty()) {
            throw new LedgerRefusal(Kind.NOT_FOUND, "street.not-found", "street", streetId);
        }
        return books;
    }
}
