package org.gongzhang.service.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.disclosure.Cadence;
import org.gongzhang.service.disclosure.Objections;
import org.gongzhang.service.disclosure.StatementPublication;
import org.gongzhang.service.disclosure.StatementVersion;
import org.gongzhang.service.security.Acting;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Users;

/**
 * The demo's disclosure: each compound's last quarter whose months are all closed is drafted by
 * the agent, signed off by the community auditor and published; in 兰园小区 an owner objects and
 * the committee answers.
 */
final class DemoDisclosure {

    private final BookDirectory books;
    private final Users users;
    private final StatementPublication publication;
    private final Objections objections;

    DemoDisclosure(BookDirectory books, Users users, StatementPublication publication, Objections objections) {
        this.books = books;
        this.users = users;
        this.publication = publication;
        this.objections = objections;
    }

    void write(DemoCompound compound, LocalDate today) {
        BookSummary book = books.find(compound.book()).orElseThrow();
        // every period but the last two is closed: the quarter that ended before the current month's predecessor
        YearMonth lastClosed = YearMonth.from(today).minusMonths(2);
        YearMonth quarterEnd = Cadence.QUARTER.periodStart(lastClosed.plusMonths(1)).minusMonths(1);
        YearMonth quarterStart = Cadence.QUARTER.periodStart(quarterEnd);
        StatementVersion draft = publication.draft(acting("li-na", AccessRole.AGENT_PREPARER, book),
                quarterStart.toString(), quarterEnd.toString(), null, null, null);
        publication.signOff(acting("zhao-min", AccessRole.COMMUNITY_AUDITOR, book), draft.statementId());
        publication.publish(acting("zhao-min", AccessRole.COMMUNITY_AUDITOR, book), draft.statementId(), null);
        if ("lanyuan".equals(compound.id())) {
            Objections.Objection objection = objections.raise(acting("lanyuan-owner", AccessRole.OWNER, book),
                    draft.statementId(), "停车费收入比去年同期少，请说明原因。");
            objections.answer(acting("lanyuan-chair", AccessRole.COMMITTEE_CHAIR, book), objection.objectionId(),
                    "本季度地面车位施工停用两周，停车费相应减少；施工合同与停用通知已作为凭证附件。");
        }
    }

    private Acting acting(String username, AccessRole role, BookSummary book) {
        return new Acting(users.find(username).orElseThrow(), role, book);
    }
}
