package org.gongzhang.service.disclosure;

import java.util.List;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Acting;
import org.gongzhang.service.security.Caller;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Batches of statement drafts for a community or a street, with their progress. */
@RestController
class BatchController {

    record BatchRequest(String community, String street, String from, String to, String threshold) {
    }

    private final Access access;
    private final StatementBatches batches;

    BatchController(Access access, StatementBatches batches) {
        this.access = access;
        this.batches = batches;
    }

    /** 202 with the job; the books are those of the community or street the caller prepares. */
    @PostMapping("/api/batches/statements")
    ResponseEntity<StatementBatches.Job> start(@RequestBody BatchRequest request) {
        Caller caller = access.requireAnywhere(AccessRole.AGENT_PREPARER);
        org.gongzhang.service.log.StatementBundles.requireValid(request.from(), request.to(), request.threshold());
        boolean byCommunity = request.community() != null && !request.community().isBlank();
        boolean byStreet = request.street() != null && !request.street().isBlank();
        if (byCommunity == byStreet) {
            throw LedgerRefusal.invalid("batch.scope.invalid", "community");
        }
        List<Acting> acting = access.books(access.reach(caller), AccessRole.AGENT_PREPARER).stream()
                .filter(b -> byCommunity ? b.community().id().equals(request.community())
                        : b.street().id().equals(request.street()))
                .map(b -> new Acting(caller, AccessRole.AGENT_PREPARER, b))
                .toList();
        if (acting.isEmpty()) {
            throw new LedgerRefusal(Kind.NOT_FOUND, "batch.no-books", byCommunity ? "community" : "street",
                    byCommunity ? request.community() : request.street());
        }
        String scope = byCommunity ? "community:" + request.community() : "street:" + request.street();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(batches.start(scope, request.from(), request.to(),
                request.threshold(), acting, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/api/batches/{id}")
    StatementBatches.Job job(@PathVariable String id) {
        access.requireAnywhere(AccessRole.AGENT_PREPARER);
        return batches.find(id).orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "batch.not-found", "id", id));
    }
}
