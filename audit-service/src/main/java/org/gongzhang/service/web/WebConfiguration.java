package org.gongzhang.service.web;

import java.util.List;
import org.gongzhang.service.log.BookIntegrityGate;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The language of pages and answers (see {@link PageLocaleResolver}); the gate in front of a book
 * that failed its integrity check ({@link BookIntegrityGate}); HTML error pages for pages
 * ({@link PageErrors}); JSON as the API's only representation; and handlers found through an index
 * ({@link IndexedHandlerMapping}). Jackson's XML module is on the class path for JasperReports'
 * templates, not for answers: without this a browser, whose Accept prefers {@code application/xml}
 * to {@code *}{@code /*}, would be answered in XML.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    private final BookIntegrityGate integrityGate;
    private final PageErrors pageErrors;

    WebConfiguration(BookIntegrityGate integrityGate, PageErrors pageErrors) {
        this.integrityGate = integrityGate;
        this.pageErrors = pageErrors;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new PageLocaleResolver();
    }

    /** Request mappings found through a tree of their patterns' segments ({@link IndexedHandlerMapping}). */
    @Bean
    WebMvcRegistrations indexedHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new IndexedHandlerMapping();
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(PageLocaleResolver.PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
        registry.addInterceptor(InputScreening.interceptor());
        registry.addInterceptor(integrityGate).addPathPatterns(BookIntegrityGate.PATHS);
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.configureMessageConvertersList(list -> list.removeIf(c -> c.getSupportedMediaTypes().stream()
                .anyMatch(WebConfiguration::isXml)));
    }

    private static boolean isXml(MediaType type) {
        return !type.isWildcardSubtype() && (type.getSubtype().equals("xml") || type.getSubtype().endsWith("+xml"));
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, pageErrors);
    }
}
