package org.gongzhang.service.security;

import java.util.Arrays;

/**
 * A request refused for who sent it: 401 when nobody (or nobody valid) is logged in, 403 when the
 * caller lacks the role, the scope or — separation of duties — is the wrong person for this step.
 * {@link #code()} is a message key; nothing has been written.
 */
public class AccessDenied extends RuntimeException {

    private final int status;
    private final String code;
    private final Object[] args;

    AccessDenied(int status, String code, Object... args) {
        super(code + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.status = status;
        this.code = code;
        this.args = args.clone();
    }

    public static AccessDenied unauthenticated(String code) {
        return new AccessDenied(401, code);
    }

    public static AccessDenied forbidden(String code, Object... args) {
        return new AccessDenied(403, code, args);
    }

    /** 429: too many failed logins; {@code args[0]} is the minutes to wait. */
    public static AccessDenied throttled(java.time.Duration wait) {
        return new AccessDenied(429, "auth.throttled", Math.max(1, (wait.toSeconds() + 59) / 60));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
