package org.gongzhang.service.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;

/**
 * zh-CN unless asked otherwise: {@code ?lang=en} (or {@code zh-CN}) on any page switches and is
 * remembered in a cookie; otherwise the cookie; otherwise Accept-Language (the API's way); only
 * Chinese and English are spoken.
 */
final class PageLocaleResolver implements LocaleResolver {

    static final String PARAMETER = "lang";
    static final String COOKIE = "gongzhang-lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return fromTag(request.getParameter(PARAMETER))
                .or(() -> cookie(request))
                .orElseGet(() -> acceptLanguage(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Cookie cookie = new Cookie(COOKIE, locale == null ? "" : locale.toLanguageTag());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(locale == null ? 0 : 365 * 24 * 3600);
        response.addCookie(cookie);
    }

    static Optional<Locale> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String t = tag.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("en")) {
            return Optional.of(Locale.ENGLISH);
        }
        if (t.startsWith("zh")) {
            return Optional.of(Locale.SIMPLIFIED_CHINESE);
        }
        return Optional.empty();
    }

    private static Optional<Locale> cookie(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/") || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> COOKIE.equals(c.getName())).findFirst()
                .flatMap(c -> fromTag(c.getValue()));
    }

    /**
     * The first language of Accept-Language spoken here, by the header's weights. A header that does
     * not follow RFC 9110 (a weight that is not a number, a tag with "_") is read leniently, its
     * languages in the order written: the language is a preference, never a reason to refuse.
     */
    static Locale acceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        List<String> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header).stream().map(Locale.LanguageRange::getRange).toList();
        } catch (IllegalArgumentException malformed) {
            ranges = Arrays.stream(header.split(",")).map(range -> range.split(";", 2)[0]).toList();
        }
        return ranges.stream().map(PageLocaleResolver::fromTag).flatMap(Optional::stream).findFirst()
                .orElse(Locale.SIMPLIFIED_CHINESE);
    }

    private static Locale acceptLanguage(HttpServletRequest request) {
        return acceptLanguage(request.getHeader("Accept-Language"));
    }
}
