package org.gongzhang.service.support;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine beyond a JDK (Chromium, PostgreSQL's server): without it the
 * test stops as not run, so that {@code ./mvnw verify} works on a machine with only a JDK; under
 * {@code CI=true}, where {@code .ci/run} installs it, its absence fails the test instead.
 */
final class Prerequisites {

    private Prerequisites() {
    }

    static void require(boolean present, String missingInCi, String notRun) {
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(missingInCi);
        }
        Assumptions.assumeTrue(present, notRun);
    }
}
