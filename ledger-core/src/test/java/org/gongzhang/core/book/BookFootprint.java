package org.gongzhang.core.book;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * Memory benchmark (not a test: run its {@code main}): the heap a book in memory takes per posted
 * voucher, as the service's book cache holds it. Builds a book with one posted two-line voucher,
 * takes its snapshot, copies that voucher's state under {@code N} ids over a year's dates and
 * amounts, restores books from the result and measures the heap they keep after a full GC.
 *
 * <pre>java -cp ledger-core/target/test-classes:ledger-core/target/classes:$(cat cp.txt) \
 *     org.gongzhang.core.book.BookFootprint [vouchers per book] [books]</pre>
 */
public final class BookFootprint {

    private BookFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int vouchers = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int books = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        ObjectMapper mapper = new ObjectMapper();

        BookFixtures fx = BookFixtures.ed25519();
        AggregateTestFixture<Book> fixture = BookFixtures.aggregate();
        AtomicReference<Book> built = new AtomicReference<>();
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-15"))
                .when(fx.record("v2", "2026-03-16")).expectState(built::set);
        ObjectNode state = (ObjectNode) mapper.readTree(serializer.serialize(built.get(), byte[].class).getData());
        ObjectNode byId = (ObjectNode) state.at("/vouchers/byId");
        ObjectNode template = (ObjectNode) byId.get("v1");
        byId.removeAll();
        LocalDate first = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < vouchers; i++) {
            ObjectNode copy = template.deepCopy();
            LocalDate date = first.plusDays(i % 365);
            copy.put("date", date.toString());
            copy.putObject("period").put("year", date.getYear()).put("month", date.getMonthValue());
            copy.put("number", i + 1);
            for (var line : copy.withArray("lines")) {
                ((ObjectNode) line).putObject("amount").put("fen", 100 + i);
            }
            byId.set(String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", i, i * 7919L), copy);
        }
        SerializedObject<byte[]> snapshot = new SimpleSerializedObject<>(mapper.writeValueAsBytes(state), byte[].class,
                serializer.serialize(built.get(), byte[].class).getType());
        System.out.printf(Locale.ROOT, "snapshot of a book with %,d posted vouchers: %,d bytes; template voucher %s%n",
                vouchers, snapshot.getData().length, template);

        long before = heapAfterGc();
        List<Book> held = new ArrayList<>();
        for (int b = 0; b < books; b++) {
            held.add(serializer.deserialize(snapshot));
        }
        long after = heapAfterGc();
        System.out.printf(Locale.ROOT, "%d books of %,d vouchers restored: heap %,d → %,d bytes, %,.0f bytes per voucher%n",
                held.size(), vouchers, before, after, (after - before) / (double) (books * (long) vouchers));
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
