package org.gongzhang.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} → the token's user as the request's caller. An unknown or
 * expired token leaves the request anonymous and marked, so a protected action answers 401 saying
 * the token is not valid; public reads still work.
 */
final class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;
    private final Users users;

    TokenAuthenticationFilter(ApiTokens tokens, Users users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            String token = header.substring(PREFIX.length()).trim();
            Optional<Caller> caller = tokens.resolve(token).flatMap(users::find);
            if (caller.isPresent()) {
                List<SimpleGrantedAuthority> authorities = caller.get().grants().stream()
                        .map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name())).distinct().toList();
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(caller.get(), null, authorities));
            } else {
                request.setAttribute(Access.BAD_TOKEN, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }
}
