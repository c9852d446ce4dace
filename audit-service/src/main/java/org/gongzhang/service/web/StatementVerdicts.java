package org.gongzhang.service.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Optional;
import org.gongzhang.service.disclosure.StatementVersion;
import org.gongzhang.service.log.BookAudit;
import org.gongzhang.service.log.Checkpoints;
import org.gongzhang.service.log.LogKey;
import org.gongzhang.service.signing.SignedBy;
import org.gongzhang.verifier.VerificationReport;
import org.gongzhang.verifier.Verifier;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.Custody;
import org.springframework.stereotype.Component;

/**
 * The offline verifier's verdict on a published statement as its page shows it, and who signed
 * the entries it covers (代签 or their own keys). Both rest on the statement's checkpoint alone:
 * the entries up to its size never change, so a verdict is kept per statement version and
 * checkpoint note (which grows when a witness cosigns) and computed again only when either
 * changes, not on every request. A book whose stored log stops extending its checkpoints is
 * refused before any page is served ({@code BookIntegrityGate}).
 */
@Component
class StatementVerdicts {

    /** The verifier's report on the statement's bundle, and the custody of the entries of its months. */
    record Verdict(VerificationReport report, Custody custody) {
    }

    private record Key(String book, String statementId, String contentSha256, long treeSize, String noteSha256) {
    }

    private final BookAudit audit;
    private final Checkpoints checkpoints;
    private final LogKey logKey;
    private final SignedBy signedBy;
    private final Memo<Key, Verdict> verdicts = new Memo<>(1024);

    StatementVerdicts(BookAudit audit, Checkpoints checkpoints, LogKey logKey, SignedBy signedBy) {
        this.audit = audit;
        this.checkpoints = checkpoints;
        this.logKey = logKey;
        this.signedBy = signedBy;
    }

    Verdict of(StatementVersion version, String content, YearMonth from, YearMonth to) {
        String book = version.book();
        String note = checkpoints.at(book, version.treeSize()).map(Checkpoints.Stored::note).orElse("");
        Key key = new Key(book, version.statementId(), version.contentSha256(), version.treeSize(),
                Digests.sha256Hex(note.getBytes(StandardCharsets.UTF_8)));
        return verdicts.get(key, () -> new Verdict(
                verify(audit.spool(book, version.treeSize(), Optional.of(content))),
                signedBy.period(book, version.treeSize(), from, to)));
    }

    /** The offline verifier's verdict on a bundle written to a file, read as {@code ./ledger verify} reads it; then deleted. */
    private VerificationReport verify(BookAudit.Spooled bundle) {
        try {
            return Verifier.verify(bundle.file(), Optional.of(logKey.first()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            bundle.discard();
        }
    }
}
