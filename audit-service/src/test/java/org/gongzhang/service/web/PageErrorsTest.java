package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Which error page a page's failure shows, and that the API's failures are left to problem+json. */
class PageErrorsTest {

    private final PageErrors errors = new PageErrors(messages(), () -> null);

    @BeforeEach
    void inChinese() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aRefusalOnAPageShowsItsOwnMessageUnderItsStatus() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView page = errors.resolveException(new MockHttpServletRequest("GET", "/public/books/b"), response, null,
                new LedgerRefusal(LedgerRefusal.Kind.CONFLICT, "statement.superseded", null, "v2"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(page.getViewName()).isEqualTo("error");
        assertThat(page.getModel()).containsEntry("titleKey", "error.title.409").containsEntry("detail", "已被 v2 更正");
    }

    @Test
    void anUnknownPathIsNotFoundAndAnythingUnexpectedIsAServerError() throws Exception {
        MockHttpServletResponse notFound = new MockHttpServletResponse();
        errors.resolveException(new MockHttpServletRequest("GET", "/nowhere"), notFound, null,
                new NoResourceFoundException(HttpMethod.GET, "/nowhere", "nowhere"));
        assertThat(notFound.getStatus()).isEqualTo(404);

        MockHttpServletResponse failed = new MockHttpServletResponse();
        ModelAndView page = errors.resolveException(new MockHttpServletRequest("GET", "/public/books/b"), failed, null,
                new IllegalStateException("boom"));
        assertThat(failed.getStatus()).isEqualTo(500);
        assertThat(page.getModel()).containsEntry("titleKey", "error.title.500").containsEntry("explainKey",
                "error.explain.500").containsEntry("detail", null);
    }

    @Test
    void theApiIsLeftToItsProblemAnswers() {
        assertThat(errors.resolveException(new MockHttpServletRequest("GET", "/api/books/b"), new MockHttpServletResponse(),
                null, new LedgerRefusal(LedgerRefusal.Kind.NOT_FOUND, "book.not-found", "book", "b"))).isNull();
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("statement.superseded", Locale.SIMPLIFIED_CHINESE, "已被 {0} 更正");
        return messages;
    }
}
