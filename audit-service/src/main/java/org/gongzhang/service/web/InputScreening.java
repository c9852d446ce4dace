package org.gongzhang.service.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Screens what JSON and HTTP allow but no part of the ledger accepts, before any handler sees it:
 * a JSON number with a fraction or an exponent (amounts are integer 分, areas are strings), an
 * integer beyond ±(2<sup>53</sup>−1), and text holding a NUL character (PostgreSQL cannot store
 * it) or half of a UTF-16 surrogate pair (no UTF-8 encoding exists for it) — in a JSON body, a
 * query or form parameter, or the path. The filter only finds the refusal; {@link #interceptor()}
 * raises it once the handler is known, so the API answers problem+json and a page an HTML error page,
 * each in the caller's language. Bodies that are not JSON at all are left to their readers.
 * (Text bodies are screened too: a controller reading its body as a string parses it whatever
 * the declared type.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class InputScreening extends OncePerRequestFilter {

    /** The largest JSON integer every reader of an entry (JavaScript included) holds exactly. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** JSON bodies up to this size are screened; a larger one is refused by its reader's own limit. */
    static final int MAX_SCREENED_BYTES = 32 * 1024 * 1024;

    private static final String REFUSAL = InputScreening.class.getName() + ".refusal";
    private static final String CLEAN_BODY = InputScreening.class.getName() + ".clean-body";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest screened = request;
        Optional<LedgerRefusal> refusal = path(request).or(() -> parameters(request));
        if (refusal.isEmpty() && isJson(request)) {
            byte[] body = request.getInputStream().readNBytes(MAX_SCREENED_BYTES + 1);
            if (body.length <= MAX_SCREENED_BYTES) {
                refusal = json(body);
                screened = new ReadAgain(request, body);
            }
            else {
                refusal = Optional.of(LedgerRefusal.invalid("request.body.too-large", null, String.valueOf(MAX_SCREENED_BYTES)));
            }
        }
        refusal.ifPresent(r -> request.setAttribute(REFUSAL, r));
        if (refusal.isEmpty() && screened != request) {
            request.setAttribute(CLEAN_BODY, ((ReadAgain) screened).body);
        }
        chain.doFilter(screened, response);
    }

    /**
     * The JSON body of {@code request} as this filter read it and found nothing to refuse in it (its
     * stream can still be read again from the start); empty when the request was refused, or its
     * body not screened (not JSON, or too large).
     */
    public static Optional<byte[]> cleanBody(HttpServletRequest request) {
        return request.getAttribute(CLEAN_BODY) instanceof byte[] body ? Optional.of(body) : Optional.empty();
    }

    /** Raises the refusal the filter found, where the handler's own error handling answers it. */
    public static HandlerInterceptor interceptor() {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getAttribute(REFUSAL) instanceof LedgerRefusal refusal) {
                    throw refusal;
                }
                return true;
            }
        };
    }

    private static Optional<LedgerRefusal> path(HttpServletRequest request) {
        String uri = request.getRequestURI().toLowerCase(Locale.ROOT);
        return uri.contains("%00") || uri.indexOf('\0') >= 0
                ? Optional.of(LedgerRefusal.invalid("request.text.invalid", "path", "path"))
                : Optional.empty();
    }

    private static Optional<LedgerRefusal> parameters(HttpServletRequest request) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!isText(parameter.getKey())) {
                return Optional.of(LedgerRefusal.invalid("request.text.invalid", "parameter", "parameter"));
            }
            for (String value : parameter.getValue()) {
                if (!isText(value)) {
                    return Optional.of(LedgerRefusal.invalid("request.text.invalid", parameter.getKey(),
                            parameter.getKey()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Bodies that may hold JSON: declared as JSON, as text, or undeclared (controllers that read a
     * body as a string take it whatever its declared type). Files (multipart, octet-stream, xlsx)
     * and forms (screened as parameters) are not.
     */
    private static boolean isJson(HttpServletRequest request) {
        if (!List.of("POST", "PUT", "PATCH").contains(request.getMethod())) {
            return false;
        }
        String type = request.getContentType();
        if (type == null) {
            return request.getContentLengthLong() != 0;
        }
        String mediaType = type.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return mediaType.equals("application/json") || mediaType.endsWith("+json") || mediaType.startsWith("text/");
    }

    /** The first refusal in a JSON document; malformed JSON is not refused here but by its reader. */
    static Optional<LedgerRefusal> json(byte[] body) {
        try (JsonParser parser = CanonicalJson.mapper().getFactory().createParser(body)) {
            // the field's path is worked out only for a refusal: for every token it was a tenth of an append
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String code = switch (token) {
                    case VALUE_NUMBER_FLOAT -> "request.number.not-integer";
                    case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            || Math.abs(parser.getLongValue()) > MAX_SAFE_INTEGER ? "request.number.out-of-range" : null;
                    case VALUE_STRING, FIELD_NAME -> isText(parser.getText()) ? null : "request.text.invalid";
                    default -> null;
                };
                if (code != null) {
                    String field = field(parser);
                    String named = field == null ? "body" : field;
                    return Optional.of(code.equals("request.text.invalid")
                            ? LedgerRefusal.invalid(code, field, named)
                            : LedgerRefusal.invalid(code, field, named, abbreviated(parser.getText())));
                }
            }
        } catch (IOException | RuntimeException malformed) {
            // left to the body's reader, which names its own refusal
        }
        return Optional.empty();
    }

    /** The dotted path of the parser's current value, as refusals name fields ({@code lines[1].debit}). */
    private static String field(JsonParser parser) {
        StringBuilder path = new StringBuilder();
        for (String segment : parser.getParsingContext().pathAsPointer().toString().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit) && !path.isEmpty()) {
                path.append('[').append(segment).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String abbreviated(String number) {
        return number.length() <= 24 ? number : number.substring(0, 21) + "…";
    }

    /** No NUL, and every UTF-16 surrogate in a pair. */
    static boolean isText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The request with its body read once and offered again to the handler. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
