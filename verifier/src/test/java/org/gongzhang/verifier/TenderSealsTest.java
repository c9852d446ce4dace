package org.gongzhang.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.gongzhang.verifier.entry.EntryKind;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.junit.jupiter.api.Test;

/** 开标核验: the verifier finds, offline, a bid revealed at opening that is not the file sealed at receipt. */
class TenderSealsTest {

    private static final String SEALED_A = "a1".repeat(32);
    private static final String SEALED_B = "b2".repeat(32);

    private final BookFixture book = BookFixture.opened();

    @Test
    void townOfficersSignTenderStepsAndTheCommitteeChairSignsContracts() {
        assertThat(EntryKind.byWireName("tender.opened").orElseThrow().signers()).containsExactly(Role.TOWN_OFFICER);
        assertThat(EntryKind.byWireName("contract.signed").orElseThrow().signers()).containsExactly(Role.COMMITTEE_CHAIR);
        assertThat(EntryKind.byWireName("contract.final-account").orElseThrow().signers())
                .containsExactly(Role.COMMUNITY_AUDITOR);
    }

    @Test
    void acceptsAnOpeningThatRevealsTheSealedFiles() {
        receiveTwoBids();
        open(SEALED_A, SEALED_B);

        assertThat(verify().findings()).isEmpty();
    }

    @Test
    void namesTheReceiptWhoseSealARevealDoesNotMatch() {
        receiveTwoBids();
        open(SEALED_A, "c3".repeat(32));

        VerificationReport report = verify();

        assertThat(report.findings()).extracting(Finding::index, Finding::code)
                .containsExactly(tuple(4L, TenderSeals.REVEAL_MISMATCH));
        assertThat(report.findings().get(0).message()).contains("bid b2", "entry 3 sealed " + SEALED_B);
    }

    @Test
    void findsARevealOfABidNeverReceived() {
        book.registerTownOfficer();
        open(SEALED_A);

        assertThat(verify().findings()).extracting(Finding::code).containsExactly(TenderSeals.REVEAL_UNSEALED);
    }

    private void receiveTwoBids() {
        book.registerTownOfficer();
        bid("b1", SEALED_A);
        bid("b2", SEALED_B);
    }

    private void bid(String bidId, String sealed) {
        ObjectNode payload = BookFixture.payload("tenderId", "t1").put("bidId", bidId).put("sealedSha256", sealed);
        payload.putObject("bidder").put("name", "杭州某建设有限公司").put("creditCode", "91330106MA2B00001Y");
        book.append(book.townOfficer, "tender.bid-received", payload);
    }

    private void open(String... revealed) {
        ObjectNode payload = BookFixture.payload("tenderId", "t1");
        ArrayNode bids = payload.putArray("bids");
        for (int i = 0; i < revealed.length; i++) {
            bids.addObject().put("bidId", "b" + (i + 1)).put("amount", "100000.00").put("revealedSha256", revealed[i]);
        }
        book.append(book.townOfficer, "tender.opened", payload);
    }

    private VerificationReport verify() {
        return Verifier.verify(BookFixture.BOOK, book.entries(), Optional.of(book.checkpoint()),
                book.logKey.verifierKey());
    }
}
