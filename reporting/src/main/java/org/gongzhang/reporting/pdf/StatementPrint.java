package org.gongzhang.reporting.pdf;

import java.util.List;
import org.gongzhang.reporting.api.StatementCategory;
import org.gongzhang.reporting.api.StatementItem;
import org.gongzhang.reporting.api.StatementSheet;
import org.gongzhang.reporting.api.StatementView;

/**
 * Fills {@code statement.jrxml}: the 公共收益收支公示表 from opening balance through income,
 * expenses and the transfer to the maintenance fund to the closing balance, the spending itemised
 * at or above the threshold, how many of the period's entries the service signed for their actors
 * (代签), and who answers for it, what it rests on and where to verify it.
 */
final class StatementPrint {

    private StatementPrint() {
    }

    static Filling of(StatementSheet sheet, ReportText text) {
        StatementView figures = sheet.figures();
        Filling filling = new Filling();
        heading(sheet, text, filling);
        signatures(sheet, text, filling);
        filling.row("SECTION", "label", text.label("statement.opening"), "amount", figures.openingBalance().yuan());
        categories(filling, text, "statement.income", figures.income(), "statement.income.total",
                figures.totalIncome().yuan());
        categories(filling, text, "statement.expenses", figures.expenses(), "statement.expenses.total",
                figures.totalExpenses().yuan());
        filling.row("SECTION", "label", text.label("statement.transfer"), "note", text.label("statement.transfer.note"),
                "amount", figures.transferToMaintenanceFund().yuan());
        filling.row("SECTION", "label", text.label("statement.closing"), "amount", figures.closingBalance().yuan());
        filling.row("WORDS", "label", text.label("statement.closing.words", figures.closingInWords()));
        filling.row("ITEMS", "label", text.label("statement.items", figures.itemThreshold().yuan()));
        filling.row("ITEM_HEADER");
        for (StatementItem item : figures.items()) {
            filling.row("ITEM", "date", text.date(item.date()), "voucher", text.orDash(item.voucherNumber()),
                    "summary", item.summary(), "account", item.account() + " " + item.name(),
                    "amount", item.amount().yuan(), "reference", text.label("statement.items.entry",
                            Long.toString(item.entry())));
        }
        if (figures.items().isEmpty()) {
            filling.row("NONE", "label", text.label("statement.none"));
        }
        if (sheet.custody() != null) {
            filling.row("NONE", "label", text.label("statement.custody", Long.toString(sheet.custody().entries()),
                    Long.toString(sheet.custody().custodial())));
        }
        return filling;
    }

    private static void heading(StatementSheet sheet, ReportText text, Filling filling) {
        StatementView figures = sheet.figures();
        StatementSheet.Place place = sheet.place();
        StatementSheet.Publication publication = sheet.publication();
        String heading = place.compound() == null ? text.label("statement.title")
                : text.label("statement.heading", place.compound());
        filling.parameter("heading", sheet.draft() ? text.label("statement.heading.draft", heading) : heading)
                .parameter("watermark", sheet.draft() ? text.label("statement.watermark") : null)
                .parameter("issuer", String.join("\u3000",
                        text.labelOrDash("statement.publisher", sheet.issuer().publisher()),
                        text.labelOrDash("statement.hotline", sheet.issuer().hotline())))
                .parameter("periods", text.periods(figures.from(), figures.to()))
                .parameter("place", String.join("\u3000", text.labelOrDash("statement.street", place.street()),
                        text.labelOrDash("statement.community", place.community()),
                        text.labelOrDash("statement.compound", place.compound())))
                .parameter("book", text.labelOrDash("report.book", figures.bookName()))
                .parameter("publication", publication == null ? text.label("statement.unpublished")
                        : publication(publication, text));
    }

    private static String publication(StatementSheet.Publication publication, ReportText text) {
        String line = String.join("\u3000", text.labelOrDash("statement.id", publication.statementId()),
                text.labelOrDash("statement.version", Integer.toString(publication.version())),
                text.labelOrDash("statement.status", publication.status() == null ? null
                        : text.label("statement.status." + publication.status().name())),
                posting(publication, text));
        return publication.late() ? line + "\u3000" + text.label("statement.late") : line;
    }

    private static String posting(StatementSheet.Publication publication, ReportText text) {
        if (publication.postingFrom() == null || publication.postingTo() == null) {
            return text.labelOrDash("statement.posting", null);
        }
        return text.label("statement.posting", text.label("statement.posting.range",
                text.date(publication.postingFrom()), text.date(publication.postingTo())));
    }

    private static void signatures(StatementSheet sheet, ReportText text, Filling filling) {
        StatementSheet.Signatories people = sheet.signatories();
        StatementSheet.Checkpoint checkpoint = sheet.checkpoint();
        filling.parameter("preparer", text.labelOrDash("statement.preparer", people.preparer()))
                .parameter("reviewer", text.labelOrDash("statement.reviewer", people.reviewer()))
                .parameter("auditor", text.labelOrDash("statement.auditor", people.auditor()))
                .parameter("date", text.label("statement.date", text.date(sheet.date())))
                .parameter("checkpoint", checkpoint == null ? text.labelOrDash("statement.checkpoint.none", null)
                        : text.label("statement.checkpoint", Long.toString(checkpoint.size())))
                .parameter("root", checkpoint == null ? "" : checkpoint.root())
                .parameter("verify", text.label(sheet.verifyUrl() == null ? "statement.verify.none" : "statement.verify"))
                .parameter("verifyUrl", text.orDash(sheet.verifyUrl()))
                .parameter("qr", sheet.verifyUrl() == null ? null : QrCode.of(sheet.verifyUrl()));
    }

    private static void categories(Filling filling, ReportText text, String heading, List<StatementCategory> lines,
            String total, String totalAmount) {
        filling.row("SECTION", "label", text.label(heading), "amount", "");
        for (StatementCategory line : lines) {
            filling.row("LINE", "label", line.name(), "code", line.account(), "amount", line.amount().yuan());
        }
        if (lines.isEmpty()) {
            filling.row("NONE", "label", text.label("statement.none"));
        }
        filling.row("TOTAL", "label", text.label(total), "amount", totalAmount);
    }
}
