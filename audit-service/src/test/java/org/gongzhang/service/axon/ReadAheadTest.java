package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.gongzhang.core.book.api.VoucherRecordedEvent;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.MalformedEntry;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.Test;

/**
 * The reporting processor's sequencing: the same segments as Axon's default, and the event read
 * (time stamp, payload, envelope) by whoever asks, which is the pooled processor's coordinator.
 */
class ReadAheadTest {

    private static final Instant RECORDED = Instant.parse("2026-04-02T02:00:00Z");

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final AtomicInteger timestampReads = new AtomicInteger();
    private final ReadAhead readAhead = new ReadAhead();

    @Test
    void anEventIsSequencedByItsBookAsAxonsDefaultWouldAndIsReadOnTheAskingThread() throws Exception {
        SerializedMessage<VoucherRecordedEvent> stored = stored(new VoucherRecordedEvent(entry("\"lanyuan-public\"")));
        TrackedEventMessage<VoucherRecordedEvent> event = tracked(stored);

        Object sequence = readAhead.getSequenceIdentifierFor(event);

        assertThat(sequence).isEqualTo("lanyuan-public")
                .isEqualTo(SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event));
        assertThat(stored.isPayloadDeserialized()).as("payload deserialized").isTrue();
        assertThat(timestampReads).as("time stamp parsed once, and kept").hasValue(1);
        assertThat(parsedHeader(event.getPayload().entry())).as("envelope parsed and kept").isNotNull();
        event.getTimestamp();
        assertThat(timestampReads).hasValue(1);
    }

    @Test
    void anEventWhoseEntryCannotBeReadIsStillSequencedAndLeftToItsHandler() throws Exception {
        SignedEntry malformed = entry("\"Not An Id!\"");
        TrackedEventMessage<VoucherRecordedEvent> event = tracked(stored(new VoucherRecordedEvent(malformed)));

        assertThat(readAhead.getSequenceIdentifierFor(event)).isEqualTo("lanyuan-public");
        assertThat(parsedHeader(malformed)).isNull();
        assertThatThrownBy(() -> event.getPayload().header()).isInstanceOf(MalformedEntry.class);
    }

    @Test
    void aPayloadThatCannotBeDeserializedIsStillSequenced() {
        SerializedObject<byte[]> garbage = new org.axonframework.serialization.SimpleSerializedObject<>(
                "{\"entry\":".getBytes(java.nio.charset.StandardCharsets.UTF_8), byte[].class,
                VoucherRecordedEvent.class.getName(), null);
        SerializedMessage<VoucherRecordedEvent> stored = new SerializedMessage<>("event-2", garbage,
                serializer.serialize(MetaData.emptyInstance(), byte[].class), serializer);
        TrackedEventMessage<VoucherRecordedEvent> event = tracked(stored);

        assertThat(readAhead.getSequenceIdentifierFor(event)).isEqualTo("lanyuan-public");
        assertThatThrownBy(event::getPayload).isInstanceOf(RuntimeException.class);
    }

    private SerializedMessage<VoucherRecordedEvent> stored(VoucherRecordedEvent payload) {
        return new SerializedMessage<>("event-1", serializer.serialize(payload, byte[].class),
                serializer.serialize(MetaData.emptyInstance(), byte[].class), serializer);
    }

    private TrackedEventMessage<VoucherRecordedEvent> tracked(SerializedMessage<VoucherRecordedEvent> stored) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(7), "Book", "lanyuan-public", 3,
                stored, () -> {
                    timestampReads.incrementAndGet();
                    return RECORDED;
                });
    }

    private static SignedEntry entry(String book) {
        return new SignedEntry("{\"actor\":\"agent:li-na\",\"book\":" + book + ",\"businessDate\":\"2026-03-15\","
                + "\"custodial\":false,\"format\":1,\"index\":3,\"keyId\":\"k1\",\"kind\":\"voucher.recorded\","
                + "\"payload\":{},\"prev\":\"" + "0".repeat(64) + "\",\"recordedAt\":\"2026-04-02T02:00:00Z\","
                + "\"role\":\"AGENT_PREPARER\",\"submission\":\"s1\",\"suite\":\"ed25519\"}", "c2ln");
    }

    /** The envelope a signed entry keeps once it has been parsed (null before). */
    private static EntryHeader parsedHeader(SignedEntry entry) throws ReflectiveOperationException {
        java.lang.reflect.Field header = SignedEntry.class.getDeclaredField("header");
        header.setAccessible(true);
        return (EntryHeader) header.get(entry);
    }
}
