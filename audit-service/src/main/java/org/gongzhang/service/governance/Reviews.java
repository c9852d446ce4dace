package org.gongzhang.service.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.expenditure.ApprovalStep;
import org.gongzhang.core.expenditure.WorkingDays;
import org.gongzhang.core.money.Money;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.gongzhang.service.security.Reach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 审核时限: a pending approval step may wait the rule set's review working days (Monday to Friday,
 * counted after the day it began to wait). On the last of them the step's reviewers are reminded;
 * on the next working day the service's clerk escalates it to the level above ({@link
 * ApprovalStep#escalatesTo()}), once. {@link RequestReviewSaga} keeps the time; this class reads
 * the governance index and acts, each time checking that the step it was told about is still the
 * one waiting, so a late deadline never touches a request that moved on.
 */
@Component
public class Reviews {

    /** Deadlines fall at the start of a day on the compound's calendar. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(Reviews.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where a request stands for its reviewers.
     *
     * @param status       the request's status
     * @param step         the pending step, or null when none waits
     * @param since        the day the step began to wait, or null
     * @param workingDays  the review working days of the request's rule set
     * @param escalatedTo  where the pending step was escalated, or null
     */
    public record ReviewState(String status, String step, LocalDate since, int workingDays, String escalatedTo) {

        public boolean pending() {
            return step != null && since != null;
        }

        /** 审核期限: the last working day the step may take. */
        public LocalDate dueBy() {
            return WorkingDays.nth(since, workingDays);
        }

        /** The day the step is late: the next working day after {@link #dueBy()}. */
        public LocalDate lateOn() {
            return WorkingDays.nth(since, workingDays + 1);
        }

        /** The reminder falls at the start of the last day. */
        public Instant remindAt() {
            return dueBy().atStartOfDay(ZONE).toInstant();
        }

        /** The escalation falls at the start of the day the step is late. */
        public Instant escalateAt() {
            return lateOn().atStartOfDay(ZONE).toInstant();
        }

        /** Neither refused nor cancelled: an approved request may still be increased, a returned one resubmitted. */
        public boolean open() {
            return !"REFUSED".equals(status) && !"CANCELLED".equals(status);
        }
    }

    /**
     * A pending step as one reviewer's inbox shows it.
     *
     * @param dueBy      the last working day of the review
     * @param overdue    today is after {@code dueBy}
     * @param remindedAt when the reminder was raised, or null
     */
    public record ReviewItem(String book, String compound, String requestId, String purpose, String amount, String step,
            LocalDate pendingSince, LocalDate dueBy, boolean overdue, Instant remindedAt, String escalatedTo) {
    }

    /**
     * One person's reviews: the steps they may take now, and the steps escalated to their level.
     */
    public record Inbox(List<ReviewItem> toReview, List<ReviewItem> escalated) {
    }

    private static final String STATE = """
            select r.book_id, r.request_id, r.status, r.pending_step, r.pending_since, r.escalated_to, s.payload,
                r.purpose, r.amount_fen, r.requester, m.reminded_at
            from gov_request r
            join gov_ruleset s on s.book_id = r.book_id and s.ruleset = r.ruleset and s.version = r.ruleset_version
            left join gov_review_reminder m on m.book_id = r.book_id and m.request_id = r.request_id
                and m.step = r.pending_step and m.pending_since = r.pending_since""";

