package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The event table's time stamps read as Axon reads them, whatever their text. */
class StoredTimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-05T08:25:36.123Z", "2026-01-01T00:00:00.000Z", "1999-12-31T23:59:59.999Z",
            "2028-02-29T12:00:00.001Z", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"})
    void textAsAxonWritesItReadsAsAxonReadsIt(String stored) {
        Instant parsed = StoredTimestamps.parse(stored);

        assertThat(parsed).isEqualTo(DateTimeUtils.parseInstant(stored));
        assertThat(DateTimeUtils.formatInstant(parsed)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-05T08:25:36Z", "2026-12-05T08:25:36.123456789Z", "2026-12-05T16:25:36.123+08:00",
            "2026-12-05t08:25:36.123z"})
    void anyOtherFormAxonReadsIsReadByAxon(String stored) {
        assertThat(StoredTimestamps.parse(stored)).isEqualTo(DateTimeUtils.parseInstant(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T08:25:36.123Z", "2026-13-05T08:25:36.123Z", "2026-12-05T24:25:36.123Z",
            "2026-12-05T08:25:6x.123Z", "not a time at all", ""})
    void whatAxonRefusesIsRefusedAsAxonRefusesIt(String stored) {
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(stored)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse(stored)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void theFastFormIsTheOneAxonWrites() {
        Instant now = Instant.parse("2026-12-05T08:25:36.123456Z");

        String written = DateTimeUtils.formatInstant(now);

        assertThat(written).isEqualTo("2026-12-05T08:25:36.123Z");
        assertThat(StoredTimestamps.parse(written)).isEqualTo(Instant.parse("2026-12-05T08:25:36.123Z"));
    }
}
