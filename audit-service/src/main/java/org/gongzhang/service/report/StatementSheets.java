package org.gongzhang.service.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.gongzhang.core.period.Period;
import org.gongzhang.reporting.api.StatementSheet;
import org.gongzhang.reporting.api.StatementView;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.book.PeopleNames;
import org.gongzhang.service.log.BookKeys;
import org.gongzhang.service.log.Checkpoints;
import org.gongzhang.service.signing.SignedBy;
import org.gongzhang.verifier.entry.Custody;
import org.gongzhang.verifier.entry.RegisteredKey;
import org.gongzhang.verifier.entry.Role;
import org.springframework.stereotype.Component;

/**
 * Completes a statement's figures into the sheet that is printed: where the compound belongs,
 * who answers for the figures (the people, by name, holding valid keys as 制单, 审核 and
 * 社区审核员), the book's latest signed checkpoint, how many of the period's entries the service
 * signed for their actors (代签), the verify address, and the 公示单位 and 监督电话. Not yet published: no statement id, version or 公示期, and it prints as a draft (草稿).
 */
@Component
public class StatementSheets {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String LIST_SEPARATOR = "、";

    private final BookDirectory directory;
    private final BookKeys keys;
    private final Checkpoints checkpoints;
    private final VerifyLinks links;
    private final PeopleNames people;
    private final PublicSiteProperties site;
    private final Clock clock;
    private final SignedBy signedBy;

    StatementSheets(BookDirectory directory, BookKeys keys, Checkpoints checkpoints, VerifyLinks links,
            PeopleNames people, PublicSiteProperties site, Clock clock, SignedBy signedBy) {
        this.signedBy = signedBy;
        this.directory = directory;
        this.people = people;
        this.site = site;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.links = links;
        this.clock = clock;
    }

    public StatementSheet sheet(StatementView figures) {
        String book = figures.book();
        StatementSheet.Place place = directory.find(book)
                .map(b -> new StatementSheet.Place(name(b.street()), name(b.community()), name(b.compound())))
                .orElse(StatementSheet.Place.UNKNOWN);
        List<RegisteredKey> valid = keys.valid(book);
        PeopleNames.Names names = people.of(book);
        StatementSheet.Signatories signatories = new StatementSheet.Signatories(
                holders(valid, Role.AGENT_PREPARER, names), holders(valid, Role.AGENT_REVIEWER, names),
                holders(valid, Role.COMMUNITY_AUDITOR, names));
        StatementSheet.Checkpoint checkpoint = checkpoints.latest(book)
                .map(c -> new StatementSheet.Checkpoint(c.size(), c.root())).orElse(null);
        Period from = Period.parse(figures.from());
        Period to = Period.parse(figures.to());
        return new StatementSheet(figures, place, signatories, checkpoint, links.statement(book, from, to), null,
                LocalDate.now(clock.withZone(ZONE)), site.issuer(),
                checkpoint == null ? null : custody(book, checkpoint.size(), from, to));
    }

    /** Of the period's entries within the first {@code size}, how many the service signed for their actors (代签). */
    public Custody custody(String book, long size, Period from, Period to) {
        return signedBy.period(book, size, from.toYearMonth(), to.toYearMonth());
    }

    private static String name(BookSummary.Party party) {
        return party == null ? null : party.name();
    }

    /** The names of the people with a valid key in {@code role}, in registration order; null when there are none. */
    private static String holders(List<RegisteredKey> keys, Role role, PeopleNames.Names names) {
        String actors = keys.stream().filter(k -> k.role() == role).map(RegisteredKey::actor).distinct()
                .map(names::of).collect(Collectors.joining(LIST_SEPARATOR));
        return actors.isEmpty() ? null : actors;
    }
}
