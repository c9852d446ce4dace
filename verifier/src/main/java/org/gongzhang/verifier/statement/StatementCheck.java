package org.gongzhang.verifier.statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.gongzhang.verifier.Finding;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleTree;

/**
 * Checks a statement against the entries of its bundle: it rests on the bundle's signed checkpoint,
 * or, once published, on an earlier prefix of the log whose root it names and which a signed entry
 * drafted it on; every entry it cites lies inside that checkpoint and is the posting it claims, and
 * every figure (balances, each category, totals, the transfer line, the itemised spending) is what
 * the entries give. Each difference is one finding naming the figure, the printed value and the
 * recomputed one.
 */
public final class StatementCheck {

    private final List<Finding> findings = new ArrayList<>();

    private StatementCheck() {
    }

    /**
     * What the check learnt besides its findings.
     *
     * @param statement the statement as parsed, when it could be
     * @param version   the drafted version whose content hash is this statement's, when it rests on a
     *                  checkpoint before the bundle's
     */
    public record Outcome(Optional<Statement> statement, Optional<StatementVersion> version) {
    }

    /**
     * Checks {@code json} against the bundle's readable {@code entries}, the Merkle leaf hashes of all
     * its lines, the statements its log drafted and its signed checkpoint; findings go to {@code out}.
     */
    public static Outcome check(String json, String book, List<SignedEntry> entries, List<byte[]> leafHashes,
            StatementLog log, Optional<Checkpoint> checkpoint, List<Finding> out) {
        Optional<StatementReplay> replay;
        try {
            replay = Optional.of(StatementReplay.of(Statement.parse(json)));
        } catch (IllegalArgumentException e) {
            replay = Optional.empty();
        }
        replay.ifPresent(r -> entries.subList(0, (int) Math.min(r.size(), entries.size()))
                .forEach(entry -> r.apply(entry.header())));
        return check(json, book, replay, entries.size(), leafHashes.size(),
                size -> MerkleTree.root(leafHashes.subList(0, (int) size)), log, checkpoint, out);
    }

    /**
     * {@link #check(String, String, List, List, StatementLog, Optional, List)} with the entries read
     * once, in order, instead of held: {@code replay} is {@link StatementReplay#of} the statement
     * {@code json} parses to (empty when it does not parse), fed the first
     * {@code min(replay.size(), readable)} entries; {@code readable} is how many entries from the
     * first are readable signed entries, {@code size} how many lines the bundle holds, and
     * {@code root} answers the Merkle root of the first {@code n ≤ size} of them.
     */
    public static Outcome check(String json, String book, Optional<StatementReplay> replay, long readable, long size,
            LongFunction<byte[]> root, StatementLog log, Optional<Checkpoint> checkpoint, List<Finding> out) {
        StatementCheck check = new StatementCheck();
        Statement statement;
        try {
            statement = Statement.parse(json);
        } catch (IllegalArgumentException e) {
            out.add(new Finding(Finding.WHOLE_LOG, "statement.unreadable", e.getMessage()));
            return new Outcome(Optional.empty(), Optional.empty());
        }
        if (replay.isEmpty() || !replay.get().statement().equals(statement)) {
            throw new IllegalArgumentException("the replay given is not of this statement");
        }
        if (!statement.book().equals(book)) {
            check.report("statement.book-mismatch", "the statement is for book " + statement.book()
                    + ", the bundle holds " + book);
        }
        Optional<StatementVersion> version = check.restsOn(statement, Statement.contentHash(json), size, root, log,
                checkpoint);
        check.check(statement, Statement.claimedTotals(json), readable, replay.get());
        out.addAll(check.findings);
        return new Outcome(Optional.of(statement), version);
    }

