package org.gongzhang.service.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.log.BookIntegrity;
import org.gongzhang.service.log.BookIntegrityFailed;
import org.gongzhang.service.support.AheadOfMvc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Which lease requests {@link LeasePosts} answers itself; the rest, and every failure, reach the controller. */
class LeasePostsTest {

    private static final String BODY = "{\"book\":\"abc-book\",\"key\":\"k1\"}";

    private final LeaseGrants grants = mock(LeaseGrants.class);
    private final BookIntegrity integrity = mock(BookIntegrity.class);
    private final LeasePosts posts = new LeasePosts(grants, integrity, JsonMapper.builder().build());
    private final AtomicBoolean reachedTheController = new AtomicBoolean();

    @Test
    void aPlainRequestIsAnsweredWithTheLeaseAndGoesNoFurther() throws Exception {
        Map<String, Object> lease = new LinkedHashMap<>();
        lease.put("lease", "l-1");
        lease.put("index", 7);
        when(grants.take("abc-book", BODY, 30)).thenReturn(lease);
        MockHttpServletRequest request = post(BODY);
        request.setParameter("wait", "30");
        MockHttpServletResponse response = new MockHttpServletResponse();

        chain().doFilter(request, response);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getContentAsString()).isEqualTo("{\"lease\":\"l-1\",\"index\":7}");
        assertThat(reachedTheController.get()).isFalse();
        assertThat(posts.answered()).isEqualTo(1);
    }

    @Test
    void withoutAWaitTheDefaultIsAsked() throws Exception {
        when(grants.take("abc-book", BODY, LeaseGrants.DEFAULT_WAIT_SECONDS)).thenReturn(Map.of("lease", "l-2"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        chain().doFilter(post(BODY), response);

        assertThat(response.getContentAsString()).isEqualTo("{\"lease\":\"l-2\"}");
        assertThat(reachedTheController.get()).isFalse();
    }

    @Test
    void aRefusedRequestIsHandedToTheControllerWithItsRefusal() throws Exception {
        LedgerRefusal refused = new LedgerRefusal(Kind.FORBIDDEN, "lease.signature.invalid", "signature");
        when(grants.take("abc-book", BODY, LeaseGrants.DEFAULT_WAIT_SECONDS)).thenThrow(refused);
        MockHttpServletRequest request = post(BODY);
        MockHttpServletResponse response = new MockHttpServletResponse();

        chain().doFilter(request, response);

        assertThat(request.getAttribute(LeasePosts.FAILED)).isSameAs(refused);
        assertThat(reachedTheController.get()).isTrue();
        assertThat(response.getContentAsString()).isEmpty();
        assertThat(posts.answered()).isZero();
    }

    @Test
    void aBookThatFailedItsIntegrityCheckIsHandedToTheControllerWithNothingGranted() throws Exception {
        BookIntegrityFailed failed = new BookIntegrityFailed("abc-book", 11);
        doThrow(failed).when(integrity).require("abc-book");
        MockHttpServletRequest request = post(BODY);

        chain().doFilter(request, new MockHttpServletResponse());

        verify(grants, never()).take(any(), any(), anyInt());
        assertThat(request.getAttribute(LeasePosts.FAILED)).isSameAs(failed);
        assertThat(reachedTheController.get()).isTrue();
    }

    @ParameterizedTest(name = "{0} ?wait={1} Accept {2}: left to the controller")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "/api/books/abc-book/lease | abc | NULL",
            "/api/books/abc-book/lease | 100 | NULL",
            "/api/books/abc-book/lease | -1 | NULL",
            "/api/books/abc-book/lease | NULL | text/html",
            "/api/books/abc-book/lease/l-1 | NULL | NULL",
            "/api/books/abc-book/entries | NULL | NULL",
            "/api/books/ABC%2Fx/lease | NULL | NULL"})
    void anythingButThePlainCaseIsLeftToTheController(String uri, String wait, String accept) throws Exception {
        MockHttpServletRequest request = post(BODY);
        request.setRequestURI(uri);
        if (wait != null) {
            request.setParameter("wait", wait);
        }
        if (accept != null) {
            request.addHeader("Accept", accept);
        }

        chain().doFilter(request, new MockHttpServletResponse());

        verify(grants, never()).take(any(), any(), anyInt());
        assertThat(request.getAttribute(LeasePosts.FAILED)).isNull();
        assertThat(reachedTheController.get()).isTrue();
    }

    @Test
    void aBodyWithScreenedOutInputIsLeftToTheController() throws Exception {
        MockHttpServletRequest request = post("{\"book\":\"abc-book\",\"n\":1.5}");

        chain().doFilter(request, new MockHttpServletResponse());

        verify(grants, never()).take(any(), any(), anyInt());
        assertThat(reachedTheController.get()).isTrue();
    }

    private static MockHttpServletRequest post(String body) {
        return AheadOfMvc.jsonPost("/api/books/abc-book/lease", body);
    }

    /** InputScreening, then the filter, then a servlet standing for the controller. */
    private MockFilterChain chain() {
        return AheadOfMvc.toController(posts, reachedTheController);
    }
}
