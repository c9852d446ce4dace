package org.gongzhang.service.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.book.PeopleNames;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.disclosure.DisclosureCalendar;
import org.gongzhang.service.disclosure.DisclosureCalendars;
import org.gongzhang.service.disclosure.Objections;
import org.gongzhang.service.disclosure.StatementVersion;
import org.gongzhang.service.disclosure.StatementVersions;
import org.gongzhang.service.governance.GovernanceQueries;
import org.gongzhang.service.log.LogKey;
import org.gongzhang.service.log.StatementBundles;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessDenied;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.gongzhang.verifier.Finding;
import org.gongzhang.verifier.VerificationReport;
import org.gongzhang.verifier.Verifier;
import org.gongzhang.verifier.statement.Statement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * What residents read, without logging in: a compound's published statements and its disclosure
 * calendar; a statement with its figures, objections and the verification the QR code opens —
 * the offline verifier run on the statement's bundle under the pinned log key, check by check,
 * with the files and the command to repeat it without trusting this site. A logged-in owner of
 * the compound may object during the posting period. The compound page also lists its spending
 * requests (业财社管) and tenders (业标镇管) with their progress, each linked to its own page. A
 * statement first published after the calendar's due date is marked 逾期公示; people are named.
 */
@Controller
class PublicStatementPages {

    /** One line of the verify page: what was checked and whether it held. */
    record Check(String key, boolean ok, List<Finding> findings) {
    }

    /** A spending request as residents read it: amounts grouped, a private payee never named. */
    record RequestLine(String requestId, String purpose, String amount, String paid, boolean privatePayee,
            String payee, String status, String step, String escalatedTo, LocalDate raisedAt) {
    }

    /** A tender with its contract, if signed. */
    record TenderLine(String tenderId, String title, String budget, String stage, String awardedAmount,
            String supplier, String contractStatus, LocalDate publishedAt) {
    }

    private final BookDirectory books;
    private final StatementVersions versions;
    private final Objections objections;
    private final DisclosureCalendars calendars;
    private final LogKey logKey;
    private final StatementVerdicts verdicts;
    private final StatementBundles statementBundles;
    private final Access access;
    private final CustodialSigner signer;
    private final GovernanceQueries governance;
    private final PeopleNames people;

    PublicStatementPages(BookDirectory books, StatementVersions versions, Objections objections,
            DisclosureCalendars calendars, LogKey logKey, StatementBundles statementBundles,
            Access access, CustodialSigner signer, GovernanceQueries governance, PeopleNames people, StatementVerdicts verdicts) {
        this.verdicts = verdicts;
        this.governance = governance;
        this.people = people;
        this.books = books;
        this.versions = versions;
        this.objections = objections;
        this.calendars = calendars;
        this.logKey = logKey;
        this.statementBundles = statementBundles;
        this.access = access;
        this.signer = signer;
    }

    @GetMapping("/public/books/{book}")
    String book(@PathVariable String book, Model model) {
        BookSummary summary = book(book);
        model.addAttribute("book", summary);
        model.addAttribute("statements", versions.all(book).stream()
                .filter(v -> v.published() || v.supersededBy() != null).toList());
        DisclosureCalendars.Calendar calendar = calendars.calendar(summary);
        model.addAttribute("calendar", calendar);
        model.addAttribute("lateRanges", calendar.slots().stream().filter(DisclosureCalendar.Slot::late)
                .map(slot -> slot.from() + "/" + slot.to()).collect(Collectors.toSet()));
        model.addAttribute("requests", governance.requests(book, null).stream()
                .map(r -> new RequestLine(r.requestId(), r.purpose(), Yuan.of(r.amount()), Yuan.of(r.paid()),
                        "PERSON".equals(r.payeeType()), r.payee(), r.status(), r.pendingStep(), r.escalatedTo(),
                        r.raisedAt()))
                .toList());
        model.addAttribute("tenders", governance.tenders(book).stream().map(t -> {
            Optional<GovernanceQueries.ContractView> contract = t.contractId() == null ? Optional.empty()
                    : governance.contract(book, t.contractId());
            return new TenderLine(t.tenderId(), t.title(), Yuan.of(t.budget()), t.stage(), Yuan.of(t.awardedAmount()),
                    contract.map(GovernanceQueries.ContractView::supplierName).orElse(null),
                    contract.map(GovernanceQueries.ContractView::status).orElse(null), t.publishedAt());
        }).toList());
        return "public-book";
    }

