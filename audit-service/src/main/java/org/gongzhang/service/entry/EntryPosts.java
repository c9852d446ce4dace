package org.gongzhang.service.entry;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.gongzhang.service.log.BookIntegrity;
import org.gongzhang.service.web.BookPostAhead;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/books/{book}/entries}, the service's most frequent request, answered ahead of
 * Spring MVC ({@link BookPostAhead}): it does what {@link EntryController#submit} does, after the
 * {@code BookIntegrityGate}'s check. A post that failed here (also for a {@value NextLeases#HEADER}
 * the controller refuses) goes on to the controller, which raises its failure ({@link #FAILED});
 * nothing was stored.
 */
final class EntryPosts extends BookPostAhead {

    /** The request attribute holding the append's failure, for {@link EntryController#submit} to raise. */
    static final String FAILED = "org.gongzhang.service.entry.EntryPosts.failed";

    private final EntrySubmissions submissions;
    private final BookIntegrity integrity;
    private final JsonMapper json;
    private final NextLeases nextLeases;

    EntryPosts(EntrySubmissions submissions, BookIntegrity integrity, JsonMapper json, NextLeases nextLeases) {
        super("entries", FAILED);
        this.submissions = submissions;
        this.integrity = integrity;
        this.json = json;
        this.nextLeases = nextLeases;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<EntryPosts> entryPosts(EntrySubmissions submissions, BookIntegrity integrity,
                JsonMapper json, NextLeases nextLeases) {
            return onBooksApi(new EntryPosts(submissions, integrity, json, nextLeases));
        }
    }

    @Override
    protected Answer answer(String book, String body, HttpServletRequest request) {
        Duration wait = NextLeases.wait(request.getHeader(NextLeases.HEADER));
        String lease = request.getHeader(EntryController.LEASE_HEADER);
        integrity.require(book);
        EntrySubmissions.Outcome outcome = submissions.submitSigned(book, body, lease == null ? null : lease.strip());
        return new Answer(outcome.status().value(), json.writeValueAsBytes(nextLeases.answer(book, outcome, wait)));
    }
}
