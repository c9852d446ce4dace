package org.gongzhang.service.disclosure;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongzhang.reporting.api.Amount;
import org.gongzhang.reporting.api.StatementCategory;
import org.gongzhang.reporting.api.StatementItem;
import org.gongzhang.reporting.api.StatementSheet;
import org.gongzhang.reporting.api.StatementView;
import org.gongzhang.reporting.format.ChineseAmount;
import org.gongzhang.reporting.statement.StatementQueries;
import org.gongzhang.core.period.Period;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.PeopleNames;
import org.gongzhang.service.report.StatementSheets;
import org.gongzhang.service.report.VerifyLinks;
import org.gongzhang.verifier.statement.Statement;
import org.gongzhang.verifier.statement.StatementFigures;
import org.springframework.stereotype.Component;

/**
 * The printed sheet of a statement version: its figures exactly as signed (its statement.json,
 * not the read model), the checkpoint its draft rests on, who drafted and signed it off (by
 * name), its version, status and 公示期, whether it was posted late (逾期公示), and the QR code of
 * its own verify page.
 */
@Component
public class PublishedSheets {

    private final StatementVersions versions;
    private final StatementSheets sheets;
    private final StatementQueries statements;
    private final VerifyLinks links;
    private final PeopleNames people;
    private final BookDirectory books;
    private final DisclosureCalendars calendars;

    PublishedSheets(StatementVersions versions, StatementSheets sheets, StatementQueries statements, VerifyLinks links,
            PeopleNames people, BookDirectory books, DisclosureCalendars calendars) {
        this.people = people;
        this.books = books;
        this.calendars = calendars;
        this.versions = versions;
        this.sheets = sheets;
        this.statements = statements;
        this.links = links;
    }

    public StatementSheet sheet(StatementVersion version) {
        Statement statement = Statement.parse(versions.content(version.contentSha256()).orElseThrow());
        StatementFigures f = statement.figures();
        Period from = Period.parse(version.from());
        Period to = Period.parse(version.to());
        StatementView model = statements.statement(version.book(), from, to, statement.itemThreshold()).orElse(null);
        Map<String, String> numbers = model == null ? Map.of() : model.items().stream()
                .filter(i -> i.voucherNumber() != null)
                .collect(Collectors.toMap(StatementItem::voucherId, StatementItem::voucherNumber, (a, b) -> a));
        StatementView view = new StatementView(version.book(), model == null ? null : model.bookName(), version.from(),
                version.to(), Amount.of(statement.itemThreshold()), statement.checkpointSize() - 1,
                Amount.of(f.openingBalance()), categories(f.income()), Amount.of(f.totalIncome()),
                categories(f.expenses()), Amount.of(f.totalExpenses()), Amount.of(f.transferToMaintenanceFund()),
                Amount.of(f.closingBalance()), ChineseAmount.of(f.closingBalance()),
                f.items().stream().map(i -> new StatementItem(i.entry(), i.voucherId(), numbers.get(i.voucherId()),
                        i.date(), i.account(), i.name(), i.summary(), Amount.of(i.amount()))).toList());
        StatementSheet base = sheets.sheet(view);
        StatementSheet.Status status = version.supersededBy() != null ? StatementSheet.Status.SUPERSEDED
                : version.published() ? StatementSheet.Status.PUBLISHED : StatementSheet.Status.DRAFT;
        PeopleNames.Names names = people.of(version.book());
        boolean late = version.published()
                && calendars.publishedLate(books.require(version.book()), version.from(), version.to());
        return new StatementSheet(view, base.place(),
                new StatementSheet.Signatories(names.of(version.draftedBy()), base.signatories().reviewer(),
                        names.of(version.signedBy())),
                new StatementSheet.Checkpoint(version.treeSize(), version.root()),
                links.publishedStatement(version.book(), version.statementId()),
                new StatementSheet.Publication(version.statementId(), version.version(), status, version.postingFrom(),
                        version.postingUntil(), late),
                base.date(), base.issuer(), sheets.custody(version.book(), version.treeSize(), from, to));
    }

    private static List<StatementCategory> categories(List<StatementFigures.Category> categories) {
        Function<StatementFigures.Category, StatementCategory> map =
                c -> new StatementCategory(c.account(), c.name(), Amount.of(c.amount()));
        return categories.stream().map(map).toList();
    }
}
