package org.gongzhang.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional GETs for what residents read and auditors download: the public pages and the
 * bundles answer with an {@code ETag}, and a client that already holds that version gets 304 Not
 * Modified without the body (a phone on a slow network, a notice-board screen refreshing). They
 * are marked {@code Cache-Control: no-cache} — kept, but revalidated on every use — instead of
 * Spring Security's {@code no-store}, which forbids keeping them at all. Staff pages keep
 * {@code no-store}.
 */
@Configuration(proxyBeanMethods = false)
class PublicCaching {

    /** Outside Spring Security's chain (order -100), so its headers see the ETag'd answer. */
    private static final int ORDER = -200;

    private static final Pattern BUNDLES = Pattern.compile("/api/books/[^/]+/(statements/[^/]+/)?bundle");

    /** The public pages and the bundles. */
    static boolean applies(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/") || path.startsWith("/public/") || BUNDLES.matcher(path).matches();
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter() {
                    @Override
                    protected boolean shouldNotFilter(HttpServletRequest request) {
                        return !applies(request);
                    }
                });
        registration.setOrder(ORDER + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> publicRevalidation() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !applies(request);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(ORDER);
        return registration;
    }
}
