package org.gongzhang.service.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * While PostgreSQL is away every request fails fast (the pool waits
 * {@code ledger.database.connect-timeout}, two seconds, for a connection) with 503 problem+json
 * and {@code Retry-After}, in the caller's language — also when the failure happens before any
 * controller, e.g. while the token of the request is looked up. Nothing needs restarting when the
 * database is back: the pool opens new connections by itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseOutage extends OncePerRequestFilter {

    static final String CODE = "service.database.unavailable";
    static final String BUSY = "service.busy";
    static final int RETRY_AFTER_SECONDS = 5;

    private final HandlerExceptionResolver problems;
    private final LocaleResolver locales;

    DatabaseOutage(@Lazy @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems,
            @Lazy LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    /** Whether {@code failure} means the database cannot be reached (rather than that it refused something). */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01")
                    || sql.getSQLState().equals("57P03"))) {
                return true; // connection exception, admin shutdown, cannot connect now
            }
        }
        return false;
    }

    /**
     * Which of the two a 503 is: the database cannot be reached (a connection failure somewhere in
     * the chain), or every pooled connection stayed busy for the whole wait (overload: the pool timed
     * out with no failure behind it).
     */
    static String code(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return CODE;
            }
        }
        return BUSY;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            if (!isOutage(failure) || response.isCommitted()) {
                throw failure;
            }
            Throwable cause = failure instanceof ServletException && failure.getCause() != null
                    ? failure.getCause() : failure;
            DataAccessException storage = cause instanceof DataAccessException d
                    ? d : new DataAccessResourceFailureException(cause.getMessage(), cause);
            response.resetBuffer();
            // answered by ProblemAdvice, as a failure inside a controller would be, in the caller's language
            LocaleContextHolder.setLocale(locales.resolveLocale(request));
            try {
                if (problems.resolveException(request, response, null, storage) == null) {
                    throw failure;
                }
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        }
    }
}
