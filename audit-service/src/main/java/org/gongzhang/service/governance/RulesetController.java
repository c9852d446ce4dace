package org.gongzhang.service.governance;

import java.util.List;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Acting;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 支出审批规则 of the town's own: a rule set adopted in one book or in every book of a street by
 * the town officer, and one version as adopted. The body is a {@code ruleset.adopted} payload
 * without its id (from the path) and version (the book's next); the DOMAIN §4 defaults have their
 * own endpoint, {@code POST /api/books/{book}/rulesets/default}.
 */
@RestController
class RulesetController {

    private final Access access;
    private final BookDirectory books;
    private final GovernanceQueries queries;
    private final RulesetAdoption adoption;

    RulesetController(Access access, BookDirectory books, GovernanceQueries queries, RulesetAdoption adoption) {
        this.access = access;
        this.books = books;
        this.queries = queries;
        this.adoption = adoption;
    }

    @PostMapping("/api/books/{book}/rulesets/{ruleset}")
    ResponseEntity<GovernanceQueries.Ruleset> adopt(@PathVariable String book, @PathVariable String ruleset,
            @RequestBody(required = false) String body) {
        Acting officer = access.require(book, AccessRole.TOWN_OFFICER);
        int before = queries.lastVersion(book, ruleset);
        GovernanceQueries.Ruleset adopted = adoption.adopt(officer, ruleset, GovernanceController.json(body));
        // the rules in force asked again: 200 with that version, nothing adopted
        return ResponseEntity.status(adopted.version() > before ? HttpStatus.CREATED : HttpStatus.OK).body(adopted);
    }

    @GetMapping("/api/books/{book}/rulesets/{ruleset}/{version}")
    GovernanceQueries.Ruleset version(@PathVariable String book, @PathVariable String ruleset,
            @PathVariable int version) {
        books.require(book);
        return queries.ruleset(book, ruleset, version)
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "ruleset.unknown", "ruleset", ruleset, version));
    }

    /** 200 with every book's outcome, once the rules stand; not atomic across books (see {@link RulesetAdoption}). */
    @PostMapping("/api/streets/{street}/rulesets/{ruleset}")
    RulesetAdoption.StreetAdoption adoptInStreet(@PathVariable String street, @PathVariable String ruleset,
            @RequestBody(required = false) String body) {
        List<Acting> officers = access.requireStreet(street, AccessRole.TOWN_OFFICER);
        return adoption.adoptInStreet(street, officers, ruleset, GovernanceController.json(body),
                LocaleContextHolder.getLocale());
    }
}
