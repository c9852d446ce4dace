package org.gongzhang.service.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The header's 中文 / English link on every page: the page being read, with the same query (a
 * verify page's periods, for one) and only {@code lang} replaced. On an error page it is the
 * address that failed, so that switching language shows the same error in the other language
 * ({@link PageErrors} adds it there). Only the page controllers' packages: for the JSON API it was
 * computed on every call and thrown away.
 */
@ControllerAdvice(basePackages = {"org.gongzhang.service.web", "org.gongzhang.service.workspace"})
class LanguageLinks {

    /** The current page in Chinese and in English. */
    public record Links(String zh, String en) {
    }

    @ModelAttribute("languageLinks")
    Links links(HttpServletRequest request) {
        return of(request);
    }

    static Links of(HttpServletRequest request) {
        return new Links(to(request, "zh-CN"), to(request, "en"));
    }

    private static String to(HttpServletRequest request, String language) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String uri ? uri : request.getRequestURI();
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        String kept = Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && !p.equals(PageLocaleResolver.PARAMETER)
                        && !p.startsWith(PageLocaleResolver.PARAMETER + "="))
                .collect(Collectors.joining("&"));
        return path + "?" + Stream.of(kept, PageLocaleResolver.PARAMETER + "=" + language)
                .filter(p -> !p.isEmpty()).collect(Collectors.joining("&"));
    }
}
