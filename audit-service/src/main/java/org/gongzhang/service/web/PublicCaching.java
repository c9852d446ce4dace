package org.gongzhang.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.gongzhang.core.book.api.LedgerEvent;
import org.gongzhang.service.log.BookIntegrity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional GETs for what residents read and auditors download: the public pages and the
 * bundles answer with an {@code ETag} (a page's from its bytes, a bundle's from what it holds,
 * {@code BundleTags}), and a client that already holds that version gets 304 Not Modified
 * without the body (a phone on a slow network, a notice-board screen refreshing). They are
 * marked {@code Cache-Control: no-cache} — kept, but revalidated on every use — instead of Spring
 * Security's {@code no-store}, which forbids keeping them at all. Staff pages keep {@code no-store}.
 * In front of both, anonymous readers of the public pages share one rendering ({@link PublicPageCache}).
 */
@Configuration(proxyBeanMethods = false)
class PublicCaching {

    /** Outside Spring Security's chain (order -100), so its headers see the ETag'd answer. */
    private static final int ORDER = -200;

    private static final Pattern BUNDLES = Pattern.compile("/api/books/[^/]+/(statements/[^/]+/)?bundle");

    /** The public pages and the bundles. */
    static boolean applies(HttpServletRequest request) {
        String path = path(request);
        return path.equals("/") || path.startsWith("/public/") || BUNDLES.matcher(path).matches();
    }

    private static boolean isBundle(HttpServletRequest request) {
        return BUNDLES.matcher(path(request)).matches();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Rendered public pages kept for anonymous readers until the ledger changes or {@code ttl} passes. */
    @Bean
    PublicPageCache publicPageCache(@Value("${ledger.public.page-cache-ttl:1s}") Duration ttl, BookIntegrity integrity) {
        return new PublicPageCache(ttl, System::nanoTime, book -> !book.isEmpty() && integrity.failed(book));
    }

    @Bean
    FilterRegistrationBean<PublicPageCache> publicPageCacheFilter(PublicPageCache cache) {
        FilterRegistrationBean<PublicPageCache> registration = new FilterRegistrationBean<>(cache);
        registration.setOrder(ORDER - 100);
        return registration;
    }

    /** After each appended entry commits, no public page kept before it is served again. */
    @Component
    @ProcessingGroup("ledger-index")
    static class LedgerChanged {

        private final PublicPageCache cache;

        LedgerChanged(PublicPageCache cache) {
            this.cache = cache;
        }

        @EventHandler
        void on(LedgerEvent event) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        cache.invalidate();
                    }
                });
            } else {
                cache.invalidate();
            }
        }
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter() {
                    @Override
                    protected boolean shouldNotFilter(HttpServletRequest request) {
                        // a bundle tags itself, from what it holds (BundleTags): this filter would
                        // hold the whole ZIP in memory a second time to hash it
                        return !applies(request) || isBundle(request);
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
