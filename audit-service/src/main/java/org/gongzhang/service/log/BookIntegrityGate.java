package org.gongzhang.service.log;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one place where a book that failed its integrity check ({@link BookIntegrity}) stops being
 * served: every request under {@code /api/books/{book}/} and {@code /public/books/{book}/} is
 * refused with {@link BookIntegrityFailed} before its handler runs — reports, PDFs, exports,
 * entries, head, bundle, verify, proofs, writes and the public pages alike. The API answers 409
 * problem+json; the public pages show a warning instead of figures. (The entry posts answered ahead
 * of Spring MVC, {@code EntryPosts}, make the same check first and hand its refusal to the controller.)
 */
@Component
public class BookIntegrityGate implements HandlerInterceptor {

    /** The paths this gate guards; the book is the third segment. */
    public static final String[] PATHS = {"/api/books/*/**", "/public/books/*/**"};

    private final BookIntegrity integrity;

    BookIntegrityGate(BookIntegrity integrity) {
        this.integrity = integrity;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] segments = path.split("/");
        if (segments.length > 3) {
            integrity.require(segments[3]);
        }
        return true;
    }
}
