package org.gongzhang.service.problem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.reporting.exchange.FileProblem;
import org.gongzhang.service.entry.BookLeases;
import org.gongzhang.service.exchange.ImportRefused;
import org.gongzhang.service.log.BookIntegrityFailed;
import org.gongzhang.service.log.Checkpoints;
import org.gongzhang.service.log.SplitViews;
import org.gongzhang.service.security.AccessDenied;
import org.gongzhang.service.signing.SignatureRequired;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.canonical.NotCanonicalizable;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.eventhandling.EventProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns refusals into problem+json: a stable {@code type} per refusal code, the message in the
 * caller's language (Accept-Language; zh-CN by default), the code and the offending field.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring's own problem-details handler, which would answer in English only
class ProblemAdvice {

    static final String TYPE_BASE = "https://gongzhang.org/problems/";

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final MessageSource messages;

    ProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(LedgerRefusal.class)
    ResponseEntity<ProblemDetail> refusal(LedgerRefusal refusal) {
        return problem(status(refusal.kind()), refusal.code(), refusal.field(), refusal.args());
    }

    /** Not an error: the entry is built and waits for its actor's own signature (nothing stored yet). */
    @ExceptionHandler(SignatureRequired.class)
    ResponseEntity<String> signatureRequired(SignatureRequired required) {
        // written with the ledger's own (Jackson 2) mapper: the entry must reach the signer exactly as built
        ObjectNode body = CanonicalJson.mapper().createObjectNode();
        body.put("status", "signature-required");
        body.put("book", required.book());
        body.set("entry", required.entry());
        body.put("canonical", required.canonical());
        body.put("submitTo", required.submitTo());
        required.lease().ifPresent(lease -> {
            body.put("lease", lease.id());
            body.put("leaseExpiresAt", lease.expiresAt().toString());
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).body(body.toString());
    }

    /** The book's lease stayed with other writers for as long as the request would wait: 503, try again in a second. */
    @ExceptionHandler(BookLeases.LeaseBusy.class)
    ResponseEntity<ProblemDetail> leaseBusy(BookLeases.LeaseBusy busy) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, "book.lease.busy", null);
        busy.heldUntil().ifPresent(until -> answer.getBody().setProperty("heldUntil", until.toString()));
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).header("Retry-After", "1")
                .body(answer.getBody());
    }

    /** A book that failed its integrity check: which book, and the checkpoint size the service vouched for. */
    @ExceptionHandler(BookIntegrityFailed.class)
    ResponseEntity<ProblemDetail> integrityFailed(BookIntegrityFailed failed) {
        ResponseEntity<ProblemDetail> answer = refusal(failed);
        answer.getBody().setProperty("book", failed.book());
        answer.getBody().setProperty("checkpointSize", failed.trustedSize());
        return answer;
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDenied denied) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.valueOf(denied.status()), denied.code(), null,
                denied.args());
        if (denied.status() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header("Retry-After", String.valueOf(60 * ((Number) denied.args()[0]).longValue()))
                    .body(answer.getBody());
        }
        return answer;
    }

    /**
     * A refused import: {@code errors} lists every problem of the file with its row (as a
     * spreadsheet shows it), column and localized message; a stopped import adds what it wrote and
     * {@code stoppedBy}, the refusal that stopped it.
     */
    @ExceptionHandler(ImportRefused.class)
    ResponseEntity<ProblemDetail> importRefused(ImportRefused refused) {
        ResponseEntity<ProblemDetail> answer = problem(status(refused.kind()), refused.code(), null, refused.args());
        ProblemDetail problem = answer.getBody();
        Locale locale = LocaleContextHolder.getLocale();
        problem.setProperty("errors", refused.problems().stream().map(p -> error(p, locale)).toList());
        refused.details().forEach(problem::setProperty);
        if (refused.stoppedBy() != null) {
            LedgerRefusal stop = refused.stoppedBy();
            Map<String, Object> cause = new LinkedHashMap<>();
            cause.put("code", stop.code());
            cause.put("field", stop.field());
            cause.put("detail", messages.getMessage(stop.code(), stop.args(), stop.code(), locale));
            problem.setProperty("stoppedBy", cause);
        }
        return answer;
    }

    private Map<String, Object> error(FileProblem p, Locale locale) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("row", p.row());
        if (p.column() != null) {
            error.put("column", p.column().letter());
            error.put("field", p.column().header());
        }
        error.put("code", p.code());
        error.put("message", messages.getMessage(p.code(), p.args().toArray(), p.code(), locale));
        return error;
    }

    @ExceptionHandler(Checkpoints.InconsistentLog.class)
    ResponseEntity<ProblemDetail> inconsistentLog(Checkpoints.InconsistentLog e) {
        return problem(HttpStatus.CONFLICT, "log.inconsistent", null);
    }

    @ExceptionHandler(SplitViews.SplitViewDetected.class)
    ResponseEntity<ProblemDetail> splitView(SplitViews.SplitViewDetected e) {
        return problem(HttpStatus.CONFLICT, "log.split-view", null);
    }

    /** Text that has no canonical JSON form (screened at the door; this is the last line behind it). */
    @ExceptionHandler(NotCanonicalizable.class)
    ResponseEntity<ProblemDetail> notCanonicalizable(NotCanonicalizable e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "request.text.invalid", null, "body");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown) {
                // a misspelt field would otherwise be dropped silently ("treshold" for "threshold")
                return problem(HttpStatus.UNPROCESSABLE_CONTENT, "request.field.unknown", unknown.getPropertyName(),
                        unknown.getPropertyName(), String.join(", ", unknown.getKnownPropertyIds().stream()
                                .map(String::valueOf).sorted().toList()));
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "request.body.unreadable", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.media-type.unsupported", null,
                String.valueOf(e.getContentType()));
    }

    /**
     * The database could not be reached (503, try again) or failed to store something (500); in
     * both cases the transaction was rolled back, so nothing of the request was kept.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, AxonNonTransientException.class,
        AxonTransientException.class, EventProcessingException.class})
    ResponseEntity<ProblemDetail> storage(RuntimeException failure) {
        if (DatabaseOutage.isOutage(failure)) {
            String code = DatabaseOutage.code(failure);
            log.warn("{}: {}", code, failure.toString());
            ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, code, null);
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS)).body(answer.getBody());
        }
        if (failure.getCause() instanceof LedgerRefusal refusal) {
            return refusal(refusal);
        }
        log.error("Storage failed; the request was rolled back", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "service.storage.failed", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "request.parameter.invalid", e.getName(), e.getName());
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String field, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage(code, args, code, locale));
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(LedgerRefusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
    }
}
