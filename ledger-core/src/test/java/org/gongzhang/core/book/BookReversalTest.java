package org.gongzhang.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.core.book.BookFixtures.parkingFee;
import static org.gongzhang.core.book.BookFixtures.refusal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.VoucherPostedEvent;
import org.gongzhang.core.book.api.VoucherReversedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 红字冲销: a posted voucher is cancelled by a red voucher, then corrected by a blue one (订正). */
class BookReversalTest {

    private AggregateTestFixture<Book> fixture;
    private BookFixtures fx;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        fx = BookFixtures.ed25519();
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-15"));
    }

    @Test
    void reversesAPostedVoucherWithARedVoucherInTheRecordedState() {
        AppendEntryCommand reverse = fx.reverse("r1", "v1", "2026-04-01");
        fixture.when(reverse)
                .expectEvents(new VoucherReversedEvent(reverse.entry()))
                .expectState(book -> {
                    JsonNode red = new ObjectMapper().valueToTree(book).path("vouchers").path("byId").path("r1");
                    assertThat(red.path("status").asText()).isEqualTo("RECORDED");
                    assertThat(red.path("lines").get(0).path("amount").path("fen").asLong()).isEqualTo(-1234567);
                    assertThat(red.path("lines").get(0).path("side").asText()).isEqualTo("DEBIT");
                    assertThat(red.path("period").path("month").asInt()).isEqualTo(4);
                });
    }

    @Test
    void theRedVoucherIsReviewedAndPostedWithTheNextNumberOfItsPeriod() {
        fixture.andGivenCommands(fx.posted("v2", "2026-04-01"));
        fixture.andGivenCommands(fx.reverse("r1", "v1", "2026-04-02"), fx.review("r1"));
        AppendEntryCommand post = fx.post("r1");
        fixture.when(post).expectEvents(new VoucherPostedEvent(post.entry(), "记", "2026-04", 2));
    }

    @Test
    void theCorrectedVoucherCitesTheOneItCorrects() {
        fixture.andGivenCommands(fx.reverse("r1", "v1", "2026-04-01"));
        fixture.when(fx.record(parkingFee("v2", "2026-04-01").put("corrects", "v1"))).expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotReverseAVoucherTwice() {
        fixture.andGivenCommands(fx.reverse("r1", "v1", "2026-04-01"));
        fixture.when(fx.reverse("r2", "v1", "2026-04-01"))
                .expectException(refusal("voucher.reverse.already-reversed", "entry.payload.reverses"));
    }

    @Test
    void cannotReverseAnUnpostedVoucher() {
        fixture.andGivenCommands(fx.record("v2", "2026-03-16"));
        fixture.when(fx.reverse("r1", "v2", "2026-04-01"))
                .expectException(refusal("voucher.reverse.not-posted", "entry.payload.reverses"));
    }

    @Test
    void cannotReverseAnUnknownVoucher() {
        fixture.when(fx.reverse("r1", "v9", "2026-04-01"))
                .expectException(refusal("voucher.unknown", "entry.payload.reverses"));
    }

    @Test
    void cannotDateTheRedVoucherInAClosedPeriod() {
        fixture.andGivenCommands(fx.close("2026-03"));
        fixture.when(fx.reverse("r1", "v1", "2026-03-31"))
                .expectException(refusal("voucher.period.closed", "entry.payload.date"));
    }

    @Test
    void cannotReuseAVoucherIdForTheRedVoucher() {
        fixture.when(fx.reverse("v1", "v1", "2026-04-01"))
                .expectException(refusal("voucher.id.duplicate", "entry.payload.voucherId"));
    }

    @Test
    void cannotReverseWithoutAReason() {
        fixture.when(fx.append(fx.preparer, "voucher.reversed", BookFixtures.json().put("voucherId", "r1")
                        .put("reverses", "v1").put("date", "2026-04-01").put("reason", "")))
                .expectException(refusal("voucher.reverse.reason.blank", "entry.payload.reason"));
    }

    @Test
    void onlyThePreparerSignsAReversal() {
        fixture.when(fx.append(fx.reviewer, "voucher.reversed", BookFixtures.json().put("voucherId", "r1")
                        .put("reverses", "v1").put("date", "2026-04-01").put("reason", "金额录错")))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }
}
