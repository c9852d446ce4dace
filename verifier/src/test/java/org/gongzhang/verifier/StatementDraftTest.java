package org.gongzhang.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.gongzhang.verifier.fixtures.BookFixture.BOOK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.junit.jupiter.api.Test;

/**
 * A statement draft (公示表 起草) names the checkpoint it rests on: the log of every entry before it.
 * The verifier recomputes that root; a draft that names another is reported at its own index,
 * whether or not any bundle carries its statement.
 */
class StatementDraftTest {

    private final BookFixture book = BookFixture.standard();

    @Test
    void draftsOnTheLogBeforeThemVerify() {
        draft(book.entries().size(), Digests.hex(book.root(book.entries().size())));
        book.postVoucher();
        draft(book.entries().size(), Digests.hex(book.root(book.entries().size())));

        assertThat(verify().findings()).isEmpty();
    }

    @Test
    void aDraftWhoseRootIsNotTheRootOfTheEntriesBeforeItIsReportedAtItsIndex() {
        long at = draft(book.entries().size(), "ab".repeat(32));
        book.recordVoucher();

        VerificationReport report = verify();

        assertThat(report.findings()).extracting(Finding::index, Finding::code)
                .containsExactly(tuple(at, "statement-draft.checkpoint-mismatch"));
        assertThat(report.findings().get(0).message()).contains("ab".repeat(32), Digests.hex(book.root((int) at)));
    }

    @Test
    void aDraftOnAnOlderPrefixOfTheLogIsReported() {
        int older = book.entries().size() - 1;
        long at = draft(older, Digests.hex(book.root(older)));

        assertThat(verify().findings()).extracting(Finding::index, Finding::code)
                .containsExactly(tuple(at, "statement-draft.checkpoint-mismatch"));
    }

    @Test
    void aDraftNamingNoCheckpointIsReported() {
        long at = book.append(book.preparer, "statement.drafted", BookFixture.payload("statementId", "s-1")
                .put("contentHash", "cd".repeat(32))).header().index();

        assertThat(verify().findings()).extracting(Finding::index, Finding::code)
                .containsExactly(tuple(at, "statement-draft.checkpoint-mismatch"));
    }

    @Test
    void onlyThePreparerDrafts() {
        ObjectNode payload = BookFixture.payload("statementId", "s-1");
        payload.putObject("checkpoint").put("size", 8).put("root", Digests.hex(book.root(8)));
        book.append(book.auditor, "statement.drafted", payload);

        assertThat(verify().findings()).extracting(Finding::index, Finding::code)
                .containsExactly(tuple(8L, "entry.role.not-permitted"));
    }

    private long draft(long size, String root) {
        ObjectNode payload = BookFixture.payload("statementId", "s-" + size).put("from", "2026-03").put("to", "2026-03")
                .put("contentHash", "cd".repeat(32)).putNull("corrects").putNull("reason");
        payload.putObject("checkpoint").put("size", size).put("root", root);
        return book.append(book.preparer, "statement.drafted", payload).header().index();
    }

    private VerificationReport verify() {
        return Verifier.verify(BOOK, book.entries(), Optional.of(book.checkpoint()), book.logKey.verifierKey());
    }
}
