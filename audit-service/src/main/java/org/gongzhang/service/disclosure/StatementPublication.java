package org.gongzhang.service.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.log.BookAudit;
import org.gongzhang.service.log.StatementBundles;
import org.gongzhang.service.security.Acting;
import org.gongzhang.service.signing.Signing;
import org.gongzhang.verifier.statement.Statement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Draft → sign off → publish, each a signed entry by the acting person's registered key. A draft
 * rests on exactly the log before it: its statement.json is computed over every accepted entry,
 * staged by its hash, and the draft entry cites that hash and the root; if another entry got in
 * between, the book refuses the draft and it is computed again.
 */
@Component
public class StatementPublication {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;

    private final StatementBundles statements;
    private final StatementVersions versions;
    private final CustodialKeys keys;
    private final CustodialSigner signer;
    private final Signing signing;
    private final BookAudit audit;
    private final Clock clock;
    private final int postingDays;

    StatementPublication(StatementBundles statements, StatementVersions versions, CustodialKeys keys,
            CustodialSigner signer, Signing signing, BookAudit audit, Clock clock,
            @Value("${ledger.disclosure.posting-days:15}") int postingDays) {
        this.statements = statements;
        this.versions = versions;
        this.keys = keys;
        this.signer = signer;
        this.signing = signing;
        this.audit = audit;
        this.clock = clock;
        this.postingDays = postingDays;
    }

    /** 编制: the agent's preparer drafts the statement for {@code from}…{@code to}, or a correction of {@code corrects}. */
    public StatementVersion draft(Acting preparer, String from, String to, String threshold, String corrects,
            String reason) {
        String book = preparer.book().book();
        String statementId = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            Statement statement = statements.statement(book, null, from, to, threshold);
            String content = statement.toJson();
            String hash = Statement.contentHash(content);
            java.util.Optional<StatementVersion> same = sameDraft(book, statement.from().toString(),
                    statement.to().toString(), corrects, content);
            if (same.isPresent()) {
                return same.get(); // a second click: the same figures over the same log are drafted already
            }
            versions.stage(hash, content, clock.instant());
            ObjectNode payload = JSON.createObjectNode().put("statementId", statementId)
                    .put("from", statement.from().toString()).put("to", statement.to().toString())
                    .put("contentHash", hash);
            payload.putObject("checkpoint").put("size", statement.checkpointSize()).put("root", statement.checkpointRoot());
            payload.put("corrects", corrects);
            payload.put("reason", reason);
            try {
                signing.submit(preparer, "statement.drafted", signer.today(), payload);
                return versions.find(book, statementId).orElseThrow();
            } catch (LedgerRefusal refusal) {
                if (attempt >= ATTEMPTS || !movedOn(refusal)) {
                    throw refusal;
                }
            }
        }
    }

    /**
     * An open draft of the same period, correcting the same version, with the same figures: only its
     * checkpoint (the log's size when it was drafted) may differ, as the draft itself grew the log.
     */
    private java.util.Optional<StatementVersion> sameDraft(String book, String from, String to, String corrects,
            String content) {
        com.fasterxml.jackson.databind.JsonNode figures = figures(content);
        return versions.all(book).stream()
                .filter(v -> "DRAFTED".equals(v.status()) && v.from().equals(from) && v.to().equals(to)
                        && java.util.Objects.equals(v.corrects(), corrects))
                .filter(v -> versions.content(v.contentSha256()).map(StatementPublication::figures)
                        .filter(figures::equals).isPresent())
                .findFirst();
    }

    private static com.fasterxml.jackson.databind.JsonNode figures(String content) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(content);
            node.remove("checkpoint");
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored statement is not JSON", e);
        }
    }

    /** 社区会签: the community auditor signs off over the draft's content hash and checkpoint; a checkpoint follows. */
    public StatementVersion signOff(Acting auditor, String statementId) {
        StatementVersion draft = existing(auditor, statementId);
        ObjectNode payload = JSON.createObjectNode().put("statementId", statementId).put("contentHash", draft.contentSha256());
        payload.putObject("checkpoint").put("size", draft.treeSize()).put("root", draft.root());
        signing.submit(auditor, "statement.signed", signer.today(), payload);
        audit.checkpoint(draft.book());
        return versions.find(draft.book(), statementId).orElseThrow();
    }

    /** 公示: published for the posting period, from today for the configured number of days. */
    public StatementVersion publish(Acting publisher, String statementId, Integer days) {
        StatementVersion signed = existing(publisher, statementId);
        int posting = days == null ? postingDays : days;
        if (posting < 1 || posting > 365) {
            throw LedgerRefusal.invalid("statement.posting-days.invalid", "postingDays", posting);
        }
        LocalDate today = signer.today();
        ObjectNode payload = JSON.createObjectNode().put("statementId", statementId)
                .put("postingFrom", today.toString()).put("postingUntil", today.plusDays(posting).toString());
        signing.submit(publisher, "statement.published", today, payload);
        audit.checkpoint(signed.book());
        return versions.find(signed.book(), statementId).orElseThrow();
    }

    /** 撤回: a draft not yet signed off is withdrawn, with a reason. */
    public StatementVersion withdraw(Acting agent, String statementId, String reason) {
        StatementVersion draft = existing(agent, statementId);
        ObjectNode payload = JSON.createObjectNode().put("statementId", statementId).put("reason", reason);
        signing.submit(agent, "statement.withdrawn", signer.today(), payload);
        return versions.find(draft.book(), statementId).orElseThrow();
    }

    private StatementVersion existing(Acting acting, String statementId) {
        return versions.find(acting.book().book(), statementId).orElseThrow(() ->
                new LedgerRefusal(Kind.NOT_FOUND, "statement.not-found", "statementId", statementId));
    }

    /** The log moved between computing the statement and appending the draft. */
    private static boolean movedOn(LedgerRefusal refusal) {
        return refusal.code().startsWith("entry.prev") || refusal.code().startsWith("entry.index")
                || refusal.code().startsWith("statement.checkpoint");
    }
}
