package org.gongzhang.service.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.concurrent.atomic.AtomicBoolean;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.service.log.BookIntegrity;
import org.gongzhang.service.log.BookIntegrityFailed;
import org.gongzhang.service.support.AheadOfMvc;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Which posts {@link EntryPosts} answers itself; the rest the controller answers (which headers: {@code JsonBodiesTest}). */
class EntryPostsTest {

    private final EntrySubmissions submissions = mock(EntrySubmissions.class);
    private final BookIntegrity integrity = mock(BookIntegrity.class);
    private final EntryPosts posts = new EntryPosts(submissions, integrity, JsonMapper.builder().build(),
            new NextLeases(mock(BookLeases.class)));
    private final AtomicBoolean reachedTheController = new AtomicBoolean();

    @Test
    void aPlainPostIsAnsweredWithTheReceiptAndGoesNoFurther() throws Exception {
        EntryReceipt receipt = new EntryReceipt("abc-book", 7, "h7", "r7");
        when(submissions.submitSigned("abc-book", "{\"entry\":{}}", "lease-1"))
                .thenReturn(new EntrySubmissions.Outcome(receipt, false));
        MockHttpServletRequest request = post("{\"entry\":{}}");
        request.addHeader(EntryController.LEASE_HEADER, " lease-1 ");
        MockHttpServletResponse response = new MockHttpServletResponse();

        chain().doFilter(request, response);

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getContentAsString()).isEqualTo("{\"bookId\":\"abc-book\",\"index\":7,\"hash\":\"h7\",\"root\":\"r7\"}");
        assertThat(reachedTheController.get()).isFalse();
        assertThat(posts.answered()).isEqualTo(1);
    }

    @Test
    void aBookThatFailedItsIntegrityCheckIsHandedToTheControllerWithNothingSubmitted() throws Exception {
        BookIntegrityFailed failed = new BookIntegrityFailed("abc-book", 11);
        doThrow(failed).when(integrity).require("abc-book");
        MockHttpServletRequest request = post("{\"entry\":{}}");

        chain().doFilter(request, new MockHttpServletResponse());

        verify(submissions, never()).submitSigned(any(), any(), any());
        assertThat(request.getAttribute(EntryPosts.FAILED)).isSameAs(failed);
        assertThat(reachedTheController.get()).isTrue();
        assertThat(posts.answered()).isZero();
    }

    @Test
    void aPostWithScreenedOutInputIsLeftToTheController() throws Exception {
        MockHttpServletRequest request = post("{\"entry\":{\"amount\":1.5}}");

        chain().doFilter(request, new MockHttpServletResponse());

        verify(submissions, never()).submitSigned(any(), any(), any());
        assertThat(request.getAttribute(EntryPosts.FAILED)).isNull();
        assertThat(reachedTheController.get()).isTrue();
    }

    private static MockHttpServletRequest post(String body) {
        return AheadOfMvc.jsonPost("/api/books/abc-book/entries", body);
    }

    /** InputScreening, then the filter, then a servlet standing for the controller. */
    private MockFilterChain chain() {
        return AheadOfMvc.toController(posts, reachedTheController);
    }
}
