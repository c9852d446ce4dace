package org.gongzhang.service.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.service.log.BookIntegrityFailed;
import org.gongzhang.service.log.Checkpoints;
import org.gongzhang.service.security.AccessDenied;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a person sees when a page cannot be shown: an HTML page in the site's layout, in their
 * language, saying what went wrong in words (a refusal's own message where there is one) and
 * offering a way back — never the API's problem+json. Requests to {@code /api/**} (and the API
 * description) are left to the problem+json handlers. Serves both exceptions thrown by page
 * controllers and errors the container forwards to {@code /error} (an unknown path, a failed login
 * form); a failure while showing an error page is left to the container.
 */
@Component
class PageErrors implements HandlerExceptionResolver, ErrorViewResolver {

    private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);
    private static final Set<Integer> TITLED = Set.of(400, 403, 404, 409, 500);

    private final MessageSource messages;
    /** The logged-in person for the page's header ({@link SignedInAdvice#me}), null when nobody is. */
    private final Supplier<SignedIn> signedIn;

    @Autowired
    PageErrors(MessageSource messages, SignedInAdvice signedIn) {
        this(messages, signedIn::me);
    }

    PageErrors(MessageSource messages, Supplier<SignedIn> signedIn) {
        this.messages = messages;
        this.signedIn = signedIn;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        if (!isPage(request.getRequestURI()) || request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
            return null;
        }
        if (exception instanceof BookIntegrityFailed failed) {
            response.setStatus(HttpStatus.CONFLICT.value());
            ModelAndView warning = new ModelAndView("public-integrity-failed", HttpStatus.CONFLICT);
            warning.addObject("languageLinks", LanguageLinks.of(request));
            warning.addObject("book", failed.book());
            warning.addObject("checkpointSize", String.valueOf(failed.trustedSize()));
            return warning;
        }
        LedgerRefusal refusal = refusal(exception);
        HttpStatus status = status(exception, refusal);
        if (status.is5xxServerError()) {
            LOG.error("page {} failed", request.getRequestURI(), exception);
        }
        String detail = refusal == null ? null
                : messages.getMessage(refusal.code(), refusal.args(), null, LocaleContextHolder.getLocale());
        if (exception instanceof AccessDenied denied) {
            detail = messages.getMessage(denied.code(), denied.args(), null, LocaleContextHolder.getLocale());
        }
        response.setStatus(status.value());
        return page(request, status, detail);
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return path instanceof String uri && !isPage(uri) ? null : page(request, status, null);
    }

    private ModelAndView page(HttpServletRequest request, HttpStatus status, String detail) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("languageLinks", LanguageLinks.of(request));
        // the page's header shows who is logged in, as every other page does (not 登录 to someone who is)
        page.addObject("me", me());
        page.addObject("status", status.value());
        String kind = TITLED.contains(status.value()) ? String.valueOf(status.value()) : "other";
        page.addObject("titleKey", "error.title." + kind);
        page.addObject("explainKey", "error.explain." + kind);
        page.addObject("detail", detail);
        return page;
    }

    /** The logged-in person, or null: an error page is still shown when they cannot be looked up. */
    private SignedIn me() {
        try {
            return signedIn.get();
        } catch (RuntimeException e) {
            LOG.warn("an error page shown without the logged-in person: {}", e.toString());
            return null;
        }
    }

    private static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/v3/")
                || path.startsWith("/actuator"));
    }

    private static LedgerRefusal refusal(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof LedgerRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }

    private static HttpStatus status(Exception exception, LedgerRefusal refusal) {
        if (exception instanceof ErrorResponse response) {
            return HttpStatus.valueOf(response.getStatusCode().value());
        }
        if (exception instanceof AccessDenied denied) {
            return HttpStatus.valueOf(denied.status());
        }
        if (exception instanceof TypeMismatchException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (exception instanceof Checkpoints.InconsistentLog) {
            return HttpStatus.CONFLICT;
        }
        if (refusal != null) {
            return switch (refusal.kind()) {
                case INVALID -> HttpStatus.BAD_REQUEST;
                case CONFLICT -> HttpStatus.CONFLICT;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
            };
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
