package org.gongzhang.service.overview;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.disclosure.DisclosureCalendar;
import org.gongzhang.service.disclosure.DisclosureCalendars;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessDenied;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The state of many compounds at once, for the people who supervise them (业财社管, 业标镇管): per
 * book its last published statement, overdue disclosures, vouchers not yet posted, spending requests
 * pending and escalated, tenders not yet under contract, and its cash and bank balance (货币资金:
 * 库存现金 1001 and 银行存款 1002 with their sub-accounts, opening balances plus posted vouchers).
 * Each figure is one grouped query over the read models for all the books together.
 */
@Component
public class CityOverview {

    private static final List<AccessRole> SUPERVISORS = List.of(AccessRole.COMMUNITY_AUDITOR, AccessRole.TOWN_OFFICER);

    /** One compound's line. Money in integer 分. */
    public record Compound(String book, String compound, String community, String communityName, String street,
            String streetName, long entries, String lastPublishedFrom, String lastPublishedTo,
            LocalDate lastPublishedOn, int overdueDisclosures, int unpostedVouchers, int pendingRequests,
            int escalatedRequests, int openTenders, long cashAndBankFen) {
    }

    /** The sums over every compound listed. */
    public record Totals(int compounds, long entries, int withOverdueDisclosures, int overdueDisclosures, int unpostedVouchers,
            int pendingRequests, int escalatedRequests, int openTenders, long cashAndBankFen) {
    }

    public record Overview(LocalDate asOf, Totals totals, List<Compound> compounds) {
    }

    private final JdbcTemplate jdbc;
    private final DisclosureCalendars calendars;
    private final Access access;
    private final BookDirectory directory;
    private final CustodialSigner calendar;

    CityOverview(JdbcTemplate jdbc, DisclosureCalendars calendars, Access access, BookDirectory directory,
            CustodialSigner calendar) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.access = access;
        this.directory = directory;
        this.calendar = calendar;
    }

    /** The overview of the books the caller supervises, in {@code street} and/or {@code community} when given. */
    public Overview forCaller(String street, String community) {
        return of(supervised(street, community), calendar.today());
    }

    Overview of(List<BookSummary> books, LocalDate today) {
        Object ids = books.stream().map(BookSummary::book).toArray(String[]::new);
        Map<String, Integer> unposted = counts("""
                select book_id, count(*) from report_voucher
                where book_id = any (?) and status in ('RECORDED', 'REVIEWED') group by book_id""", ids);
        Map<String, Integer> pending = counts("""
                select book_id, count(*) from gov_request where book_id = any (?) and status = 'PENDING' group by book_id""",
                ids);
        Map<String, Integer> escalated = counts("""
                select book_id, count(*) from gov_request
                where book_id = any (?) and status = 'PENDING' and escalated_to is not null group by book_id""", ids);
        Map<String, Integer> tenders = counts("""
                select book_id, count(*) from gov_tender where book_id = any (?) and stage <> 'CONTRACTED' group by book_id""",
                ids);
        Map<String, Long> cash = new HashMap<>();
        jdbc.query("""
                select book_id, sum(debit_fen - credit_fen) from (
                    select book_id, account, debit_fen, credit_fen from report_opening_balance where book_id = any (?)
                    union all
                    select book_id, account, debit_fen, credit_fen from report_movement where book_id = any (?)
                ) money where account like '1001%' or account like '1002%' group by book_id""",
                rs -> {
                    cash.put(rs.getString(1), rs.getLong(2));
                }, ids, ids);
        Map<String, DisclosureCalendars.Calendar> calendar = calendars.calendars(books);
        List<Compound> compounds = books.stream().map(book -> {
            DisclosureCalendars.Calendar c = calendar.get(book.book());
            DisclosureCalendar.Slot last = c.slots().stream()
                    .filter(s -> s.status() == DisclosureCalendar.Status.PUBLISHED)
                    .max(Comparator.comparing(DisclosureCalendar.Slot::to)).orElse(null);
            return new Compound(book.book(), book.compound().name(), book.community().id(), book.community().name(),
                    book.street().id(), book.street().name(), book.size(),
                    last == null ? null : last.from().toString(), last == null ? null : last.to().toString(),
                    last == null ? null : last.publishedOn(), c.overdue().size(),
                    unposted.getOrDefault(book.book(), 0), pending.getOrDefault(book.book(), 0),
                    escalated.getOrDefault(book.book(), 0), tenders.getOrDefault(book.book(), 0),
                    cash.getOrDefault(book.book(), 0L));
        }).toList();
        Totals totals = new Totals(compounds.size(), compounds.stream().mapToLong(Compound::entries).sum(),
                (int) compounds.stream().filter(c -> c.overdueDisclosures() > 0).count(),
                compounds.stream().mapToInt(Compound::overdueDisclosures).sum(),
                compounds.stream().mapToInt(Compound::unpostedVouchers).sum(),
                compounds.stream().mapToInt(Compound::pendingRequests).sum(),
                compounds.stream().mapToInt(Compound::escalatedRequests).sum(),
                compounds.stream().mapToInt(Compound::openTenders).sum(),
                compounds.stream().mapToLong(Compound::cashAndBankFen).sum());
        return new Overview(today, totals, compounds);
    }

    /**
     * The books the caller supervises (社区审核员 or 街道招标经办 grants), in {@code street} and/or
     * {@code community} when given: 401 without a login, 403 {@code access.role} without such a grant,
     * 404 {@code overview.area.not-found} for an area with no books, 403 {@code overview.area.scope}
     * for one outside the caller's.
     */
    private List<BookSummary> supervised(String street, String community) {
        Caller caller = access.caller();
        if (SUPERVISORS.stream().noneMatch(caller::holds)) {
            access.requireAnywhere(AccessRole.COMMUNITY_AUDITOR);
        }
        List<BookSummary> covered = access.books(access.reach(caller), SUPERVISORS.toArray(AccessRole[]::new)).stream()
                .filter(b -> street == null || b.street().id().equals(street))
                .filter(b -> community == null || b.community().id().equals(community)).toList();
        String area = community != null ? community : street;
        if (covered.isEmpty() && area != null) {
            if (!directory.anyIn(street, community)) {
                throw new LedgerRefusal(Kind.NOT_FOUND, "overview.area.not-found", community != null ? "community" : "street",
                        area);
            }
            throw AccessDenied.forbidden("overview.area.scope", area);
        }
        return covered;
    }

    private Map<String, Integer> counts(String sql, Object ids) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getInt(2));
        }, ids);
        return counts;
    }
}
