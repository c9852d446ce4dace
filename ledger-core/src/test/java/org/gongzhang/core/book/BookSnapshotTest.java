package org.gongzhang.core.book;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.Test;

/** The book's state survives Axon's Jackson serializer, so the service can snapshot it. */
class BookSnapshotTest {

    private final BookFixtures fx = BookFixtures.ed25519();
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aSnapshotRestoresEveryPartOfTheState() {
        AggregateTestFixture<Book> fixture = BookFixtures.aggregate();
        BookFixtures.Signer leaver = fx.signer("agent:chen-jing", Role.AGENT_PREPARER, "陈静");
        fixture.givenCommands(fx.open(), fx.register(leaver), fx.openingBalances(BookFixtures.balance("100201", "debit", "10.00"),
                        BookFixtures.balance("3101", "credit", "10.00")), fx.addAccount("470105", "场地活动收入", "4701"),
                        fx.revoke(fx.auditor, leaver.keyId()))
                .andGivenCommands(fx.posted("v1", "2026-03-15"))
                .andGivenCommands(fx.reverse("r1", "v1", "2026-03-31"), fx.review("r1"), fx.post("r1"), fx.close("2026-03"));
        fixture.when(fx.record("v2", "2026-04-01")).expectState(book -> {
            SerializedObject<byte[]> snapshot = serializer.serialize(book, byte[].class);
            Book restored = serializer.deserialize(snapshot);
            assertThat(mapper.valueToTree(restored).toString()).isEqualTo(mapper.valueToTree(book).toString());
            assertThat(mapper.valueToTree(restored).at("/periods/lastClosed/month").asInt()).isEqualTo(3);
        });
    }

    @Test
    void restoredKeysStillDecideWhoMaySign() throws Exception {
        BookKeys keys = new BookKeys();
        SignedEntry genesis = fx.open().entry();
        keys.apply(genesis.header());
        keys.apply(fx.revoke(fx.auditor, fx.reviewer.keyId()).entry().header());

        BookKeys restored = mapper.readValue(mapper.writeValueAsString(keys), BookKeys.class);

        SignedEntry byPreparer = fx.record("v1", "2026-03-15").entry();
        SignedEntry byReviewer = fx.review("v1").entry();
        assertThat(restored.check(byPreparer, byPreparer.header())).isEmpty();
        assertThat(restored.check(byReviewer, byReviewer.header())).contains(KeyRegistry.Refusal.KEY_REVOKED);
        assertThat(restored.find(fx.reviewer.keyId()).orElseThrow().revokedAt()).isEqualTo(1);
    }
}
