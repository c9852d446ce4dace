package org.gongzhang.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhang.core.book.api.BookId;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A frequent JSON post under {@code /api/books/{book}/…} answered ahead of Spring MVC (inside Spring
 * Security's chain, after its filters): the dispatcher's handler lookup, argument resolution and
 * message conversion were a quarter of an entry post's request-thread CPU and most of a lease
 * request's (docs/benchmarks.md, 2026-12-06 07:47 and 15:20). Only the plain case is taken: a
 * JSON body in UTF-8 that {@link InputScreening} read and found clean, a book id of the ledger's
 * form (so no escapes to decode), a caller who takes the answer as JSON, and whatever else the
 * filter asks ({@link #takes}). Every other request goes on to the controller, and so does one
 * whose answer failed: the failure is handed on in the request attribute the filter names and the
 * controller raises it, where the API's error handling answers it exactly as if the controller had
 * failed (the body can be read again).
 */
public abstract class BookPostAhead extends OncePerRequestFilter {

    /** What the filter answers: the status and the JSON body. */
    public record Answer(int status, byte[] json) {
    }

    private final Pattern path;
    private final String failed;
    private final LongAdder answered = new LongAdder();

    /**
     * A filter for {@code POST /api/books/{book}/<last>}, handing a failure on in request attribute
     * {@code failed}.
     */
    protected BookPostAhead(String last, String failed) {
        this.path = Pattern.compile("/api/books/([^/]+)/" + Pattern.quote(last));
        this.failed = failed;
    }

    /** {@code filter} registered for the books' API only, after Spring Security's chain (order -100). */
    public static <F extends BookPostAhead> FilterRegistrationBean<F> onBooksApi(F filter) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/books/*");
        registration.setOrder(0);
        return registration;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    /** Whether the filter takes this request, beyond the checks every one makes (e.g. its parameters). */
    protected boolean takes(HttpServletRequest request) {
        return true;
    }

    /** The answer to the post of {@code body} for {@code book}; an exception is handed to the controller. */
    protected abstract Answer answer(String book, String body, HttpServletRequest request);

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        Matcher book = path.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        Optional<byte[]> body = InputScreening.cleanBody(request);
        if (!book.matches() || !BookId.isValid(book.group(1)) || body.isEmpty() || body.get().length == 0
                || !JsonBodies.isUtf8Json(request.getContentType()) || !JsonBodies.takesJson(request.getHeader("Accept"))
                || !takes(request)) {
            chain.doFilter(request, response);
            return;
        }
        Answer answer;
        try {
            answer = answer(book.group(1), new String(body.get(), StandardCharsets.UTF_8), request);
        } catch (RuntimeException failure) {
            request.setAttribute(failed, failure);
            chain.doFilter(request, response);
            return;
        }
        answered.increment(); // before the answer: its caller may ask right after reading it
        response.setStatus(answer.status());
        response.setContentType("application/json");
        response.setContentLength(answer.json().length);
        response.getOutputStream().write(answer.json());
    }

    /** How many posts this filter answered itself (the rest went on to the controller). */
    public long answered() {
        return answered.sum();
    }
}
