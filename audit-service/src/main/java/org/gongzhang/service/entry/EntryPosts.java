package org.gongzhang.service.entry;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhang.core.book.api.BookId;
import org.gongzhang.service.log.BookIntegrity;
import org.gongzhang.service.log.BookIntegrityGate;
import org.gongzhang.service.web.InputScreening;
import org.gongzhang.service.web.JsonBodies;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/books/{book}/entries}, the service's most frequent request, answered ahead of
 * Spring MVC (inside Spring Security's chain, after its filters): the dispatcher's handler lookup,
 * argument resolution and content negotiation were a quarter of an append's request-thread CPU
 * (docs/benchmarks.md, 2026-12-06 07:47). It takes only the plain case: a JSON body in UTF-8 that
 * {@link InputScreening} read and found clean, a book id of the ledger's form, and a caller who
 * takes the answer as JSON; it then does what {@link EntryController#submit} does, after the
 * {@link BookIntegrityGate}'s check. Every other request goes on to the controller as before, and
 * so does one whose append failed: the failure is handed on ({@link #FAILED}) and the controller
 * raises it, where the API's error handling answers it exactly as if the controller had made the
 * append (the body can be read again; nothing was stored).
 */
final class EntryPosts extends OncePerRequestFilter {

    /** The request attribute holding the append's failure, for {@link EntryController#submit} to raise. */
    static final String FAILED = "org.gongzhang.service.entry.EntryPosts.failed";

    /** The path; its book id taken only in the form {@link BookId} takes (so no escapes to decode). */
    private static final Pattern PATH = Pattern.compile("/api/books/([^/]+)/entries");

    private final EntrySubmissions submissions;
    private final BookIntegrity integrity;
    private final JsonMapper json;
    private final NextLeases nextLeases;
    private final LongAdder answered = new LongAdder();

    EntryPosts(EntrySubmissions submissions, BookIntegrity integrity, JsonMapper json, NextLeases nextLeases) {
        this.nextLeases = nextLeases;
        this.submissions = submissions;
        this.integrity = integrity;
        this.json = json;
    }

    /** Registered for the books' API only, after Spring Security's chain (order -100). */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<EntryPosts> entryPosts(EntrySubmissions submissions, BookIntegrity integrity,
                JsonMapper json, NextLeases nextLeases) {
            FilterRegistrationBean<EntryPosts> registration =
                    new FilterRegistrationBean<>(new EntryPosts(submissions, integrity, json, nextLeases));
            registration.addUrlPatterns("/api/books/*");
            registration.setOrder(0);
            return registration;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<byte[]> body = InputScreening.cleanBody(request);
        Matcher path = PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (body.isEmpty() || body.get().length == 0 || !path.matches() || !BookId.isValid(path.group(1))
                || !JsonBodies.isUtf8Json(request.getContentType()) || !JsonBodies.takesJson(request.getHeader("Accept"))) {
            chain.doFilter(request, response);
            return;
        }
        String book = path.group(1);
        String lease = request.getHeader(EntryController.LEASE_HEADER);
        EntrySubmissions.Outcome outcome;
        Duration wait;
        try {
            wait = NextLeases.wait(request.getHeader(NextLeases.HEADER));
            integrity.require(book);
            outcome = submissions.submitSigned(book, new String(body.get(), StandardCharsets.UTF_8),
                    lease == null ? null : lease.strip());
        } catch (RuntimeException failure) {
            request.setAttribute(FAILED, failure);
            chain.doFilter(request, response);
            return;
        }
        byte[] receipt = json.writeValueAsBytes(nextLeases.answer(book, outcome, wait));
        answered.increment(); // before the answer: its caller may ask right after reading it
        response.setStatus(outcome.status().value());
        response.setContentType("application/json");
        response.setContentLength(receipt.length);
        response.getOutputStream().write(receipt);
    }

    /** How many posts this filter answered itself (the rest went on to the controller). */
    long answered() {
        return answered.sum();
    }
}
