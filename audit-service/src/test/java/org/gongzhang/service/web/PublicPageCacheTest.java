package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PublicPageCacheTest {

    private final AtomicLong clock = new AtomicLong();
    private final java.util.Set<String> failed = new java.util.HashSet<>();
    private final PublicPageCache cache = new PublicPageCache(Duration.ofSeconds(1), clock::get, failed::contains);
    private final AtomicInteger renderings = new AtomicInteger();

    /** The page as the rest of the chain renders it: numbered, so a kept one shows. */
    private final FilterChain render = (request, response) -> {
        int n = renderings.incrementAndGet();
        HttpServletResponse http = (HttpServletResponse) response;
        http.setContentType("text/html;charset=UTF-8");
        http.setHeader("ETag", "\"page-" + n + "\"");
        http.setHeader("Content-Security-Policy", "default-src 'self'");
        response.getOutputStream().write(("<p>rendering " + n + "</p>").getBytes(StandardCharsets.UTF_8));
    };

    @Test
    void anonymousReadersShareOneRenderingUntilTheLedgerChanges() throws Exception {
        MockHttpServletResponse first = get("/public/books/lanyuan-public");
        MockHttpServletResponse second = get("/public/books/lanyuan-public");

        assertThat(renderings.get()).isEqualTo(1);
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString()).isEqualTo("<p>rendering 1</p>");
        assertThat(second.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'");
        assertThat(second.getHeader("ETag")).isEqualTo("\"page-1\"");
        assertThat(second.getContentType()).startsWith("text/html");

        cache.invalidate();
        assertThat(get("/public/books/lanyuan-public").getContentAsString()).isEqualTo("<p>rendering 2</p>");
    }

    @Test
    void readersWhoComeWhileAPageIsRenderedAgainGetThePageBeforeItAtOnce() throws Exception {
        get("/");
        cache.invalidate();
        java.util.concurrent.CountDownLatch rendering = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        FilterChain slow = (request, response) -> {
            rendering.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            render.doFilter(request, response);
        };
        MockHttpServletResponse renderer = new MockHttpServletResponse();
        Thread first = new Thread(() -> {
            try {
                cache.doFilter(request("/"), renderer, slow);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        assertThat(rendering.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        // the new page is being rendered: a reader now gets the one before it, without waiting
        assertThat(get("/").getContentAsString()).isEqualTo("<p>rendering 1</p>");
        release.countDown();
        first.join(5_000);
        assertThat(renderer.getContentAsString()).as("the reader who found it stale renders it").isEqualTo("<p>rendering 2</p>");
        assertThat(get("/").getContentAsString()).isEqualTo("<p>rendering 2</p>");
        assertThat(renderings.get()).isEqualTo(2);
    }

    @Test
    void aKeptPageGoesStaleAfterItsTime() throws Exception {
        get("/");
        clock.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(get("/").getContentAsString()).isEqualTo("<p>rendering 1</p>");
        clock.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(get("/").getContentAsString()).isEqualTo("<p>rendering 2</p>");
    }

    @Test
    void manyDifferentSearchesDoNotPushOutThePagesEveryoneReads() throws Exception {
        List<String> everyone = List.of("/", "/public/streets/beishan", "/public/books/lanyuan-public");
        for (String path : everyone) {
            get(path);
        }
        for (int i = 0; i < 3 * PublicPageCache.CAPACITY; i++) {
            MockHttpServletRequest search = request("/public/compounds");
            search.setQueryString("q=" + i);
            serve(search);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(PublicPageCache.CAPACITY);
        int before = renderings.get();
        for (String path : everyone) {
            assertThat(get(path).getContentAsString()).as(path).isEqualTo("<p>rendering " + (everyone.indexOf(path) + 1) + "</p>");
        }
        assertThat(renderings.get()).as("none rendered again").isEqualTo(before);
    }

    @Test
    void eachPathQueryAndLanguageIsItsOwnPage() throws Exception {
        get("/");
        get("/public/books/a");
        MockHttpServletRequest english = request("/");
        english.addHeader("Accept-Language", "en");
        serve(english);
        MockHttpServletRequest query = request("/public/books/a/verify");
        query.setQueryString("from=2026-01&to=2026-03");
        serve(query);
        assertThat(renderings.get()).isEqualTo(4);
        get("/");
        serve(english);
        assertThat(renderings.get()).isEqualTo(4);
    }

    @Test
    void aSignedInPersonsPagesAndEverythingButPublicGetsAreNeverKept() throws Exception {
        MockHttpServletRequest signedIn = request("/public/books/a");
        signedIn.setCookies(new Cookie("JSESSIONID", "abc"));
        serve(signedIn);
        serve(signedIn);
        MockHttpServletRequest bearer = request("/public/books/a");
        bearer.addHeader("Authorization", "Bearer x");
        serve(bearer);
        serve(request("/staff"));
        serve(request("/staff"));
        MockHttpServletRequest post = request("/public/books/a/statements/s/objections");
        post.setMethod("POST");
        serve(post);
        MockHttpServletRequest switching = request("/");
        switching.setParameter("lang", "en");
        serve(switching);
        assertThat(renderings.get()).isEqualTo(7);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theKeptPagesOfABookThatFailedItsIntegrityCheckAreNotServed() throws Exception {
        get("/public/books/lanyuan-public/statements/s-1");
        failed.add("lanyuan-public");
        assertThat(get("/public/books/lanyuan-public/statements/s-1").getContentAsString()).isEqualTo("<p>rendering 2</p>");
        assertThat(get("/public/books/lanyuan-public").getContentAsString()).isEqualTo("<p>rendering 3</p>");
        get("/public/books/guiyuan-public");
        get("/public/books/guiyuan-public");
        assertThat(renderings.get()).as("other books' pages are kept").isEqualTo(4);
    }

    @Test
    void aReaderWhoHoldsTheKeptPageGetsNotModified() throws Exception {
        get("/");
        MockHttpServletRequest again = request("/");
        again.addHeader("If-None-Match", "\"page-1\"");
        MockHttpServletResponse answer = serve(again);
        assertThat(answer.getStatus()).isEqualTo(304);
        assertThat(answer.getContentAsByteArray()).isEmpty();
        assertThat(renderings.get()).isEqualTo(1);
    }

    @Test
    void anErrorOrACookieSettingAnswerIsNotKept() throws Exception {
        FilterChain failing = (request, response) -> {
            renderings.incrementAndGet();
            ((HttpServletResponse) response).setStatus(404);
        };
        cache.doFilter(request("/public/books/none"), new MockHttpServletResponse(), failing);
        cache.doFilter(request("/public/books/none"), new MockHttpServletResponse(), failing);
        FilterChain cookie = (request, response) -> {
            renderings.incrementAndGet();
            ((HttpServletResponse) response).addCookie(new Cookie("gongzhang-lang", "en"));
        };
        cache.doFilter(request("/"), new MockHttpServletResponse(), cookie);
        cache.doFilter(request("/"), new MockHttpServletResponse(), cookie);
        assertThat(renderings.get()).isEqualTo(4);
    }

    @Test
    void aReaderWhoseBrowserAcceptsGzipGetsTheKeptPageGzippedAndOthersAsRendered() throws Exception {
        String text = "<p>" + "兰园小区 公共收益 ".repeat(200) + "</p>";
        FilterChain large = (request, response) -> {
            renderings.incrementAndGet();
            HttpServletResponse http = (HttpServletResponse) response;
            http.setContentType("text/html;charset=UTF-8");
            http.setHeader("ETag", "\"home-1\"");
            response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        };
        cache.doFilter(request("/"), new MockHttpServletResponse(), large);

        MockHttpServletResponse gzipped = new MockHttpServletResponse();
        cache.doFilter(request("/", "Accept-Encoding", "gzip, deflate, br"), gzipped, large);
        assertThat(gzipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.getHeaders("Vary")).contains("Accept-Encoding");
        assertThat(gzipped.getHeader("ETag")).isEqualTo("W/\"home-1\"");
        assertThat(gzipped.getContentLength()).isEqualTo(gzipped.getContentAsByteArray().length)
                .isLessThan(text.getBytes(StandardCharsets.UTF_8).length / 4);
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(gzipped.getContentAsByteArray()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
        }

        for (String refuses : new String[] {null, "identity", "gzip;q=0", "br, *;q=0"}) {
            MockHttpServletResponse plain = new MockHttpServletResponse();
            cache.doFilter(refuses == null ? request("/") : request("/", "Accept-Encoding", refuses), plain, large);
            assertThat(plain.getHeader("Content-Encoding")).as(refuses).isNull();
            assertThat(plain.getHeader("ETag")).as(refuses).isEqualTo("\"home-1\"");
            assertThat(plain.getContentAsString(StandardCharsets.UTF_8)).as(refuses).isEqualTo(text);
        }

        MockHttpServletResponse notModified = new MockHttpServletResponse();
        cache.doFilter(request("/", "Accept-Encoding", "gzip", "If-None-Match", "W/\"home-1\""), notModified, large);
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(renderings.get()).isEqualTo(1);
    }

    @Test
    void aSmallPageIsSentAsRenderedEvenToABrowserThatAcceptsGzip() throws Exception {
        get("/");
        MockHttpServletResponse answer = serve(request("/", "Accept-Encoding", "gzip"));
        assertThat(answer.getHeader("Content-Encoding")).isNull();
        assertThat(answer.getContentAsString()).isEqualTo("<p>rendering 1</p>");
    }

    @Test
    void gzipIsAcceptedWhenNamedOrCoveredByAStarWithoutQZero() {
        assertThat(PublicPageCache.acceptsGzip("gzip")).isTrue();
        assertThat(PublicPageCache.acceptsGzip("deflate, GZIP;q=0.5")).isTrue();
        assertThat(PublicPageCache.acceptsGzip("br;q=1.0, *")).isTrue();
        assertThat(PublicPageCache.acceptsGzip("*;q=0, gzip")).isTrue();
        assertThat(PublicPageCache.acceptsGzip(null)).isFalse();
        assertThat(PublicPageCache.acceptsGzip("")).isFalse();
        assertThat(PublicPageCache.acceptsGzip("identity, br")).isFalse();
        assertThat(PublicPageCache.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(PublicPageCache.acceptsGzip("gzip; q=0.000, *")).isFalse();
        assertThat(PublicPageCache.acceptsGzip("*;q=0.0")).isFalse();
    }

    private MockHttpServletResponse get(String path) throws Exception {
        return serve(request(path));
    }

    private MockHttpServletResponse serve(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request, response, render);
        return response;
    }

    /** A GET of {@code path} with {@code headers}, given as name, value, name, value… */
    private static MockHttpServletRequest request(String path, String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }
}