    /**
     * The statement rests on the bundle's signed checkpoint, or on a smaller one: then on the prefix of
     * the log a signed {@code statement.drafted} entry drafted it on, which the answer names.
     */
    private Optional<StatementVersion> restsOn(Statement statement, String contentHash, long held,
            LongFunction<byte[]> root, StatementLog log, Optional<Checkpoint> checkpoint) {
        if (checkpoint.isPresent() && statement.checkpointSize() < checkpoint.get().size()) {
            return published(statement, contentHash, held, root, log, checkpoint.get());
        }
        checkpoint.ifPresent(c -> {
            if (c.size() != statement.checkpointSize() || !Digests.hex(c.root()).equals(statement.checkpointRoot())) {
                report("statement.checkpoint-mismatch", "the statement rests on the checkpoint of size "
                        + statement.checkpointSize() + " and root " + statement.checkpointRoot()
                        + ", the bundle's signed checkpoint has size " + c.size() + " and root " + Digests.hex(c.root()));
            }
        });
        return Optional.empty();
    }

    private Optional<StatementVersion> published(Statement statement, String contentHash, long held,
            LongFunction<byte[]> rootOf, StatementLog log, Checkpoint checkpoint) {
        long size = statement.checkpointSize();
        if (size <= held) {
            String root = Digests.hex(rootOf.apply(size));
            if (!root.equals(statement.checkpointRoot())) {
                report("statement.checkpoint-mismatch", "the statement rests on the checkpoint of size " + size
                        + " and root " + statement.checkpointRoot() + ", the first " + size + " entries hash to " + root);
            }
        }
        Optional<StatementVersion> version = log.citing(contentHash);
        if (version.isEmpty()) {
            report("statement.not-signed", "no statement.drafted entry cites this statement.json (SHA-256 "
                    + contentHash + "): it rests on " + size + " entries, before the bundle's signed checkpoint of "
                    + checkpoint.size() + ", so only the drafted and signed-off version could vouch for it");
            return version;
        }
        long draftedAt = version.get().draftedAt();
        log.draftAt(draftedAt).filter(StatementLog.Draft::readable)
                .filter(d -> d.size() != size || !d.root().equals(statement.checkpointRoot()))
                .ifPresent(d -> findings.add(new Finding(draftedAt, "statement.checkpoint-mismatch",
                        "the draft of this statement rests on the checkpoint of size " + d.size() + " and root "
                                + d.root() + ", the statement itself on size " + size + " and root "
                                + statement.checkpointRoot())));
        return version;
    }

    private void check(Statement statement, long[] claimedTotals, long readable, StatementReplay replayed) {
        if (statement.checkpointSize() > readable) {
            report("statement.checkpoint-mismatch", "the statement rests on " + statement.checkpointSize()
                    + " entries, the bundle holds " + readable);
        }
        BookReplay replay = replayed.book();
        replay.problems().forEach(p -> report("statement.entry-unreadable", p));
        StatementFigures printed = statement.figures();
        StatementFigures computed = replayed.figures();
        figure("openingBalance (期初结余)", printed.openingBalance(), computed.openingBalance());
        categories("income (收入)", printed.income(), computed.income());
        figure("totalIncome (收入合计)", claimedTotals[0], computed.totalIncome());
        categories("expenses (支出)", printed.expenses(), computed.expenses());
        figure("totalExpenses (支出合计)", claimedTotals[1], computed.totalExpenses());
        figure("transferToMaintenanceFund (转入维修资金)", printed.transferToMaintenanceFund(),
                computed.transferToMaintenanceFund());
        figure("closingBalance (期末结余)", printed.closingBalance(), computed.closingBalance());
        addsUp(printed, claimedTotals);
        items(statement, printed.items(), computed.items(), replay);
    }

