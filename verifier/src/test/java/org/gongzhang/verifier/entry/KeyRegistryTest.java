package org.gongzhang.verifier.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.gongzhang.verifier.fixtures.TestSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyRegistryTest {

    private final BookFixture book = BookFixture.opened();
    private final KeyRegistry registry = new KeyRegistry();

    @BeforeEach
    void applyGenesis() {
        SignedEntry genesis = book.entries().get(0);
        assertThat(registry.check(genesis, genesis.header())).isEmpty();
        registry.apply(genesis.header());
    }

    @Test
    void acceptsAnEntrySignedByARegisteredKeyOfTheRightActorAndRole() {
        assertThat(check(book.preparer, voucher())).isEmpty();
    }

    @Test
    void refusesAnUnknownKey() {
        assertThat(check(book.preparer.withNewKey(), voucher())).contains(KeyRegistry.Refusal.KEY_UNKNOWN);
    }

    @Test
    void refusesARevokedKey() {
        registry.apply(signed(book.auditor, "key.revoked", revoke(book.preparer)).header());

        assertThat(check(book.preparer, voucher())).contains(KeyRegistry.Refusal.KEY_REVOKED);
    }

    @Test
    void refusesAKeyUsedForAnotherActor() {
        var impostor = new TestSigner("agent:zhang-san", book.preparer.role(), "张三", book.preparer.key());

        assertThat(check(impostor, voucher())).contains(KeyRegistry.Refusal.KEY_NOT_ACTORS);
    }

    @Test
    void refusesAKeyUsedForAnotherRole() {
        var otherRole = new TestSigner(book.preparer.actor(), Role.AGENT_REVIEWER, "李娜", book.preparer.key());

        assertThat(check(otherRole, BookFixture.payload("voucherId", "v"), "voucher.reviewed"))
                .contains(KeyRegistry.Refusal.KEY_ROLE_MISMATCH);
    }

    @Test
    void refusesARoleThatMayNotSignTheKind() {
        assertThat(check(book.reviewer, voucher())).contains(KeyRegistry.Refusal.ROLE_NOT_PERMITTED);
    }

    @Test
    void refusesAnUnknownKind() {
        assertThat(check(book.preparer, voucher(), "voucher.stolen")).contains(KeyRegistry.Refusal.KIND_UNKNOWN);
    }

    @Test
    void allowsAKeyToRevokeItself() {
        assertThat(check(book.preparer, revoke(book.preparer), "key.revoked")).isEmpty();
    }

    @Test
    void refusesAKeyRevokingAnotherOneUnlessItIsAnAuditors() {
        assertThat(check(book.preparer, revoke(book.reviewer), "key.revoked")).contains(KeyRegistry.Refusal.ROLE_NOT_PERMITTED);
        assertThat(check(book.auditor, revoke(book.reviewer), "key.revoked")).isEmpty();
    }

    @Test
    void refusesABadSignature() {
        SignedEntry entry = signed(book.preparer, "voucher.recorded", voucher());
        SignedEntry forged = new SignedEntry(entry.entry(), book.entries().get(0).signature());

        assertThat(registry.check(forged, forged.header())).contains(KeyRegistry.Refusal.SIGNATURE_INVALID);
    }

    @Test
    void refusesASignatureThatIsNotBase64() {
        SignedEntry entry = signed(book.preparer, "voucher.recorded", voucher());
        SignedEntry garbage = new SignedEntry(entry.entry(), "not base64!");

        assertThat(registry.check(garbage, garbage.header())).contains(KeyRegistry.Refusal.SIGNATURE_INVALID);
    }

    @Test
    void aSignatureThatHeldIsNotCheckedAgainUnderTheSameKey() {
        SignedEntry entry = signed(book.preparer, "voucher.recorded", voucher());
        long before = KeyRegistry.signaturesChecked();

        assertThat(registry.check(entry, entry.header())).isEmpty();
        assertThat(registry.check(entry, entry.header())).isEmpty();

        assertThat(KeyRegistry.signaturesChecked() - before).isEqualTo(1);
    }

    @Test
    void aSignatureIsCheckedAheadOfTheBookUnderTheKeyARegistryResolvedForItsId() {
        check(book.preparer, voucher()); // this registry resolves the preparer's key
        SignedEntry entry = signed(book.preparer, "voucher.recorded", voucher());
        long before = KeyRegistry.signaturesChecked();

        assertThat(KeyRegistry.verifyAhead(entry, entry.header())).isTrue();
        assertThat(registry.check(entry, entry.header())).isEmpty();

        assertThat(KeyRegistry.signaturesChecked() - before).isEqualTo(1);
    }

    @Test
    void aForgedSignatureFailsAheadAndTheBookStillRefusesIt() {
        check(book.preparer, voucher());
        SignedEntry entry = signed(book.preparer, "voucher.recorded", voucher());
        SignedEntry forged = new SignedEntry(entry.entry(), book.entries().get(0).signature());

        assertThat(KeyRegistry.verifyAhead(forged, forged.header())).isFalse();
        assertThat(registry.check(forged, forged.header())).contains(KeyRegistry.Refusal.SIGNATURE_INVALID);
    }

    @Test
    void aKeyNoRegistryResolvedIsNotUsedAhead() {
        var stranger = book.preparer.withNewKey();
        SignedEntry entry = signed(stranger, "voucher.recorded", voucher());
        long before = KeyRegistry.signaturesChecked();

        assertThat(KeyRegistry.verifyAhead(entry, entry.header())).isFalse();
        assertThat(KeyRegistry.signaturesChecked()).isEqualTo(before);
        assertThat(registry.check(entry, entry.header())).contains(KeyRegistry.Refusal.KEY_UNKNOWN);
    }

    @Test
    void aSignatureThatHeldUnderOneKeyIsCheckedAgainUnderAnother() {
        SignedEntry entry = signed(book.preparer, "voucher.recorded", voucher());
        var preparerKey = publicKeyOf(book.preparer);
        var otherKey = publicKeyOf(book.preparer.withNewKey());

        assertThat(KeyRegistry.signatureHolds(SignatureSuite.ED25519, preparerKey, entry)).isTrue();
        long before = KeyRegistry.signaturesChecked();

        assertThat(KeyRegistry.signatureHolds(SignatureSuite.ED25519, otherKey, entry)).isFalse();
        assertThat(KeyRegistry.signaturesChecked() - before).isEqualTo(1);
    }

    @Test
    void registeringAKeyWhoseIdIsNotItsFingerprintIsAMalformedEntry() {
        ObjectNode registration = book.preparer.withNewKey().registration().put("keyId", "ab".repeat(16));
        SignedEntry entry = signed(book.auditor, "key.registered", registration);

        assertThatThrownBy(() -> registry.apply(entry.header())).isInstanceOf(MalformedEntry.class)
                .hasMessageContaining("fingerprint");
    }

    @Test
    void aRegisteredKeyMaySignFromTheNextEntryOn() {
        var newcomer = book.reviewer.withNewKey();
        registry.apply(signed(book.auditor, "key.registered", newcomer.registration()).header());

        assertThat(check(newcomer, BookFixture.payload("voucherId", "v"), "voucher.reviewed")).isEmpty();
    }

    @Test
    void theServiceClerkKeyIsRegisteredLikeAnyOtherAndSignsOnlyEscalations() {
        var clerk = TestSigner.seeded("service:lanyuan-clerk", Role.SERVICE, SignatureSuite.ED25519, "公账系统");
        registry.apply(signed(book.auditor, "key.registered", clerk.registration()).header());

        ObjectNode escalation = BookFixture.payload("objectionId", "o1").put("reason", "DEADLINE");
        assertThat(check(clerk, escalation, "objection.escalated")).isEmpty();
        assertThat(check(clerk, BookFixture.payload("objectionId", "o1"), "objection.accepted"))
                .contains(KeyRegistry.Refusal.ROLE_NOT_PERMITTED);
        assertThat(check(clerk, voucher())).contains(KeyRegistry.Refusal.ROLE_NOT_PERMITTED);
    }

    @Test
    void aPropertyCompanyKeyIsRegisteredAndSignsOnlyItsRequests() {
        var company = TestSigner.seeded("company:lvcheng-wuye", Role.PROPERTY_COMPANY, SignatureSuite.ED25519, "绿城物业");
        registry.apply(signed(book.auditor, "key.registered", company.registration()).header());

        assertThat(registry.find(company.key().keyId())).hasValueSatisfying(
                key -> assertThat(key.role()).isEqualTo(Role.PROPERTY_COMPANY));
        assertThat(EntryKind.values()).filteredOn(kind -> kind.signers().contains(Role.PROPERTY_COMPANY))
                .allMatch(kind -> kind.wireName().startsWith("request."));
        assertThat(check(company, voucher())).contains(KeyRegistry.Refusal.ROLE_NOT_PERMITTED);
    }

    @Test
    void onlyAnOwnerRaisesAnObjectionAndNeverTheDrafterSignsOff() {
        var owner = TestSigner.seeded("owner:7f3a9c", Role.OWNER, SignatureSuite.ED25519, null);
        registry.apply(signed(book.auditor, "key.registered", owner.registration()).header());
        ObjectNode objection = BookFixture.payload("objectionId", "o1");

        assertThat(check(owner, objection, "objection.raised")).isEmpty();
        assertThat(check(book.preparer, objection, "objection.raised")).contains(KeyRegistry.Refusal.ROLE_NOT_PERMITTED);
        assertThat(check(book.preparer, BookFixture.payload("statementId", "s1"), "statement.signed"))
                .contains(KeyRegistry.Refusal.ROLE_NOT_PERMITTED);
    }

    @Test
    void aGenesisSignerMustBeAmongTheKeysItRegisters() {
        var outsider = book.preparer.withNewKey();
        ObjectNode payload = (ObjectNode) book.entries().get(0).header().payload();
        SignedEntry genesis = SignedEntry.sign(book.envelope(outsider, "book.opened", payload, 0, SignedEntry.GENESIS_PREV),
                outsider.key());

        assertThat(new KeyRegistry().check(genesis, genesis.header())).contains(KeyRegistry.Refusal.KEY_UNKNOWN);
    }

    private Optional<KeyRegistry.Refusal> check(TestSigner signer, ObjectNode payload) {
        return check(signer, payload, "voucher.recorded");
    }

    private Optional<KeyRegistry.Refusal> check(TestSigner signer, ObjectNode payload, String kind) {
        SignedEntry entry = signed(signer, kind, payload);
        return registry.check(entry, entry.header());
    }

    private SignedEntry signed(TestSigner signer, String kind, ObjectNode payload) {
        return SignedEntry.sign(book.envelope(signer, kind, payload, 1, book.head()), signer.key());
    }

    private static java.security.PublicKey publicKeyOf(TestSigner signer) {
        return KeyRegistry.publicKey(KeyRegistry.readKey(signer.registration(), 1, "payload"));
    }

    private static ObjectNode voucher() {
        return BookFixture.payload("voucherId", "5b0c6a1e-8f3e-4a39-9a57-0c7d2f1e4b21");
    }

    private static ObjectNode revoke(TestSigner signer) {
        return BookFixture.payload("keyId", signer.key().keyId()).put("reason", "密钥遗失");
    }
}
