package org.gongzhang.core.book;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
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
                .andGivenCommands(fx.reverse("r1", "v1", "2026-03-31"), fx.review("r1"), fx.post("r1"), fx.close("2026-03"))
                .andGivenCommands(fx.registerDisclosureKeys()).andGivenCommands(fx.publishedMarch("s1"))
                .andGivenCommands(fx.correct("s2", "s1", "2026-03", "2026-03"), fx.raise("o1", "s1", "2026-04-07"));
        fixture.when(fx.record("v2", "2026-04-01")).expectState(book -> {
            SerializedObject<byte[]> snapshot = serializer.serialize(book, byte[].class);
            Book restored = serializer.deserialize(snapshot);
            assertThat(mapper.valueToTree(restored).toString()).isEqualTo(mapper.valueToTree(book).toString());
            assertThat(mapper.valueToTree(restored).at("/periods/lastClosed/month").asInt()).isEqualTo(3);
            assertThat(mapper.valueToTree(restored).at("/statements/byId/s1/postingUntil").asText()).isEqualTo("2026-04-16");
            assertThat(mapper.valueToTree(restored).at("/statements/byId/s2/checkpoint/size").asLong()).isPositive();
            assertThat(mapper.valueToTree(restored).at("/objections/byId/o1/status").asText()).isEqualTo("SUBMITTED");
        });
    }

    @Test
    void aSnapshotTakenBeforeStatementsExistedRestoresWithNone() {
        AggregateTestFixture<Book> fixture = BookFixtures.aggregate();
        fixture.givenCommands(fx.open());
        fixture.when(fx.record("v1", "2026-03-15")).expectState(book -> {
            SerializedObject<byte[]> snapshot = serializer.serialize(book, byte[].class);
            Book restored = serializer.deserialize(new SimpleSerializedObject<>(
                    without(snapshot.getData(), "statements", "objections"), byte[].class, snapshot.getType()));
            assertThat(mapper.valueToTree(restored).at("/statements/byId")).isInstanceOf(ObjectNode.class).isEmpty();
            assertThat(mapper.valueToTree(restored).at("/objections/byId")).isInstanceOf(ObjectNode.class).isEmpty();
            assertThat(mapper.valueToTree(restored).at("/head/nextIndex").asLong()).isEqualTo(2);
        });
    }

    private byte[] without(byte[] json, String... fields) {
        try {
            ObjectNode state = (ObjectNode) mapper.readTree(json);
            state.remove(List.of(fields));
            return mapper.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
