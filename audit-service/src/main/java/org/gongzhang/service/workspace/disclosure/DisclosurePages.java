package org.gongzhang.service.workspace.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.disclosure.Cadence;
import org.gongzhang.service.disclosure.DisclosureCalendars;
import org.gongzhang.service.disclosure.Objections;
import org.gongzhang.service.disclosure.StatementVersion;
import org.gongzhang.service.disclosure.StatementVersions;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.workspace.BookWorkspace;
import org.gongzhang.service.workspace.People;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 公示 as the staff do it: the agent drafts a 收支公示表 for closed periods, the community auditor
 * signs it off, the auditor or the agent's reviewer publishes it for its 公示期; owners object
 * during that time and the committee or the agent accepts and answers, the auditor reviews. The
 * disclosure calendar says which statements the book owes and by when.
 */
@Controller
class DisclosurePages {

    /** Who may accept and answer an objection. */
    static final AccessRole[] ANSWERING = {AccessRole.COMMITTEE_CHAIR, AccessRole.COMMITTEE_MEMBER,
            AccessRole.AGENT_PREPARER, AccessRole.AGENT_REVIEWER};
    /** Staff who may read who objected and what they wrote. */
    static final AccessRole[] READING_OBJECTIONS = {AccessRole.COMMITTEE_CHAIR, AccessRole.COMMITTEE_MEMBER,
            AccessRole.AGENT_PREPARER, AccessRole.AGENT_REVIEWER, AccessRole.COMMUNITY_AUDITOR};

    /** An objection with what the owner wrote, when the person may read it. */
    record ObjectionRow(Objections.Objection objection, String text) {
    }

    private final BookWorkspace workspace;
    private final StatementVersions versions;
    private final Objections objections;
    private final DisclosureCalendars calendars;
    private final People people;

    DisclosurePages(BookWorkspace workspace, StatementVersions versions, Objections objections,
            DisclosureCalendars calendars, People people) {
        this.workspace = workspace;
        this.versions = versions;
        this.objections = objections;
        this.calendars = calendars;
        this.people = people;
    }

    @GetMapping("/staff/books/{book}/statements")
    String statements(@PathVariable String book, Model model) {
        BookWorkspace.InBook here = workspace.require(book);
        List<StatementVersion> all = versions.all(book);
        Map<String, Integer> open = new LinkedHashMap<>();
        all.forEach(v -> open.put(v.statementId(), objections.of(book, v.statementId()).stream()
                .filter(o -> !"REVIEWED".equals(o.status())).toList().size()));
        model.addAttribute("book", here.book());
        model.addAttribute("here", here);
        List<StatementVersion> newestFirst = new ArrayList<>(all);
        Collections.reverse(newestFirst);
        model.addAttribute("statements", newestFirst);
        model.addAttribute("openObjections", open);
        model.addAttribute("calendar", calendars.calendar(here.book()));
        model.addAttribute("cadences", Cadence.values());
        model.addAttribute("names", people.names());
        model.addAttribute("mayDraft", here.may(AccessRole.AGENT_PREPARER));
        model.addAttribute("mayConfigure", here.may(AccessRole.COMMUNITY_AUDITOR));
        return "workspace/disclosure/statements";
    }

    @GetMapping("/staff/books/{book}/statements/{id}")
    String statement(@PathVariable String book, @PathVariable String id, Model model) {
        BookWorkspace.InBook here = workspace.require(book);
        StatementVersion v = versions.find(book, id)
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "statement.not-found", "statementId", id));
        boolean mayRead = here.may(READING_OBJECTIONS);
        model.addAttribute("book", here.book());
        model.addAttribute("here", here);
        model.addAttribute("v", v);
        model.addAttribute("objections", objections.of(book, id).stream().map(o -> new ObjectionRow(o,
                mayRead ? objections.privatePart(o.objectionId()).map(Objections.Private::text).orElse(null) : null))
                .toList());
        model.addAttribute("names", people.names());
        model.addAttribute("maySign", "DRAFTED".equals(v.status()) && here.may(AccessRole.COMMUNITY_AUDITOR));
        model.addAttribute("mayPublish", "SIGNED".equals(v.status())
                && here.may(AccessRole.COMMUNITY_AUDITOR, AccessRole.AGENT_REVIEWER));
        model.addAttribute("mayWithdraw", !"WITHDRAWN".equals(v.status()) && v.supersededBy() == null
                && here.may(AccessRole.AGENT_PREPARER, AccessRole.AGENT_REVIEWER));
        model.addAttribute("mayCorrect", v.published() && here.may(AccessRole.AGENT_PREPARER));
        model.addAttribute("mayAnswer", here.may(ANSWERING));
        model.addAttribute("mayReview", here.may(AccessRole.COMMUNITY_AUDITOR));
        return "workspace/disclosure/statement";
    }
}
