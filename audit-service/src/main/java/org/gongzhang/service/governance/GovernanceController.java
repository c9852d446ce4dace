package org.gongzhang.service.governance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.reporting.ocds.OcdsSettings;
import org.gongzhang.reporting.ocds.TenderReleasePackage;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.entry.StoredEntries;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.web.JsonBodies;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Acting;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 业财社管 and 业标镇管 over HTTP: spending rule sets, expenditure requests and their approval path,
 * declarations of interest, owners' joint decisions, payments; tenders, contracts and their OCDS
 * export. Reading is public (a private payee is never named); each change is checked for role and
 * scope before anything is signed, then signed by the caller's registered key and judged by the book.
 */
@RestController
@RequestMapping("/api/books/{book}")
class GovernanceController {

    record Approval(String decisionId) {
    }

    record Refusal(String reason, String decisionId) {
    }

    record Question(String question) {
    }

    record Reason(String reason) {
    }

    record Increase(String amount, String reason) {
    }

    private static final AccessRole[] REQUESTERS = {AccessRole.COMMITTEE_CHAIR, AccessRole.COMMITTEE_MEMBER,
            AccessRole.PROPERTY_COMPANY};
    private static final AccessRole[] DECLARANTS = {AccessRole.AGENT_PREPARER, AccessRole.AGENT_REVIEWER,
            AccessRole.COMMITTEE_CHAIR, AccessRole.COMMITTEE_MEMBER, AccessRole.COMMUNITY_AUDITOR, AccessRole.TOWN_OFFICER};

    private final Access access;
    private final BookDirectory books;
    private final Governance governance;
    private final GovernanceQueries queries;
    private final StoredEntries entries;
    private final OcdsSettings ocds;

    GovernanceController(Access access, BookDirectory books, Governance governance, GovernanceQueries queries,
            StoredEntries entries, OcdsSettings ocds) {
        this.access = access;
        this.books = books;
        this.governance = governance;
        this.queries = queries;
        this.entries = entries;
        this.ocds = ocds;
    }

    // ---- rule sets

    @GetMapping("/rulesets")
    List<GovernanceQueries.Ruleset> rulesets(@PathVariable String book) {
        books.require(book);
        return queries.rulesets(book);
    }

    /** The DOMAIN §4 defaults; rules of the town's own go under another id ({@code RulesetController}). */
    @PostMapping("/rulesets/default")
    ResponseEntity<GovernanceQueries.Ruleset> adoptDefaults(@PathVariable String book,
            @RequestBody(required = false) String body) {
        Acting officer = access.require(book, AccessRole.TOWN_OFFICER);
        if (!json(body).isEmpty()) {
            throw LedgerRefusal.invalid("governance.ruleset.default-reserved", null);
        }
        int before = queries.lastVersion(book, org.gongzhang.core.expenditure.SpendingRules.DEFAULT_ID);
        GovernanceQueries.Ruleset adopted = governance.adoptDefaults(officer);
        return ResponseEntity.status(adopted.version() > before ? HttpStatus.CREATED : HttpStatus.OK).body(adopted);
    }

    // ---- requests

    @GetMapping("/requests")
    List<GovernanceQueries.RequestView> requests(@PathVariable String book,
            @RequestParam(required = false) String status) {
        books.require(book);
        return queries.requests(book, status);
    }

    @GetMapping("/requests/{id}")
    GovernanceQueries.RequestDetail request(@PathVariable String book, @PathVariable String id) {
        books.require(book);
        return queries.requestDetail(book, id).orElseThrow(() -> requestNotFound(id));
    }

    @PostMapping("/requests")
    ResponseEntity<GovernanceQueries.RequestView> raise(@PathVariable String book, @RequestBody String body) {
        return created(governance.raise(access.require(book, REQUESTERS), json(body)));
    }

    @PostMapping("/requests/{id}/approve")
    GovernanceQueries.RequestView approve(@PathVariable String book, @PathVariable String id,
            @RequestBody(required = false) Approval approval) {
        return governance.approve(approver(book, id), id, approval == null ? null : approval.decisionId());
    }

    @PostMapping("/requests/{id}/refuse")
    GovernanceQueries.RequestView refuse(@PathVariable String book, @PathVariable String id,
            @RequestBody Refusal refusal) {
        return governance.refuse(approver(book, id), id, refusal.reason(), refusal.decisionId());
    }

    @PostMapping("/requests/{id}/return")
    GovernanceQueries.RequestView sendBack(@PathVariable String book, @PathVariable String id,
            @RequestBody Question question) {
        return governance.returnToRequester(approver(book, id), id, question.question());
    }

    @PostMapping("/requests/{id}/cancel")
    GovernanceQueries.RequestView cancel(@PathVariable String book, @PathVariable String id,
            @RequestBody Reason reason) {
        return governance.cancel(access.require(book, REQUESTERS), id, reason.reason());
    }