    private record Row(String book, String requestId, ReviewState state, String purpose, long amount, String requester,
            Instant remindedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Governance governance;
    private final Access access;
    private final Clock clock;

    Reviews(JdbcTemplate jdbc, Governance governance, Access access, Clock clock) {
        this.jdbc = jdbc;
        this.governance = governance;
        this.access = access;
        this.clock = clock;
    }

    /** The request's review state now, if the index knows the request. */
    public Optional<ReviewState> state(String book, String requestId) {
        return jdbc.query(STATE + " where r.book_id = ? and r.request_id = ?", Reviews::row, book, requestId).stream()
                .findFirst().map(Row::state);
    }

    /** 审核提醒, if {@code step} still waits since {@code since}; raised once per waiting period. */
    public void remind(String book, String requestId, String step, LocalDate since) {
        Optional<ReviewState> state = waiting(book, requestId, step, since);
        if (state.isEmpty()) {
            return;
        }
        int raised = jdbc.update("""
                insert into gov_review_reminder (book_id, request_id, step, pending_since, due_by, reminded_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                book, requestId, step, Date.valueOf(since), Date.valueOf(state.get().dueBy()),
                Timestamp.from(clock.instant()));
        if (raised == 1) {
            LOG.info("Review reminder: request {} in {} waits at {} since {}, due by {}", requestId, book, step, since,
                    state.get().dueBy());
        }
    }

    /**
     * 逾期升级 by the service's clerk, if {@code step} still waits since {@code since} and was not
     * escalated. A refusal by the book (a step approved meanwhile, a clock ahead of the book's) is
     * logged and changes nothing.
     */
    public void escalate(String book, String requestId, String step, LocalDate since) {
        Optional<ReviewState> state = waiting(book, requestId, step, since);
        if (state.isEmpty() || state.get().escalatedTo() != null) {
            return;
        }
        try {
            governance.escalateLate(book, requestId, step);
            LOG.info("Request {} in {} escalated: {} waited since {} past {}", requestId, book, step, since,
                    state.get().dueBy());
        } catch (LedgerRefusal refusal) {
            LOG.warn("Request {} in {} not escalated: {} {}", requestId, book, refusal.code(), Arrays.toString(refusal.args()));
        }
    }

    /**
     * The reviews of {@code caller} across {@code books}, the books their grants ({@code reach}) cover
     * as {@link Access#books} read them.
     */
    public Inbox inbox(Caller caller, Reach reach, List<BookSummary> books) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        Map<String, BookSummary> summaries = books.stream()
                .collect(Collectors.toMap(BookSummary::book, Function.identity()));
        List<ReviewItem> toReview = new ArrayList<>();
        List<ReviewItem> escalated = new ArrayList<>();
        for (Row row : jdbc.query(STATE + """
                 where r.status = 'PENDING' and r.book_id = any (?)
                order by r.pending_since, r.book_id, r.raised_index""", Reviews::row,
                (Object) summaries.keySet().toArray(String[]::new))) {
            BookSummary book = summaries.get(row.book());
            if (book == null || !row.state().pending()) {
                continue;
            }
            ReviewItem item = item(row, book, today);
            if (!row.requester().equals(caller.actor()) && reach.holdsIn(book, stepRoles(row.state().step()))) {
                toReview.add(item);
            }
            if (row.state().escalatedTo() != null && reach.holdsIn(book, oversight(row.state().escalatedTo()))) {
                escalated.add(item);
            }
        }
        return new Inbox(List.copyOf(toReview), List.copyOf(escalated));
    }

    private Optional<ReviewState> waiting(String book, String requestId, String step, LocalDate since) {
        return state(book, requestId).filter(s -> s.pending() && s.step().equals(step) && s.since().equals(since));
    }

    /** The access roles that speak for a step. */
    private static List<AccessRole> stepRoles(String step) {
        return ApprovalStep.valueOf(step).roles().stream()
                .map(role -> AccessRole.parse(role.name()).orElseThrow()).toList();
    }

    /** Who oversees a level: the community's auditor, the town's officer. */
    private static List<AccessRole> oversight(String level) {
        return "TOWN".equals(level) ? List.of(AccessRole.TOWN_OFFICER) : List.of(AccessRole.COMMUNITY_AUDITOR);
    }

    private static ReviewItem item(Row row, BookSummary book, LocalDate today) {
        ReviewState state = row.state();
        return new ReviewItem(row.book(), book.compound().name(), row.requestId(), row.purpose(),
                Money.ofFen(row.amount()).format(), state.step(), state.since(), state.dueBy(),
                today.isAfter(state.dueBy()), row.remindedAt(), state.escalatedTo());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        ReviewState state = new ReviewState(rs.getString("status"), rs.getString("pending_step"),
                rs.getObject("pending_since", LocalDate.class), reviewWorkingDays(rs.getString("payload")),
                rs.getString("escalated_to"));
        Timestamp reminded = rs.getTimestamp("reminded_at");
        return new Row(rs.getString("book_id"), rs.getString("request_id"), state, rs.getString("purpose"),
                rs.getLong("amount_fen"), rs.getString("requester"), reminded == null ? null : reminded.toInstant());
    }

    private static int reviewWorkingDays(String rulesetPayload) {
        try {
            return JSON.readTree(rulesetPayload).path("reviewWorkingDays").asInt();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable rule set in the index", e);
        }
    }
}