    @GetMapping("/public/books/{book}/statements/{id}")
    String statement(@PathVariable String book, @PathVariable String id, Model model) {
        BookSummary summary = book(book);
        StatementVersion version = versions.find(book, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String content = versions.content(version.contentSha256()).orElseThrow();
        Statement statement = Statement.parse(content);
        StatementVerdicts.Verdict verdict = verdicts.of(version, content, statement.from(), statement.to());
        VerificationReport report = verdict.report();
        PeopleNames.Names names = people.of(book);
        model.addAttribute("book", summary);
        model.addAttribute("version", version);
        model.addAttribute("draftedBy", names.of(version.draftedBy()));
        model.addAttribute("signedBy", names.of(version.signedBy()));
        model.addAttribute("late", version.published() && calendars.publishedLate(summary, version.from(), version.to()));
        model.addAttribute("statement", statement);
        model.addAttribute("custody", verdict.custody());
        model.addAttribute("report", report);
        model.addAttribute("checks", checks(report));
        model.addAttribute("objections", objections.of(book, id));
        Optional<Caller> caller = access.current();
        boolean owner = caller.isPresent() && caller.get().grants().stream()
                .anyMatch(g -> g.role() == AccessRole.OWNER && access.covers(g.scope(), summary));
        model.addAttribute("canObject", owner && version.inPostingPeriod(signer.today()));
        model.addAttribute("loggedIn", caller.isPresent());
        return "public-statement";
    }

    /** The QR code of a statement printed from the reports: the published version if there is one, else the figures now. */
    @GetMapping("/public/books/{book}/verify")
    String verify(@PathVariable String book, @RequestParam String from, @RequestParam String to, Model model) {
        BookSummary summary = book(book);
        Optional<StatementVersion> published = versions.published(book).stream()
                .filter(v -> v.from().equals(from) && v.to().equals(to) && v.supersededBy() == null).findFirst();
        if (published.isPresent()) {
            return "redirect:/public/books/" + book + "/statements/" + published.get().statementId();
        }
        StatementBundles.Backed backed;
        try {
            backed = statementBundles.backed(book, null, from, to, null);
        } catch (LedgerRefusal refusal) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, refusal.code(), refusal);
        }
        VerificationReport report;
        try {
            report = Verifier.verify(backed.bundle().file(), Optional.of(logKey.first()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            backed.bundle().discard();
        }
        model.addAttribute("book", summary);
        model.addAttribute("statement", backed.statement());
        model.addAttribute("report", report);
        model.addAttribute("checks", checks(report));
        return "public-verify";
    }

    @PostMapping("/public/books/{book}/statements/{id}/objections")
    String object(@PathVariable String book, @PathVariable String id, @RequestParam String text) {
        try {
            objections.raise(access.require(book, AccessRole.OWNER), id, text);
            return "redirect:/public/books/" + book + "/statements/" + id + "?objected";
        } catch (AccessDenied denied) {
            return "redirect:/login";
        } catch (LedgerRefusal refusal) {
            return "redirect:/public/books/" + book + "/statements/" + id + "?refused=" + refusal.code();
        }
    }

    private static List<Check> checks(VerificationReport report) {
        List<Finding> findings = report.findings();
        List<Finding> statement = findings.stream().filter(f -> f.code().startsWith("statement")).toList();
        List<Finding> inclusion = statement.stream().filter(f -> f.code().contains("item") || f.code().contains("checkpoint")).toList();
        List<Finding> totals = statement.stream().filter(f -> !inclusion.contains(f)).toList();
        List<Finding> checkpoint = findings.stream().filter(f -> f.code().startsWith("checkpoint") || f.code().startsWith("root")).toList();
        List<Finding> entries = findings.stream()
                .filter(f -> !statement.contains(f) && !checkpoint.contains(f)).toList();
        return List.of(new Check("verify.check.signatures", entries.isEmpty(), entries),
                new Check("verify.check.checkpoint", checkpoint.isEmpty(), checkpoint),
                new Check("verify.check.inclusion", inclusion.isEmpty(), inclusion),
                new Check("verify.check.totals", totals.isEmpty(), totals));
    }

    private BookSummary book(String book) {
        return books.find(book).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
