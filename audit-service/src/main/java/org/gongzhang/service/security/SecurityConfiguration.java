package org.gongzhang.service.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Two filter chains. The API ({@code /api/**}) takes a bearer token, or the session of a person
 * logged in on the pages — the workspace's scripts call the same API — and then, only then, wants
 * the session's CSRF token in {@code X-CSRF-TOKEN} on every change. It never creates a session.
 * Pages use a form login with a session, CSRF on every form and a Content-Security-Policy without
 * inline scripts. Which action needs which role in which scope is decided by {@link Access}.
 */
@Configuration
class SecurityConfiguration {

    /** Scripts and styles only from this origin; no inline script, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observations of the filter chain, authentications or authorizations. The service exposes no
     * metrics ({@code management.observations.enable.spring.security=false} already made them no-ops),
     * but with observations allowed Spring Security still wraps every filter of every request in an
     * observing decorator (~2 % of an append's request thread in a JFR profile on 2026-12-05).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    CsrfTokenRepository csrfTokens() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Users users, CsrfTokenRepository csrfTokens,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws Exception {
        return http.securityMatcher("/api/**", "/actuator/**")
                .csrf(c -> c.csrfTokenRepository(csrfTokens).requireCsrfProtectionMatcher(SESSION_CHANGE))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .securityContext(c -> c.securityContextRepository(new HttpSessionSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> problems.resolveException(
                        request, response, null, AccessDenied.forbidden("auth.csrf.invalid"))))
                .addFilterBefore(new TokenAuthenticationFilter(tokens, users), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, CsrfTokenRepository csrfTokens, LoginThrottle throttle)
            throws Exception {
        return http
                .csrf(c -> c.csrfTokenRepository(csrfTokens))
                .addFilterBefore(throttled(throttle), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/staff", false).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(a -> a.requestMatchers("/staff/**", "/staff").authenticated()
                        .anyRequest().permitAll())
                .build();
    }

    /** A page login while its account or address is refused goes back to the login page, which says for how long. */
    private static Filter throttled(LoginThrottle throttle) {
        return (ServletRequest req, ServletResponse res, FilterChain chain) -> {
            HttpServletRequest request = (HttpServletRequest) req;
            if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
                Optional<Duration> wait = throttle.refusedFor(request.getParameter("username"), request.getRemoteAddr());
                if (wait.isPresent()) {
                    ((HttpServletResponse) res).sendRedirect(request.getContextPath() + "/login?throttled="
                            + Math.max(1, (wait.get().toSeconds() + 59) / 60));
                    return;
                }
            }
            chain.doFilter(req, res);
        };
    }

    /** A change asked with the session's cookie and no bearer token: the cookie alone must not do. */
    private static final RequestMatcher SESSION_CHANGE = (HttpServletRequest request) ->
            !SAFE_METHODS.contains(request.getMethod())
                    && request.getHeader("Authorization") == null
                    && request.getSession(false) != null;

    @Bean
    UserDetailsService userDetails(Users users) {
        return username -> {
            String hash = users.passwordHash(username);
            Caller caller = users.find(username).orElse(null);
            if (hash == null || caller == null) {
                throw new UsernameNotFoundException(username);
            }
            return User.withUsername(username).password(hash)
                    .authorities(caller.grants().stream()
                            .map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name())).distinct().toList())
                    .build();
        };
    }
}
