package org.gongzhang.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.core.book.SpendingFixtures.and;
import static org.gongzhang.core.book.SpendingFixtures.passed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Spending governance state survives Axon's Jackson serializer, and snapshots from before it restore. */
class BookSpendingSnapshotTest {

    private final SpendingFixtures sx = new SpendingFixtures();
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aSnapshotRestoresRuleSetsRequestsDecisionsInterestsAndPayments() {
        AggregateTestFixture<Book> fixture = BookFixtures.aggregate();
        fixture.givenCommands(and(sx.opened(), sx.declare(sx.otherMember, SpendingFixtures.companyPayee("另一家公司")),
                sx.approvedByCommitteeAndCommunity("r1", "5000.00"), sx.pay("v1", "r1", "1000.00"),
                sx.raise("r2", "60000.00"), sx.decide(passed("d1", "ORDINARY", "r2")), sx.assembly("r2", "d1"),
                sx.increase(sx.member, "r1", "5400.00")));
        fixture.when(sx.pay("v2", "r1", "1000.00")).expectState(book -> {
            SerializedObject<byte[]> snapshot = serializer.serialize(book, byte[].class);
            Book restored = serializer.deserialize(snapshot);
            assertThat(mapper.valueToTree(restored).toString()).isEqualTo(mapper.valueToTree(book).toString());
            assertThat(mapper.valueToTree(restored).at("/spending/requests/r1/payments").size()).isEqualTo(2);
            assertThat(mapper.valueToTree(restored).at("/spending/requests/r1/approved/fen").asLong()).isEqualTo(500000);
        });
    }

    @Test
    void aSnapshotFromBeforeGovernanceRestoresWithNone() {
        AggregateTestFixture<Book> fixture = BookFixtures.aggregate();
        fixture.givenCommands(sx.fx.open());
        fixture.when(sx.fx.record("v1", "2026-03-15")).expectState(book -> {
            ObjectNode old = mapper.valueToTree(book);
            old.remove("spending");
            Book restored = serializer.deserialize(new SimpleSerializedObject<>(old.toString().getBytes(),
                    byte[].class, Book.class.getName(), null));
            assertThat(mapper.valueToTree(restored).get("spending").toString()).isEqualTo(
                    mapper.valueToTree(new Spending()).toString());
        });
    }
}
