package org.gongzhang.service.disclosure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.custody.CustodialSigner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each book's disclosure cadence (the configured default, or its own row) and its calendar of
 * owed statements against what has been published.
 */
@Component
public class DisclosureCalendars {

    /** A book's cadence and its calendar. */
    public record Calendar(String book, String compound, String community, String street, Cadence cadence,
            int graceDays, List<DisclosureCalendar.Slot> slots) {

        public List<DisclosureCalendar.Slot> overdue() {
            return slots.stream().filter(s -> s.status() == DisclosureCalendar.Status.OVERDUE).toList();
        }
    }

    private final JdbcTemplate jdbc;
    private final StatementVersions versions;
    private final CustodialSigner signer;
    private final Cadence defaultCadence;
    private final int defaultGraceDays;

    DisclosureCalendars(JdbcTemplate jdbc, StatementVersions versions, CustodialSigner signer,
            @Value("${ledger.disclosure.cadence:QUARTER}") Cadence defaultCadence,
            @Value("${ledger.disclosure.grace-days:30}") int defaultGraceDays) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.signer = signer;
        this.defaultCadence = defaultCadence;
        this.defaultGraceDays = defaultGraceDays;
    }

    public Calendar calendar(BookSummary book) {
        List<Object[]> own = jdbc.query("select cadence, grace_days from disclosure_cadence where book_id = ?",
                (rs, n) -> new Object[] {Cadence.valueOf(rs.getString(1)), rs.getInt(2)}, book.book());
        Cadence cadence = own.isEmpty() ? defaultCadence : (Cadence) own.get(0)[0];
        int grace = own.isEmpty() ? defaultGraceDays : (Integer) own.get(0)[1];
        Map<String, LocalDate> published = versions.published(book.book()).stream()
                .filter(v -> v.postingFrom() != null)
                .collect(Collectors.toMap(v -> v.from() + "/" + v.to(), StatementVersion::postingFrom,
                        (a, b) -> a.isBefore(b) ? a : b));
        return new Calendar(book.book(), book.compound().name(), book.community().id(), book.street().id(), cadence,
                grace, DisclosureCalendar.slots(YearMonth.parse(book.startPeriod()), signer.today(), cadence, grace,
                        published));
    }

    /**
     * The calendars of many books at once (a 街道's overview): two queries for all of them, the
     * cadences and the published versions, instead of two per book.
     */
    public Map<String, Calendar> calendars(List<BookSummary> books) {
        String[] ids = books.stream().map(BookSummary::book).toArray(String[]::new);
        Map<String, Object[]> own = new java.util.HashMap<>();
        jdbc.query("select book_id, cadence, grace_days from disclosure_cadence where book_id = any (?)", rs -> {
            own.put(rs.getString(1), new Object[] {Cadence.valueOf(rs.getString(2)), rs.getInt(3)});
        }, (Object) ids);
        Map<String, Map<String, LocalDate>> published = new java.util.HashMap<>();
        jdbc.query("""
                select book_id, period_from, period_to, min(posting_from) from statement_version
                where book_id = any (?) and status = 'PUBLISHED' and posting_from is not null
                group by book_id, period_from, period_to""", rs -> {
                    published.computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>())
                            .put(rs.getString(2) + "/" + rs.getString(3), rs.getDate(4).toLocalDate());
                }, (Object) ids);
        LocalDate today = signer.today();
        Map<String, Calendar> calendars = new java.util.LinkedHashMap<>();
        for (BookSummary book : books) {
            Object[] settings = own.get(book.book());
            Cadence cadence = settings == null ? defaultCadence : (Cadence) settings[0];
            int grace = settings == null ? defaultGraceDays : (Integer) settings[1];
            calendars.put(book.book(), new Calendar(book.book(), book.compound().name(), book.community().id(),
                    book.street().id(), cadence, grace, DisclosureCalendar.slots(YearMonth.parse(book.startPeriod()),
                            today, cadence, grace, published.getOrDefault(book.book(), Map.of()))));
        }
        return calendars;
    }

    /** 逾期公示: the statement owed for exactly {@code from}–{@code to} was first published after its due date. */
    public boolean publishedLate(BookSummary book, String from, String to) {
        return calendar(book).slots().stream()
                .anyMatch(s -> s.from().toString().equals(from) && s.to().toString().equals(to) && s.late());
    }

    public void configure(String book, String cadence, Integer graceDays) {
        Cadence parsed = cadence == null ? null : Cadence.parse(cadence).orElse(null);
        if (parsed == null) {
            throw LedgerRefusal.invalid("disclosure.cadence.invalid", "cadence", String.valueOf(cadence));
        }
        int grace = graceDays == null ? defaultGraceDays : graceDays;
        if (grace < 0 || grace > 180) {
            throw LedgerRefusal.invalid("disclosure.grace-days.invalid", "graceDays", grace);
        }
        jdbc.update("""
                insert into disclosure_cadence (book_id, cadence, grace_days) values (?, ?, ?)
                on conflict (book_id) do update set cadence = excluded.cadence, grace_days = excluded.grace_days""",
                book, parsed.name(), grace);
    }
}
