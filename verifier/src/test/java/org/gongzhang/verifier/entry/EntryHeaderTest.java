package org.gongzhang.verifier.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The envelope's ids, hashes, instants and dates read by hand on the common path are exactly what the
 * patterns, {@link Instant#parse} and {@link LocalDate#parse} make of them, accepted or refused.
 */
class EntryHeaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-15T09:30:00Z", "2026-03-15T09:30:00.1Z", "2026-03-15T09:30:00.123456789Z",
            "2026-03-15T09:30:00.000Z", "2024-02-29T23:59:59Z", "2025-02-29T10:00:00Z", "2026-04-31T10:00:00Z",
            "2026-13-01T10:00:00Z", "2026-00-01T10:00:00Z", "2026-03-00T10:00:00Z", "2026-03-15T24:00:00Z",
            "2026-12-31T23:59:60Z", "2026-03-15T09:60:00Z", "2026-03-15t09:30:00z", "2026-03-15T09:30:00.Z",
            "2026-03-15T09:30:00.1234567890Z", "2026-03-15T09:30:00+08:00", "2026-03-15T09:30Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "+12026-03-15T09:30:00Z", "2026-03-15 09:30:00Z", "2026-3-15T09:30:00Z",
            "2026-03-15T09:30:0aZ", "２０２６-03-15T09:30:00Z", "2026-03-15T09:30:00"})
    void readsRecordedAtExactlyAsInstantParse(String recordedAt) {
        ObjectNode envelope = envelope().put("recordedAt", recordedAt);
        Instant expected;
        try {
            expected = Instant.parse(recordedAt);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> EntryHeader.parse(envelope)).isInstanceOf(MalformedEntry.class)
                    .hasMessageContaining("recordedAt");
            return;
        }
        assertThat(EntryHeader.parse(envelope).recordedAt()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-15", "2024-02-29", "2025-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
            "2026-01-00", "0000-01-01", "9999-12-31", "+2026-03-15", "2026-3-15", "2026-03-1a", "20260315", "2026/03/15",
            "2026-03-15T00:00:00Z", "２０２６-03-15"})
    void readsBusinessDateExactlyAsLocalDateParse(String businessDate) {
        ObjectNode envelope = envelope().put("businessDate", businessDate);
        LocalDate expected;
        try {
            expected = LocalDate.parse(businessDate);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> EntryHeader.parse(envelope)).isInstanceOf(MalformedEntry.class)
                    .hasMessageContaining("businessDate");
            return;
        }
        assertThat(EntryHeader.parse(envelope).businessDate()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "agent:li-na", "A.b_c:d-e", "-leading", ".leading", "_leading", ":leading", "has space",
            "公账", "x/y", "x+y", "é", "0"})
    void readsIdsExactlyAsTheirPattern(String id) {
        boolean valid = id.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

        for (String field : new String[] {"book", "actor", "keyId", "submission"}) {
            ObjectNode envelope = envelope().put(field, id);
            if (valid) {
                assertThat(EntryHeader.parse(envelope)).isNotNull();
            } else {
                assertThatThrownBy(() -> EntryHeader.parse(envelope)).isInstanceOf(MalformedEntry.class)
                        .hasMessageContaining(field).hasMessageContaining("not of the form");
            }
        }
    }

    @Test
    void takesIdsUpTo128Characters() {
        assertThat(EntryHeader.parse(envelope().put("actor", "a".repeat(128))).actor()).hasSize(128);
        assertThatThrownBy(() -> EntryHeader.parse(envelope().put("actor", "a".repeat(129))))
                .isInstanceOf(MalformedEntry.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000000000000000000000000000000000000000000000000000000000",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
            "gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg"})
    void readsPrevExactlyAsItsPattern(String prev) {
        ObjectNode envelope = envelope().put("prev", prev);

        if (prev.matches("[0-9a-f]{64}")) {
            assertThat(EntryHeader.parse(envelope).prev()).isEqualTo(prev);
        } else {
            assertThatThrownBy(() -> EntryHeader.parse(envelope)).isInstanceOf(MalformedEntry.class)
                    .hasMessageContaining("entry.prev");
        }
    }

    @Test
    void findsRolesAndKindsByName() {
        assertThat(Role.parse("COMMUNITY_AUDITOR")).contains(Role.COMMUNITY_AUDITOR);
        assertThat(Role.parse("community_auditor")).isEmpty();
        assertThat(Role.parse(null)).isEmpty();
        assertThat(EntryKind.byWireName("voucher.posted")).contains(EntryKind.VOUCHER_POSTED);
        assertThat(EntryKind.byWireName("voucher.Posted")).isEmpty();
        assertThat(EntryKind.byWireName(null)).isEmpty();
        for (EntryKind kind : EntryKind.values()) {
            assertThat(EntryKind.byWireName(kind.wireName())).contains(kind);
        }
    }

    private static ObjectNode envelope() {
        ObjectNode envelope = CanonicalJson.mapper().createObjectNode()
                .put("format", 1).put("book", "lanyuan-public").put("index", 3).put("prev", "0".repeat(64))
                .put("kind", "voucher.posted").put("actor", "agent:li-na").put("role", "AGENT_PREPARER")
                .put("keyId", "0123456789abcdef0123456789abcdef").put("suite", "ed25519").put("custodial", false)
                .put("submission", "s-1").put("recordedAt", "2026-03-15T09:30:00Z").put("businessDate", "2026-03-15");
        envelope.putObject("payload").put("voucherId", "v");
        return envelope;
    }
}
