package org.gongzhang.service.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.gongzhang.service.support.AheadOfMvc;
import org.gongzhang.service.support.RowFault;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * A post of an entry answered ahead of Spring MVC ({@link EntryPosts}) answers exactly as the
 * controller does — status, headers and body, for an append, a replay and a refusal — and a post it
 * does not take (here: an Accept header with a weight) still reaches the controller.
 */
class EntryPostsIT extends ServiceIT {

    /** An Accept header the filter leaves to the controller's content negotiation. */
    private static final String WEIGHTED = "application/json;q=0.9";

    @Autowired
    private List<FilterRegistrationBean<?>> filters;

    @Autowired
    private BookWrites writes;

    private TestBook book;

    @BeforeEach
    void openBook() {
        book = TestBook.open(client);
    }

    @Test
    void anAppendAndItsReplayAreAnsweredAheadAsTheControllerAnswersThem() throws Exception {
        SignedEntry entry = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("120.00"));
        long before = answeredAhead();
        long size = book.size();

        HttpResponse<String> appended = post(book.id, entry.leaf(), null);
        assertThat(appended.statusCode()).isEqualTo(201);
        assertThat(answeredAhead()).isEqualTo(before + 1);

        HttpResponse<String> replayedByController = post(book.id, entry.leaf(), WEIGHTED);
        assertThat(answeredAhead()).isEqualTo(before + 1);
        HttpResponse<String> replayedAhead = post(book.id, entry.leaf(), "*/*");
        assertThat(answeredAhead()).isEqualTo(before + 2);

        assertThat(replayedAhead.statusCode()).isEqualTo(200).isEqualTo(replayedByController.statusCode());
        assertThat(replayedAhead.body()).isEqualTo(replayedByController.body()).isEqualTo(appended.body());
        assertThat(AheadOfMvc.headers(replayedAhead)).isEqualTo(AheadOfMvc.headers(replayedByController));
        assertThat(AheadOfMvc.headers(appended)).isEqualTo(AheadOfMvc.headers(replayedByController));
        assertThat(book.size()).isEqualTo(size + 1);
    }

    @Test
    void aRefusalAheadIsAnsweredByTheControllersErrorHandlingAndStoresNothing() throws Exception {
        SignedEntry entry = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("80.00"));
        TestBook other = TestBook.open(client);
        long before = answeredAhead();
        long sizes = book.size() + other.size();

        HttpResponse<String> ahead = post(other.id, entry.leaf(), null);
        HttpResponse<String> byController = post(other.id, entry.leaf(), WEIGHTED);

        assertThat(ahead.statusCode()).isEqualTo(422).isEqualTo(byController.statusCode());
        assertThat(ahead.body()).contains("entry.book.mismatch").contains("该条目不属于本账套").isEqualTo(byController.body());
        assertThat(AheadOfMvc.headers(ahead)).isEqualTo(AheadOfMvc.headers(byController));
        assertThat(AheadOfMvc.headers(ahead)).containsEntry("content-type", List.of("application/problem+json"));
        assertThat(answeredAhead()).isEqualTo(before);
        assertThat(book.size() + other.size()).isEqualTo(sizes);
    }

    /**
     * A failure that is not a refusal (the storage's) is handed on, not tried again: the controller
     * raises it, and the group commit sees as many attempts as when the controller made the append.
     */
    @Test
    void aStorageFailureAheadIsRaisedByTheControllerNotTriedAgain() throws Exception {
        SignedEntry entry = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("60.00"));
        long size = book.size();
        HttpResponse<String> ahead;
        HttpResponse<String> byController;
        GroupCommit.Counts attemptsAhead;
        GroupCommit.Counts attemptsByController;
        try (RowFault fault = RowFault.refuse(schemaOwner(), "ledger_entry", "before insert", book.id)) {
            GroupCommit.Counts before = writes.groupCounts();
            ahead = post(book.id, entry.leaf(), null);
            GroupCommit.Counts between = writes.groupCounts();
            byController = post(book.id, entry.leaf(), WEIGHTED);
            attemptsAhead = between.minus(before);
            attemptsByController = writes.groupCounts().minus(between);
        }

        assertThat(ahead.statusCode()).isEqualTo(500).isEqualTo(byController.statusCode());
        assertThat(ahead.body()).contains("service.storage.failed").isEqualTo(byController.body());
        assertThat(AheadOfMvc.headers(ahead)).isEqualTo(AheadOfMvc.headers(byController));
        assertThat(attemptsAhead.groups()).isPositive().isEqualTo(attemptsByController.groups());
        assertThat(attemptsAhead.rollbacks()).isEqualTo(attemptsByController.rollbacks());
        assertThat(book.size()).isEqualTo(size);
        assertThat(book.accept(entry).status()).isEqualTo(201);
    }

    private HttpResponse<String> post(String bookId, String body, String accept) throws Exception {
        return AheadOfMvc.post(port, "/api/books/" + bookId + "/entries", body, accept);
    }

    private long answeredAhead() {
        return filters.stream().map(FilterRegistrationBean::getFilter)
                .filter(EntryPosts.class::isInstance).map(EntryPosts.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("EntryPosts is not registered"))
                .answered();
    }

}
