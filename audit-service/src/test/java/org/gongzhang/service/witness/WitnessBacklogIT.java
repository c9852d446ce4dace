package org.gongzhang.service.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.gongzhang.service.log.Checkpoints;
import org.gongzhang.service.log.SplitViews;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.checkpoint.Cosigner;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The books a witness's retry sweep pushes, found in one query: those whose latest checkpoint the
 * witness has not cosigned as far as the service knows, never those it refused as a split view —
 * the same books as asking each book's latest checkpoint, split-view mark and cosigned size in turn.
 * The witness here is never reached (no server at its address), so only this test moves its state.
 */
class WitnessBacklogIT extends ServiceIT {

    @Autowired
    Witnesses witnesses;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    SplitViews splitViews;

    @Test
    void aBookIsBehindUntilTheWitnessHoldsItsLatestCheckpointAndNeverOnceRefusedAsASplitView() {
        IndependentWitness witness = new IndependentWitness(URI.create("http://127.0.0.1:9/"), Cosigner.of(
                "witness.backlog.example/" + UUID.randomUUID(), SignatureSuite.ED25519.generateKeyPair()).verifierKey());
        TestBook signed = TestBook.open(client);
        TestBook other = TestBook.open(client);
        long size = signCheckpoint(signed);
        List<String> ours = List.of(signed.id, other.id);

        assertThat(behind(witness, ours)).contains(signed.id).isEqualTo(oneByOne(witness, ours));
        witnesses.remember(signed.id, witness, size);
        assertThat(behind(witness, ours)).doesNotContain(signed.id).isEqualTo(oneByOne(witness, ours));
        witnesses.remember(signed.id, witness, size - 1);
        assertThat(behind(witness, ours)).as("it holds an older one").contains(signed.id).isEqualTo(oneByOne(witness, ours));

        splitViews.record(signed.id, witness.name(), size, 409, "not consistent", "request");
        assertThat(behind(witness, ours)).doesNotContain(signed.id).isEqualTo(oneByOne(witness, ours));
    }

    private List<String> behind(IndependentWitness witness, List<String> books) {
        return witnesses.behind(witness).stream().filter(books::contains).toList();
    }

    /** The sweep's question asked of each book in turn, as it was before. */
    private List<String> oneByOne(IndependentWitness witness, List<String> books) {
        return books.stream().sorted().filter(book -> checkpoints.latest(book)
                .filter(latest -> !splitViews.refusedBy(book, witness.name()))
                .filter(latest -> witnesses.cosignedSize(book, witness).orElse(-1) != latest.size())
                .isPresent()).toList();
    }

    private long signCheckpoint(TestBook book) {
        LedgerClient.Answer answer = client.as("zhao-min").post("/api/books/" + book.id + "/checkpoints", "", "en");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return checkpoints.latest(book.id).orElseThrow().size();
    }
}
