package org.gongzhang.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.gongzhang.service.support.MovingClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-03T02:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fourFailuresStillLetTheRightPasswordIn() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES - 1; i++) {
            throttle.failed("zhao-min", "10.0.0.1");
        }
        assertThat(throttle.refusedFor("zhao-min", "10.0.0.1")).isEmpty();
    }

    @Test
    void theFifthFailureLocksTheAccountForAMinuteFromAnyAddressThenDoubling() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
            throttle.failed("Zhao-Min ", "10.0.0.1");
        }
        assertThat(throttle.refusedFor("zhao-min", "10.9.9.9")).contains(Duration.ofMinutes(1));
        assertThat(throttle.refusedFor("li-na", "10.0.0.1")).as("another account from that address").isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.refusedFor("zhao-min", "10.0.0.1")).isEmpty();
        throttle.failed("zhao-min", "10.0.0.1");
        assertThat(throttle.refusedFor("zhao-min", "10.0.0.1")).contains(Duration.ofMinutes(2));
        for (int i = 0; i < 10; i++) {
            throttle.failed("zhao-min", "10.0.0.1");
        }
        assertThat(throttle.refusedFor("zhao-min", "10.0.0.1")).contains(LoginThrottle.MAX_LOCK);
    }

    @Test
    void failuresOlderThanTheWindowAreForgottenAndSuccessClearsTheAccount() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES - 1; i++) {
            throttle.failed("li-na", "10.0.0.2");
        }
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        throttle.failed("li-na", "10.0.0.2");
        assertThat(throttle.refusedFor("li-na", "10.0.0.2")).isEmpty();
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES - 2; i++) {
            throttle.failed("li-na", "10.0.0.2");
        }
        throttle.succeeded("li-na");
        throttle.failed("li-na", "10.0.0.2");
        assertThat(throttle.refusedFor("li-na", "10.0.0.2")).isEmpty();
    }

    @Test
    void anAddressGuessingManyAccountsIsLockedForEveryAccount() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            throttle.failed("user-" + i, "203.0.113.7");
        }
        assertThat(throttle.refusedFor("zhao-min", "203.0.113.7")).contains(LoginThrottle.MAX_LOCK);
        assertThat(throttle.refusedFor("zhao-min", "198.51.100.1")).isEmpty();
    }
}
