package org.gongzhang.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Log in for an API token, see who you are, log out. */
@RestController
@RequestMapping("/api/session")
class SessionController {

    record Login(String username, String password) {
    }

    record Session(String token, Instant expiresAt, String username, String displayName, String actor,
            List<Grant> grants) {
    }

    record Me(String username, String displayName, String actor, List<Grant> grants) {
    }

    private final Users users;
    private final ApiTokens tokens;
    private final Access access;
    private final LoginThrottle throttle;

    SessionController(Users users, ApiTokens tokens, Access access, LoginThrottle throttle) {
        this.throttle = throttle;
        this.users = users;
        this.tokens = tokens;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<Session> login(@RequestBody Login login, HttpServletRequest request) {
        if (login == null || login.username() == null || login.password() == null) {
            throw AccessDenied.unauthenticated("auth.credentials.invalid");
        }
        String address = request.getRemoteAddr();
        throttle.refusedFor(login.username(), address).ifPresent(wait -> {
            throw AccessDenied.throttled(wait);
        });
        Caller caller = users.authenticate(login.username(), login.password()).orElseThrow(() -> {
            throttle.failed(login.username(), address);
            return AccessDenied.unauthenticated("auth.credentials.invalid");
        });
        throttle.succeeded(login.username());
        ApiTokens.Issued issued = tokens.issue(caller.username());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Session(issued.token(), issued.expiresAt(),
                caller.username(), caller.displayName(), caller.actor(), caller.grants()));
    }

    @GetMapping
    Me me() {
        Caller caller = access.caller();
        return new Me(caller.username(), caller.displayName(), caller.actor(), caller.grants());
    }

    @DeleteMapping
    ResponseEntity<Void> logout(@RequestHeader(name = "Authorization", required = false) String authorization) {
        access.caller();
        tokens.revoke(authorization.substring("Bearer ".length()).trim());
        return ResponseEntity.noContent().build();
    }
}
