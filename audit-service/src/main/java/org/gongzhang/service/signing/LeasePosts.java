package org.gongzhang.service.signing;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.gongzhang.service.log.BookIntegrity;
import org.gongzhang.service.web.BookPostAhead;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/books/{book}/lease}, answered ahead of Spring MVC ({@link BookPostAhead}) as
 * {@code EntryPosts} answers {@code POST …/entries}: on a book shared by many writers an entry may
 * cost a lease request beside its post, and the dispatcher was most of a lease request's CPU
 * (docs/benchmarks.md, 2026-12-06 15:20). Beyond the plain case it takes a {@code wait} of at most
 * two digits or none; the book's integrity is checked first, as {@code BookIntegrityGate} does. A
 * request that failed here goes on to {@link LeaseController}, which raises its failure
 * ({@link #FAILED}); nothing was granted.
 */
final class LeasePosts extends BookPostAhead {

    /** The request attribute holding the failure, for {@link LeaseController#take} to raise. */
    static final String FAILED = "org.gongzhang.service.signing.LeasePosts.failed";

    private static final Pattern WAIT = Pattern.compile("[0-9]{1,2}");

    private final LeaseGrants grants;
    private final BookIntegrity integrity;
    private final JsonMapper json;

    LeasePosts(LeaseGrants grants, BookIntegrity integrity, JsonMapper json) {
        super("lease", FAILED);
        this.grants = grants;
        this.integrity = integrity;
        this.json = json;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<LeasePosts> leasePosts(LeaseGrants grants, BookIntegrity integrity, JsonMapper json) {
            return onBooksApi(new LeasePosts(grants, integrity, json));
        }
    }

    @Override
    protected boolean takes(HttpServletRequest request) {
        String[] waits = request.getParameterValues("wait");
        return waits == null || (waits.length == 1 && WAIT.matcher(waits[0]).matches());
    }

    @Override
    protected Answer answer(String book, String body, HttpServletRequest request) {
        String wait = request.getParameter("wait");
        integrity.require(book);
        return new Answer(200, json.writeValueAsBytes(grants.take(book, body,
                wait == null ? LeaseGrants.DEFAULT_WAIT_SECONDS : Integer.parseInt(wait))));
    }
}
