package org.gongzhang.service.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.service.support.Cli;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.Problems;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.bundle.BundleReader;
import org.gongzhang.verifier.bundle.BundleWriter;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.statement.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A demo statement exported with its bundle verifies offline; a figure changed in it does not. */
class StatementBundlesIT extends ServiceIT {

    private static final String DEMO = "lanyuan-public";

    @TempDir
    Path dir;

    @Test
    void theDemoYearsStatementVerifiesOfflineWithTheCli() throws Exception {
        List<String> closed = closedPeriods();
        Path bundle = dir.resolve("year.zip");
        Cli export = Cli.run("export", "--server", "http://localhost:" + port, "--book", DEMO, "--out", bundle.toString(),
                "--from", closed.get(0), "--to", closed.get(closed.size() - 1));
        assertThat(export.exit()).as(export.err()).isZero();

        Statement statement = Statement.parse(BundleReader.read(bundle).statement().orElseThrow());
        assertThat(statement.figures().totalIncome()).isPositive();
        assertThat(statement.figures().totalExpenses()).isPositive();
        assertThat(statement.figures().transferToMaintenanceFund()).as("the demo moves money to the maintenance fund")
                .isPositive();
        assertThat(statement.figures().items()).as("itemised spending at or above 5,000.00").isNotEmpty();
        assertThat(statement.figures().closingBalance()).isEqualTo(statement.figures().openingBalance()
                + statement.figures().totalIncome() - statement.figures().totalExpenses()
                - statement.figures().transferToMaintenanceFund());

        Cli verify = Cli.run("verify", bundle.toString(), "--log-key", logKey().toString());
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("statement " + closed.get(0), "every figure agrees with the entries");
    }

    @Test
    void aQuarterRestingOnAnEarlierCheckpointVerifies() throws Exception {
        List<String> closed = closedPeriods();
        long size = client.get("/api/books/" + DEMO + "/checkpoints").json().get(0).get("size").asLong();
        Path bundle = dir.resolve("q.zip");
        Files.write(bundle, client.getBytes("/api/books/" + DEMO + "/bundle?size=" + size + "&from=" + closed.get(0)
                + "&to=" + closed.get(0) + "&threshold=1000.00"));

        Statement statement = Statement.parse(BundleReader.read(bundle).statement().orElseThrow());
        assertThat(statement.checkpointSize()).isEqualTo(size);
        assertThat(statement.itemThreshold()).isEqualTo(100_000);
        assertThat(Cli.run("verify", bundle.toString(), "--log-key", logKey().toString()).exit()).isZero();
    }

    @Test
    void aStatementFigureChangedAfterExportFailsVerificationNamingIt() throws Exception {
        List<String> closed = closedPeriods();
        Bundle bundle = BundleReader.read(client.getBytes("/api/books/" + DEMO + "/bundle?from=" + closed.get(0)
                + "&to=" + closed.get(closed.size() - 1)));
        ObjectNode json = (ObjectNode) CanonicalJson.parse(bundle.statement().orElseThrow());
        ObjectNode firstIncome = (ObjectNode) json.get("income").get(0);
        firstIncome.put("amount", "1.00");
        Path file = dir.resolve("tampered.zip");
        BundleWriter.write(bundle.withStatement(CanonicalJson.canonicalize(json)), file);

        Cli verify = Cli.run("verify", file.toString(), "--log-key", logKey().toString());

        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("statement.figure-mismatch", firstIncome.get("account").asText(),
                "statement.does-not-add-up");
    }

    @Test
    void badPeriodsAndThresholdsAreRefusedInTheCallersLanguage() {
        refused("from=2026-13&to=2026-12", "statement.period.invalid", "from");
        refused("from=2026-06", "statement.period.invalid", "to");
        refused("from=2026-06&to=2026-03", "statement.period.reversed", "from");
        refused("from=2026-01&to=2026-03&threshold=-5", "statement.threshold.invalid", "threshold");
        refused("from=2026-01&to=2026-03&threshold=1.234", "statement.threshold.invalid", "threshold");
        Answer zh = client.get("/api/books/" + DEMO + "/bundle?from=2026-06&to=2026-03");
        assertThat(zh.json().get("detail").asText()).contains("起始期间不能晚于截止期间");
    }

    private void refused(String query, String code, String field) {
        long checkpoints = client.get("/api/books/" + DEMO + "/checkpoints").json().size();
        Problems.assertProblem(client.get("/api/books/" + DEMO + "/bundle?" + query), 422, code, field);
        assertThat(client.get("/api/books/" + DEMO + "/checkpoints").json().size()).as("nothing signed")
                .isEqualTo(checkpoints);
    }

    private List<String> closedPeriods() {
        List<String> periods = new ArrayList<>();
        client.get("/api/books/" + DEMO + "/entries?limit=1000").json().forEach(leaf -> {
            JsonNode entry = leaf.get("entry");
            if (entry.get("kind").asText().equals("period.closed")) {
                periods.add(entry.get("payload").get("period").asText());
            }
        });
        assertThat(periods).hasSizeGreaterThan(2);
        return periods;
    }

    private org.gongzhang.verifier.checkpoint.NoteVerifierKey logKey() {
        return org.gongzhang.verifier.checkpoint.NoteVerifierKey.parse(client.get("/api/log-key").body().strip());
    }
}
