package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimestampsTest {

    @Test
    void readsEveryTimeAxonWritesAsAxonWouldRead() {
        Random random = new Random(7);
        long from = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int n = 0; n < 100_000; n++) {
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)),
                    random.nextInt(1_000_000_000));
            String written = DateTimeUtils.formatInstant(instant);
            assertThat(EventTimestamps.parse(written)).as(written).isEqualTo(DateTimeUtils.parseInstant(written));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00.000Z", "2026-12-04T00:00:00.001Z",
            "0000-01-01T00:00:00.000Z", "2026-12-04T23:51:50.123+08:00", "2026-12-04t23:51:50.123z",
            "2026-12-04T23:51:50Z", "2026-12-04T23:51:50.123456789Z", "+10000-01-01T00:00:00.000Z"})
    void edgesAndOtherFormsAgreeWithAxon(String text) {
        assertThat(EventTimestamps.parse(text)).isEqualTo(DateTimeUtils.parseInstant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-12-04T24:00:00.000Z",
            "2026-12-04T23:60:00.000Z", "2026-12-04T23:59:61.000Z", "2026-12-0４T23:59:59.000Z",
            "2026-12-04T23:59:59.0a0Z", "2026-12-04 23:59:59.000Z", ""})
    void refusesWhatAxonRefuses(String text) {
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> EventTimestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