    @PostMapping("/requests/{id}/resubmit")
    GovernanceQueries.RequestView resubmit(@PathVariable String book, @PathVariable String id,
            @RequestBody(required = false) String body) {
        return governance.resubmit(access.require(book, REQUESTERS), id, json(body));
    }

    @PostMapping("/requests/{id}/increase")
    GovernanceQueries.RequestView increase(@PathVariable String book, @PathVariable String id,
            @RequestBody Increase increase) {
        return governance.increase(access.require(book, REQUESTERS), id, increase.amount(), increase.reason());
    }

    @PostMapping("/requests/{id}/payments")
    ResponseEntity<GovernanceQueries.Payment> pay(@PathVariable String book, @PathVariable String id,
            @RequestBody String body) {
        return created(governance.pay(access.require(book, AccessRole.AGENT_PREPARER), id, json(body)));
    }

    // ---- interests and decisions

    @GetMapping("/interests")
    List<GovernanceQueries.Interest> interests(@PathVariable String book) {
        books.require(book);
        return queries.interests(book);
    }

    @PostMapping("/interests")
    ResponseEntity<GovernanceQueries.Interest> declare(@PathVariable String book, @RequestBody String body) {
        return created(governance.declare(access.require(book, DECLARANTS), json(body)));
    }

    @GetMapping("/decisions")
    List<GovernanceQueries.Decision> decisions(@PathVariable String book) {
        books.require(book);
        return queries.decisions(book);
    }

