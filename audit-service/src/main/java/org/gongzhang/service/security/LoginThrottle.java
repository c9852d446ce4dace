package org.gongzhang.service.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per account and per client address, for the API login and the
 * page login alike. An account that failed {@value #ACCOUNT_FAILURES} times within
 * {@link #WINDOW} is refused for one minute, doubling with each further failure up to
 * {@link #MAX_LOCK}; an address that failed {@value #ADDRESS_FAILURES} times within the window is
 * refused for {@link #MAX_LOCK}. A successful login clears its account. While refused, not even a
 * right password logs in (the answer does not tell). Kept in memory, per node: a restart or another
 * node starts afresh, which at these limits still leaves a guesser a handful of tries per minute.
 */
@Component
public class LoginThrottle {

    static final int ACCOUNT_FAILURES = 5;
    static final int ADDRESS_FAILURES = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private static final int PRUNE_ABOVE = 10_000;

    private record Failures(int count, Instant since, Instant lockedUntil) {
    }

    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long logins as {@code username} from {@code address} are still refused, if they are. */
    public Optional<Duration> refusedFor(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(accounts, account(username), now), lockedUntil(addresses, address, now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        prune(now);
        accounts.compute(account(username), (k, f) -> next(f, now, ACCOUNT_FAILURES, true));
        if (address != null) {
            addresses.compute(address, (k, f) -> next(f, now, ADDRESS_FAILURES, false));
        }
    }

    public void succeeded(String username) {
        accounts.remove(account(username));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent failure) {
        failed(failure.getAuthentication().getName(), address(failure.getAuthentication().getDetails()));
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        if (success.getAuthentication().getDetails() instanceof WebAuthenticationDetails) {
            succeeded(success.getAuthentication().getName());
        }
    }

    private static Failures next(Failures previous, Instant now, int limit, boolean doubling) {
        Failures current = previous == null || previous.since().plus(WINDOW).isBefore(now)
                ? new Failures(0, now, null) : previous;
        int count = current.count() + 1;
        Instant lockedUntil = current.lockedUntil();
        if (count >= limit) {
            Duration lock = doubling
                    ? Duration.ofMinutes(1L << Math.min(count - limit, 4)).compareTo(MAX_LOCK) > 0
                            ? MAX_LOCK : Duration.ofMinutes(1L << Math.min(count - limit, 4))
                    : MAX_LOCK;
            lockedUntil = now.plus(lock);
        }
        return new Failures(count, current.since(), lockedUntil);
    }

    private static Instant lockedUntil(Map<String, Failures> failures, String key, Instant now) {
        if (key == null) {
            return null;
        }
        Failures f = failures.get(key);
        return f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now) ? null : f.lockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private void prune(Instant now) {
        for (Map<String, Failures> failures : java.util.List.of(accounts, addresses)) {
            if (failures.size() > PRUNE_ABOVE) {
                failures.values().removeIf(f -> f.since().plus(WINDOW).isBefore(now)
                        && (f.lockedUntil() == null || f.lockedUntil().isBefore(now)));
            }
        }
    }

    private static String account(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