    /** The printed figures must add up among themselves, whatever the entries say. */
    private void addsUp(StatementFigures printed, long[] claimedTotals) {
        if (claimedTotals[0] != printed.totalIncome()) {
            report("statement.does-not-add-up", "totalIncome " + Fen.format(claimedTotals[0])
                    + " is not the sum of the income lines, " + Fen.format(printed.totalIncome()));
        }
        if (claimedTotals[1] != printed.totalExpenses()) {
            report("statement.does-not-add-up", "totalExpenses " + Fen.format(claimedTotals[1])
                    + " is not the sum of the expense lines, " + Fen.format(printed.totalExpenses()));
        }
        long closing = printed.openingBalance() + claimedTotals[0] - claimedTotals[1] - printed.transferToMaintenanceFund();
        if (closing != printed.closingBalance()) {
            report("statement.does-not-add-up", "opening " + Fen.format(printed.openingBalance()) + " + income "
                    + Fen.format(claimedTotals[0]) + " − expenses " + Fen.format(claimedTotals[1]) + " − transfer "
                    + Fen.format(printed.transferToMaintenanceFund()) + " = " + Fen.format(closing)
                    + ", not the printed closing balance " + Fen.format(printed.closingBalance()));
        }
    }

    private void items(Statement statement, List<StatementFigures.Item> printed, List<StatementFigures.Item> computed,
            BookReplay replay) {
        for (StatementFigures.Item item : printed) {
            if (item.entry() >= statement.checkpointSize()) {
                findings.add(new Finding(item.entry(), "statement.item-not-included", "the statement cites entry "
                        + item.entry() + ", outside the checkpoint of " + statement.checkpointSize() + " entries"));
                continue;
            }
            Optional<PostedVoucher> posted = replay.postedAt(item.entry());
            boolean matches = posted.filter(v -> v.voucherId().equals(item.voucherId()))
                    .filter(v -> v.lines().stream().anyMatch(l -> l.account().equals(item.account())
                            && l.netDebit() == item.amount())).isPresent();
            if (!matches) {
                findings.add(new Finding(item.entry(), "statement.item-mismatch", "the statement cites entry "
                        + item.entry() + " as posting voucher " + item.voucherId() + " with " + item.account() + " "
                        + Fen.format(item.amount()) + ", " + posted.map(v -> "which posts voucher " + v.voucherId()
                        + " with other lines").orElse("which posts no voucher")));
            }
        }
        for (StatementFigures.Item item : computed) {
            boolean listed = printed.stream().anyMatch(p -> p.entry() == item.entry() && p.account().equals(item.account())
                    && p.amount() == item.amount());
            if (!listed) {
                findings.add(new Finding(item.entry(), "statement.item-missing", "spending of "
                        + Fen.format(item.amount()) + " on " + item.account() + " " + item.name()
                        + " is at or above the threshold " + Fen.format(statement.itemThreshold())
                        + " but not itemised"));
            }
        }
    }

    private void categories(String what, List<StatementFigures.Category> printed, List<StatementFigures.Category> computed) {
        Map<String, Long> shown = amounts(printed);
        Map<String, Long> actual = amounts(computed);
        for (Map.Entry<String, Long> line : shown.entrySet()) {
            long real = actual.getOrDefault(line.getKey(), 0L);
            if (real != line.getValue()) {
                report("statement.figure-mismatch", what + " " + line.getKey() + ": the statement says "
                        + Fen.format(line.getValue()) + ", the entries give " + Fen.format(real));
            }
        }
        actual.forEach((account, amount) -> {
            if (!shown.containsKey(account)) {
                report("statement.figure-mismatch", what + " " + account + ": the entries give " + Fen.format(amount)
                        + ", the statement has no such line");
            }
        });
    }

    private static Map<String, Long> amounts(List<StatementFigures.Category> categories) {
        Map<String, Long> map = new LinkedHashMap<>();
        categories.forEach(c -> map.merge(c.account(), c.amount(), Long::sum));
        return map;
    }

    private void figure(String what, long printed, long computed) {
        if (printed != computed) {
            report("statement.figure-mismatch", what + ": the statement says " + Fen.format(printed)
                    + ", the entries give " + Fen.format(computed));
        }
    }

    private void report(String code, String message) {
        findings.add(new Finding(Finding.WHOLE_LOG, code, message));
    }
}
