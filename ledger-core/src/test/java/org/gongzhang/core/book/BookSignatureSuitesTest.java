package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.refusal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.PeriodClosedEvent;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A whole month under each signature suite: ed25519 and 国密 sm2-sm3. */
class BookSignatureSuitesTest {

    private final AggregateTestFixture<Book> fixture = BookFixtures.aggregate();

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void keepsAMonthOfBooksUnderEverySuite(SignatureSuite suite) {
        BookFixtures fx = new BookFixtures(suite);
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-15"))
                .andGivenCommands(fx.posted("v2", "2026-03-20"))
                .andGivenCommands(fx.reverse("r1", "v1", "2026-03-31"), fx.review("r1"), fx.post("r1"));
        AppendEntryCommand close = fx.close("2026-03");
        fixture.when(close).expectEvents(new PeriodClosedEvent(close.entry()));
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void refusesAForgedSignatureUnderEverySuite(SignatureSuite suite) {
        BookFixtures fx = new BookFixtures(suite);
        fixture.givenCommands(fx.open());
        fixture.when(fx.append(fx.forged(fx.preparer, "voucher.recorded", BookFixtures.parkingFee("v1", "2026-03-15"))))
                .expectException(refusal("entry.signature.invalid", "signature"));
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void registersAKeyOfTheOtherSuite(SignatureSuite suite) {
        BookFixtures fx = new BookFixtures(suite);
        SignatureSuite other = suite == SignatureSuite.ED25519 ? SignatureSuite.SM2_SM3 : SignatureSuite.ED25519;
        BookFixtures.Signer mixed = new BookFixtures(other).signer("agent:chen-jing", Role.AGENT_PREPARER, "陈静");
        fixture.givenCommands(fx.open(), fx.register(mixed));
        fixture.when(fx.append(mixed, "voucher.recorded", BookFixtures.parkingFee("v1", "2026-03-15")))
                .expectSuccessfulHandlerExecution();
    }
}
