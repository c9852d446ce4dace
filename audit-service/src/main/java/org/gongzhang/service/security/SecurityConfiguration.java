package org.gongzhang.service.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two filter chains: the API ({@code /api/**}) is stateless with bearer tokens and no CSRF (no
 * cookies are honoured there); pages use a form login with a session and CSRF protection. Which
 * action needs which role in which scope is decided by {@link Access}, next to the action.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Users users) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(new TokenAuthenticationFilter(tokens, users), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http
                .formLogin(f -> f.loginPage("/login").permitAll())
                .logout(Customizer.withDefaults())
                .authorizeHttpRequests(a -> a.requestMatchers("/staff/**").authenticated().anyRequest().permitAll())
                .build();
    }

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