    @GetMapping("/decisions/{id}")
    GovernanceQueries.Decision decision(@PathVariable String book, @PathVariable String id) {
        books.require(book);
        return queries.decision(book, id)
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "decision.unknown", "decisionId", id));
    }

    @PostMapping("/decisions")
    ResponseEntity<GovernanceQueries.Decision> decide(@PathVariable String book, @RequestBody String body) {
        return created(governance.decide(access.require(book, AccessRole.COMMITTEE_CHAIR), json(body)));
    }

    // ---- tenders and contracts

    @GetMapping("/tenders")
    List<GovernanceQueries.TenderView> tenders(@PathVariable String book) {
        books.require(book);
        return queries.tenders(book);
    }

    @GetMapping("/tenders/{id}")
    GovernanceQueries.TenderDetail tender(@PathVariable String book, @PathVariable String id) {
        books.require(book);
        return queries.tenderDetail(book, id).orElseThrow(() -> tenderNotFound(id));
    }

    /** The tender's OCDS 1.1.5 release package, one release per step, computed from the log. */
    @GetMapping(path = {"/tenders/{id}/ocds", "/tenders/{id}/ocds.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    String ocds(@PathVariable String book, @PathVariable String id) {
        tender(book, id);
        TenderReleasePackage.Builder releases = TenderReleasePackage.builder(ocds, id);
        entries.forEachReadable(book, releases::apply);
        return TenderReleasePackage.toJson(releases.build());
    }

    @PostMapping("/tenders")
    ResponseEntity<GovernanceQueries.TenderDetail> publish(@PathVariable String book, @RequestBody String text) {
        Acting officer = access.require(book, AccessRole.TOWN_OFFICER);
        ObjectNode body = json(text);
        if (!body.hasNonNull("tenderId")) {
            body.put("tenderId", "t-" + UUID.randomUUID());
        }
        if (!body.has("requestId")) {
            body.putNull("requestId");
        }
        governance.tenderStep(officer, "tender.published", body);
        return created(queries.tenderDetail(book, body.get("tenderId").asText()).orElseThrow());
    }

    @PostMapping("/tenders/{id}/bids")
    ResponseEntity<GovernanceQueries.TenderDetail> bid(@PathVariable String book, @PathVariable String id,
            @RequestBody String text) {
        Acting officer = access.require(book, AccessRole.TOWN_OFFICER);
        ObjectNode body = json(text);
        if (!body.hasNonNull("bidId")) {
            body.put("bidId", "b" + (existingTender(book, id).bids() + 1));
        }
        return created(tenderStep(officer, "tender.bid-received", id, body));
    }

    @PostMapping("/tenders/{id}/opening")
    GovernanceQueries.TenderDetail open(@PathVariable String book, @PathVariable String id, @RequestBody String body) {
        return tenderStep(access.require(book, AccessRole.TOWN_OFFICER), "tender.opened", id, json(body));
    }

    @PostMapping("/tenders/{id}/evaluation")
    GovernanceQueries.TenderDetail evaluate(@PathVariable String book, @PathVariable String id,
            @RequestBody String body) {
        return tenderStep(access.require(book, AccessRole.TOWN_OFFICER), "tender.evaluated", id, json(body));
    }

    @PostMapping("/tenders/{id}/award")
    GovernanceQueries.TenderDetail award(@PathVariable String book, @PathVariable String id,
            @RequestBody String body) {
        return tenderStep(access.require(book, AccessRole.TOWN_OFFICER), "tender.awarded", id, json(body));
    }

    @PostMapping("/tenders/{id}/award-notice")
    GovernanceQueries.TenderDetail awardNotice(@PathVariable String book, @PathVariable String id,
            @RequestBody String body) {
        return tenderStep(access.require(book, AccessRole.TOWN_OFFICER), "tender.award-noticed", id, json(body));
    }

    @PostMapping("/tenders/{id}/contract")
    ResponseEntity<GovernanceQueries.ContractDetail> contract(@PathVariable String book, @PathVariable String id,
            @RequestBody String text) {
        Acting chair = access.require(book, AccessRole.COMMITTEE_CHAIR);
        ObjectNode body = json(text);
        existingTender(book, id);
        if (!body.hasNonNull("contractId")) {
            body.put("contractId", "c-" + UUID.randomUUID());
        }
        body.put("tenderId", id);
        governance.tenderStep(chair, "contract.signed", body);
        return created(queries.contractDetail(book, body.get("contractId").asText()).orElseThrow());
    }

    @GetMapping("/contracts/{id}")
    GovernanceQueries.ContractDetail contract(@PathVariable String book, @PathVariable String id) {
        books.require(book);
        return queries.contractDetail(book, id).orElseThrow(() -> contractNotFound(id));
    }

    @PostMapping("/contracts/{id}/acceptance")
    GovernanceQueries.ContractDetail accept(@PathVariable String book, @PathVariable String id,
            @RequestBody String body) {
        return contractStep(access.require(book, AccessRole.COMMITTEE_CHAIR), "contract.accepted", id, json(body));
    }

    @PostMapping("/contracts/{id}/final-account")
    GovernanceQueries.ContractDetail settle(@PathVariable String book, @PathVariable String id,
            @RequestBody String text) {
        Acting auditor = access.require(book, AccessRole.COMMUNITY_AUDITOR);
        ObjectNode body = json(text);
        if (!body.has("auditReportSha256")) {
            body.putNull("auditReportSha256");
        }
        return contractStep(auditor, "contract.final-account", id, body);
    }

    @PostMapping("/contracts/{id}/payments")
    ResponseEntity<GovernanceQueries.Payment> payContract(@PathVariable String book, @PathVariable String id,
            @RequestBody String body) {
        return created(governance.payContract(access.require(book, AccessRole.AGENT_PREPARER), id, json(body)));
    }

    /** A JSON object body; none at all is an empty one. */
    static ObjectNode json(String body) {
        return JsonBodies.object(body, "governance.body.invalid");
    }

    private GovernanceQueries.TenderDetail tenderStep(Acting acting, String kind, String id, ObjectNode body) {
        existingTender(acting.book().book(), id);
        body.put("tenderId", id);
        governance.tenderStep(acting, kind, body);
        return queries.tenderDetail(acting.book().book(), id).orElseThrow();
    }

    private GovernanceQueries.ContractDetail contractStep(Acting acting, String kind, String id, ObjectNode body) {
        String book = acting.book().book();
        queries.contract(book, id).orElseThrow(() -> contractNotFound(id));
        body.put("contractId", id);
        governance.tenderStep(acting, kind, body);
        return queries.contractDetail(book, id).orElseThrow();
    }

    /**
     * Who may take the pending step (the book decides for certain): the roles of that step first,
     * so that someone holding several signs in the one the step asks for.
     */
    private Acting approver(String book, String requestId) {
        Optional<GovernanceQueries.RequestView> request = queries.request(book, requestId);
        AccessRole[] roles = request.map(GovernanceQueries.RequestView::pendingStep).filter("COMMUNITY"::equals)
                .isPresent()
                ? new AccessRole[] {AccessRole.COMMUNITY_AUDITOR, AccessRole.COMMITTEE_CHAIR, AccessRole.COMMITTEE_MEMBER}
                : new AccessRole[] {AccessRole.COMMITTEE_CHAIR, AccessRole.COMMITTEE_MEMBER, AccessRole.COMMUNITY_AUDITOR};
        return access.require(book, roles);
    }

    private GovernanceQueries.TenderView existingTender(String book, String id) {
        return queries.tender(book, id).orElseThrow(() -> tenderNotFound(id));
    }

    private static <T> ResponseEntity<T> created(T body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    private static LedgerRefusal requestNotFound(String id) {
        return new LedgerRefusal(Kind.NOT_FOUND, "request.unknown", "requestId", id);
    }

    private static LedgerRefusal tenderNotFound(String id) {
        return new LedgerRefusal(Kind.NOT_FOUND, "tender.unknown", "tenderId", id);
    }

    private static LedgerRefusal contractNotFound(String id) {
        return new LedgerRefusal(Kind.NOT_FOUND, "contract.unknown", "contractId", id);
    }
}
