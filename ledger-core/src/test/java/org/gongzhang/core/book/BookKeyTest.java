package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.refusal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.KeyRegisteredEvent;
import org.gongzhang.core.book.api.KeyRevokedEvent;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 登记公钥 / 吊销公钥: keys enter and leave the book by signed entries. */
class BookKeyTest {

    private AggregateTestFixture<Book> fixture;
    private BookFixtures fx;
    private BookFixtures.Signer newPreparer;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        fx = BookFixtures.ed25519();
        newPreparer = fx.signer("agent:chen-jing", Role.AGENT_PREPARER, "陈静");
    }

    @Test
    void theCommunityAuditorRegistersAKey() {
        fixture.givenCommands(fx.open());
        AppendEntryCommand register = fx.register(newPreparer);
        fixture.when(register).expectEvents(new KeyRegisteredEvent(register.entry()));
    }

    @Test
    void aRegisteredKeySignsFromTheNextEntryOn() {
        fixture.givenCommands(fx.open(), fx.register(newPreparer));
        fixture.when(fx.append(newPreparer, "voucher.recorded", BookFixtures.parkingFee("v1", "2026-03-15")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyTheCommunityAuditorRegistersKeys() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.append(fx.reviewer, "key.registered", newPreparer.grant()))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void cannotRegisterAKeyTwice() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.register(fx.preparer)).expectException(refusal("key.already-registered", "entry.payload.keyId"));
    }

    @Test
    void cannotRegisterAKeyUnderAnotherKeysId() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.append(fx.auditor, "key.registered", newPreparer.grant().put("keyId", fx.reviewer.keyId())))
                .expectException(refusal("entry.malformed", "entry.payload.keyId"));
    }

    @Test
    void theCommunityAuditorRevokesAKey() {
        fixture.givenCommands(fx.open());
        AppendEntryCommand revoke = fx.revoke(fx.auditor, fx.preparer.keyId());
        fixture.when(revoke).expectEvents(new KeyRevokedEvent(revoke.entry()));
    }

    @Test
    void aKeyHolderRevokesTheirOwnKey() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.revoke(fx.preparer, fx.preparer.keyId())).expectSuccessfulHandlerExecution();
    }

    @Test
    void aKeyHolderCannotRevokeSomeoneElsesKey() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.revoke(fx.preparer, fx.reviewer.keyId()))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void cannotRevokeAnUnknownKey() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.revoke(fx.auditor, "0".repeat(32))).expectException(refusal("key.unknown", "entry.payload.keyId"));
    }

    @Test
    void cannotRevokeAKeyTwice() {
        fixture.givenCommands(fx.open(), fx.revoke(fx.auditor, fx.preparer.keyId()));
        fixture.when(fx.revoke(fx.auditor, fx.preparer.keyId()))
                .expectException(refusal("key.already-revoked", "entry.payload.keyId"));
    }

    @Test
    void cannotRevokeWithoutAReason() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.append(fx.auditor, "key.revoked",
                        BookFixtures.json().put("keyId", fx.preparer.keyId()).put("reason", "")))
                .expectException(refusal("key.revoke.reason.blank", "entry.payload.reason"));
    }
}
