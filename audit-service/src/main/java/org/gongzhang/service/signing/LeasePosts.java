package org.gongzhang.service.signing;

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
import org.gongzhang.service.log.BookIntegrity;
import org.gongzhang.service.web.InputScreening;
import org.gongzhang.service.web.JsonBodies;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/books/{book}/lease}, answered ahead of Spring MVC as {@code EntryPosts} answers
 * {@code POST …/entries}: on a book shared by many writers every entry costs one lease request
 * beside its post, and the dispatcher's handler lookup, argument resolution and message conversion
 * were most of a lease request's CPU (docs/benchmarks.md, 2026-12-06 15:26). Only the plain case is
 * taken: a clean JSON body in UTF-8 ({@link InputScreening}), a book id of the ledger's form, a
 * {@code wait} of at most two digits or none, and a caller who takes JSON; the book's integrity is
 * checked first, as {@code BookIntegrityGate} does. Everything else goes on to
 * {@link LeaseController}, and so does a request that failed here: its failure is handed on
 * ({@link #FAILED}) and the controller raises it, where the API's error handling answers it as if
 * the controller had failed (nothing was granted).
 */
final class LeasePosts extends OncePerRequestFilter {

    /** The request attribute holding the failure, for {@link LeaseController#take} to raise. */
    static final String FAILED = "org.gongzhang.service.signing.LeasePosts.failed";

    private static final Pattern PATH = Pattern.compile("/api/books/([^/]+)/lease");
    private static final Pattern WAIT = Pattern.compile("[0-9]{1,2}");

    private final LeaseGrants grants;
    private final BookIntegrity integrity;
    private final JsonMapper json;
    private final LongAdder answered = new LongAdder();

    LeasePosts(LeaseGrants grants, BookIntegrity integrity, JsonMapper json) {
        this.grants = grants;
        this.integrity = integrity;
        this.json = json;
    }

    /** Registered for the books' API only, after Spring Security's chain (order -100). */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<LeasePosts> leasePosts(LeaseGrants grants, BookIntegrity integrity, JsonMapper json) {
            FilterRegistrationBean<LeasePosts> registration =
                    new FilterRegistrationBean<>(new LeasePosts(grants, integrity, json));
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
        Matcher path = PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!path.matches()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<byte[]> body = InputScreening.cleanBody(request);
        String[] waits = request.getParameterValues("wait");
        if (body.isEmpty() || body.get().length == 0 || !BookId.isValid(path.group(1))
                || (waits != null && (waits.length > 1 || !WAIT.matcher(waits[0]).matches()))
                || !JsonBodies.isUtf8Json(request.getContentType()) || !JsonBodies.takesJson(request.getHeader("Accept"))) {
            chain.doFilter(request, response);
            return;
        }
        String book = path.group(1);
        int wait = waits == null ? LeaseGrants.DEFAULT_WAIT_SECONDS : Integer.parseInt(waits[0]);
        byte[] answer;
        try {
            integrity.require(book);
            answer = json.writeValueAsBytes(grants.take(book, new String(body.get(), StandardCharsets.UTF_8), wait));
        } catch (RuntimeException failure) {
            request.setAttribute(FAILED, failure);
            chain.doFilter(request, response);
            return;
        }
        answered.increment();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    /** How many lease requests this filter answered itself (the rest went on to the controller). */
    long answered() {
        return answered.sum();
    }
}
