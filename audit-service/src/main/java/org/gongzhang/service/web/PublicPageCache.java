package org.gongzhang.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Public pages rendered once and served to every anonymous reader who asks within the next moment
 * (a notice-board screen, a QR code scanned by a crowd, 200 phones at once): the rendered page is
 * kept per path, query and language until the ledger changes ({@link #invalidate}, after every
 * appended entry's commit) or {@code ttl} passes (for what is not an entry: people's names, a
 * cadence), whichever comes first. Concurrent readers of a page being rendered wait for that
 * rendering instead of starting their own; once a page was rendered, readers who come while its
 * next rendering is under way get the page before it at once (stale by at most that rendering's
 * time: the reader who found the page stale renders it, and gets the new one) instead of queuing
 * behind it, which made one re-rendering of the home page the p99 of 200 readers. Only anonymous GETs of {@code /} and {@code /public/**}
 * answered 200 without a cookie are kept; a signed-in person's page never is, nor the page of a
 * book that failed its integrity check. A kept page is served
 * with the headers it was rendered with (its ETag included; a reader who holds it gets 304).
 */
final class PublicPageCache extends OncePerRequestFilter {

    /** The most pages kept at once; beyond it, pages with a query string are dropped first, then others. */
    static final int CAPACITY = 512;

    private static final long WAIT_FOR_RENDERING_MILLIS = 5_000;

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Predicate<String> failedIntegrity;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();

    /** {@code failedIntegrity}: whether a book failed its integrity check; its pages are never served from here. */
    PublicPageCache(Duration ttl, LongSupplier nanoTime, Predicate<String> failedIntegrity) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        this.failedIntegrity = failedIntegrity;
    }

    /** Every kept page is stale from now on: the ledger changed. */
    void invalidate() {
        generation.incrementAndGet();
    }

    int size() {
        return slots.size();
    }

    private record Key(String path, String query, Locale locale) {
    }

    /**
     * A page being rendered or rendered: the generation and time it belongs to, the page once done,
     * and the page it replaces (served while this one renders), if any.
     */
    private record Slot(long generation, long expiresAt, CompletableFuture<Page> page, Page previous) {
        boolean fresh(long generation, long now) {
            return this.generation == generation && now - expiresAt < 0;
        }

        /** The newest page this slot can serve without waiting: its own once rendered, else the one before it. */
        Page latest() {
            Page done = page.isDone() ? page.getNow(null) : null;
            return done != null ? done : previous;
        }
    }

    /**
     * A rendered page: its status, headers and body, and the body gzipped once (null when small), which
     * a reader whose browser accepts gzip (every phone's) is sent instead: a home page listing hundreds
     * of compounds is a tenth of the bytes to send, for the service and on a reader's mobile data.
     */
    private record Page(int status, List<Map.Entry<String, String>> headers, byte[] body, String etag, byte[] gzipped) {

        void writeTo(HttpServletRequest request, HttpServletResponse response) throws IOException {
            boolean gzip = gzipped != null && acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
            for (Map.Entry<String, String> header : headers) {
                // the gzipped body is another representation: its ETag, a weak one, matches the page's
                boolean weaken = gzip && header.getKey().equalsIgnoreCase(HttpHeaders.ETAG)
                        && !header.getValue().startsWith("W/");
                response.addHeader(header.getKey(), weaken ? "W/" + header.getValue() : header.getValue());
            }
            if (gzipped != null) {
                response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            }
            String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
            if (etag != null && ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                    .map(String::trim).anyMatch(tag -> tag.equals(etag) || tag.equals("W/" + etag) || tag.equals("*"))) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            response.setStatus(status);
            byte[] sent = gzip ? gzipped : body;
            if (gzip) {
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
            response.setContentLength(sent.length);
            response.getOutputStream().write(sent);
        }
    }

    /** Pages from this many bytes are kept gzipped too. */
    static final int GZIP_FROM = 1_024;

    /** The body gzipped, when it is text of {@link #GZIP_FROM} bytes or more and gzip makes it smaller; else null. */
    private static byte[] gzipped(byte[] body, String contentType) {
        if (body.length < GZIP_FROM || contentType == null
                || !(contentType.startsWith("text/") || contentType.startsWith("application/json"))) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size() < body.length ? out.toByteArray() : null;
    }

    /**
     * Whether an {@code Accept-Encoding} header accepts gzip: {@code gzip} (or {@code x-gzip}) named
     * without {@code q=0}, or, when not named, {@code *} without it.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean any = null;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean accepted = true;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].replace(" ", "").toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    accepted = !parameter.substring(2).matches("0(\\.0{0,3})?");
                }
            }
            if (name.equals("gzip") || name.equals("x-gzip")) {
                return accepted;
            }
            if (name.equals("*")) {
                any = accepted;
            }
        }
        return any != null && any;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || !(path.equals("/") || path.startsWith("/public/"))
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getParameter("lang") != null
                || hasCookieOtherThanLanguage(request) || failedIntegrity.test(book(path));
    }

    /** The book of a {@code /public/books/{book}/…} path, else the empty string. */
    private static String book(String path) {
        if (!path.startsWith("/public/books/")) {
            return "";
        }
        int end = path.indexOf('/', "/public/books/".length());
        return path.substring("/public/books/".length(), end < 0 ? path.length() : end);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Key key = new Key(request.getRequestURI(), request.getQueryString(), new PageLocaleResolver().resolveLocale(request));
        long now = nanoTime.getAsLong();
        long current = generation.get();
        Slot slot = slots.get(key);
        if (slot == null || !slot.fresh(current, now)) {
            Slot mine = new Slot(current, now + ttlNanos, new CompletableFuture<>(), slot == null ? null : slot.latest());
            boolean claimed = slot == null ? slots.putIfAbsent(key, mine) == null : slots.replace(key, slot, mine);
            if (claimed) {
                trim(now);
                render(request, response, chain, key, mine);
                return;
            }
            slot = slots.get(key);
        }
        if (slot != null && !slot.page().isDone() && slot.previous() != null) {
            // another reader is rendering the new page: this one gets the page before it now
            slot.previous().writeTo(request, response);
            return;
        }
        Page page = slot == null ? null : await(slot.page());
        if (page == null) {
            chain.doFilter(request, response);
            return;
        }
        page.writeTo(request, response);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Key key, Slot mine)
            throws ServletException, IOException {
        ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
        Page page = null;
        try {
            chain.doFilter(request, rendered);
            page = keep(rendered);
        } finally {
            mine.page().complete(page);
            if (page == null) {
                slots.remove(key, mine);
            }
        }
        rendered.copyBodyToResponse();
    }

    /** The page as rendered, if it may be served to others: a 200 that sets no cookie. */
    private static Page keep(ContentCachingResponseWrapper rendered) {
        if (rendered.getStatus() != HttpServletResponse.SC_OK || rendered.getHeader(HttpHeaders.SET_COOKIE) != null) {
            return null;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : rendered.getHeaderNames()) {
            if (name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                continue;
            }
            Collection<String> values = rendered.getHeaders(name);
            for (String value : values) {
                headers.add(Map.entry(name, value));
            }
        }
        if (rendered.getContentType() != null && rendered.getHeader(HttpHeaders.CONTENT_TYPE) == null) {
            headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, rendered.getContentType()));
        }
        byte[] body = rendered.getContentAsByteArray();
        return new Page(rendered.getStatus(), List.copyOf(headers), body, rendered.getHeader(HttpHeaders.ETAG),
                gzipped(body, rendered.getContentType()));
    }

    private static Page await(CompletableFuture<Page> page) {
        try {
            return page.get(WAIT_FOR_RENDERING_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** Drops stale pages once more than {@link #CAPACITY} are kept, then any beyond it. */
    private void trim(long now) {
        if (slots.size() <= CAPACITY) {
            return;
        }
        long current = generation.get();
        slots.values().removeIf(s -> s.page().isDone() && !s.fresh(current, now));
        // pages with a query (a search, a verify period) go first: readers searching many names must not
        // push out the pages everyone reads (the home page, a street's, a compound's)
        for (boolean withQuery : new boolean[] {true, false}) {
            Iterator<Key> keys = slots.keySet().iterator();
            while (slots.size() > CAPACITY && keys.hasNext()) {
                if ((keys.next().query() != null) == withQuery) {
                    keys.remove();
                }
            }
        }
    }

    private static boolean hasCookieOtherThanLanguage(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> !PageLocaleResolver.COOKIE.equals(c.getName()));
    }
}
