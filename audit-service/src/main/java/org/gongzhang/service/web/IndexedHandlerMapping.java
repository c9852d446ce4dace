package org.gongzhang.service.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mapping with an index in front of its search. Spring finds the handler of a
 * path with variables ({@code POST /api/books/{book}/entries}, a statement page) by testing every one
 * of the service's ~150 mappings against the request, a fifth of a signed append's time on its HTTP
 * thread. Here the mappings are filed in a tree of their patterns' segments, a literal segment under
 * its text and any other (a variable, a wildcard) under "any", and a request is tested only against
 * the mappings found by following its segments through the tree, each by its text and by "any": a
 * pattern with a literal segment other than the request's, or with another number of segments (but
 * for {@code **} and {@code {*rest}}, which take what is left), cannot match it. The tests and the
 * choice among matches are Spring's own ({@link #getMatchingMapping}, {@link #getMappingComparator},
 * {@link #handleMatch}); whatever the index is not sure of goes to Spring's full search: a path equal
 * to a mapping's fixed path (Spring's own fast case), a path with escapes, {@code ;} or empty
 * segments, a CORS preflight, no match (Spring's answer says why: 404, 405, 406, 415) and two equally
 * good matches (Spring's error).
 */
final class IndexedHandlerMapping extends RequestMappingHandlerMapping {

    /** The mappings by their patterns' segments; null until Spring has registered them. */
    private volatile Index index;

    /**
     * The mappings by their patterns' segments; those whose patterns do not start with {@code /} (or
     * that have none) are candidates everywhere.
     */
    record Index(Node root, List<RequestMappingInfo> anywhere, Set<String> directPaths,
            Map<RequestMappingInfo, HandlerMethod> handlers) {
    }

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        index = build(handlerMethods);
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        reindex();
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        reindex();
    }

    private void reindex() {
        if (index != null) {
            index = build(getHandlerMethods());
        }
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index current = index;
        List<RequestMappingInfo> candidates = current == null || CorsUtils.isPreFlightRequest(request)
                ? null : candidates(current, lookupPath);
        if (candidates == null) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        RequestMappingInfo best = null;
        RequestMappingInfo bestMapping = null;
        RequestMappingInfo second = null;
        Comparator<RequestMappingInfo> comparator = null;
        for (RequestMappingInfo mapping : candidates) {
            RequestMappingInfo match = getMatchingMapping(mapping, request);
            if (match == null) {
                continue;
            }
            if (best == null) {
                best = match;
                bestMapping = mapping;
                continue;
            }
            if (comparator == null) {
                comparator = getMappingComparator(request);
            }
            if (comparator.compare(match, best) < 0) {
                second = best;
                best = match;
                bestMapping = mapping;
            } else if (second == null || comparator.compare(match, second) < 0) {
                second = match;
            }
        }
        if (best == null || second != null && comparator.compare(best, second) == 0) {
            // nothing matched (Spring's answer says why) or two matches are equally good (Spring's error)
            return super.lookupHandlerMethod(lookupPath, request);
        }
        HandlerMethod handler = current.handlers().get(bestMapping);
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(best, lookupPath, request);
        return handler;
    }

    /**
     * The mappings that may match {@code lookupPath}, or null when the index is not sure and Spring
     * searches all of them itself.
     */
    static List<RequestMappingInfo> candidates(Index index, String lookupPath) {
        if (!lookupPath.startsWith("/") || lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0
                || lookupPath.contains("//") || index.directPaths().contains(lookupPath)) {
            return null;
        }
        List<RequestMappingInfo> candidates = new ArrayList<>();
        add(candidates, index.anywhere());
        index.root().collect(lookupPath.substring(1).split("/", -1), 0, candidates);
        return candidates;
    }

    private static void add(List<RequestMappingInfo> candidates, List<RequestMappingInfo> filed) {
        filed.forEach(mapping -> addOnce(candidates, mapping));
    }

    private static void addOnce(List<RequestMappingInfo> list, RequestMappingInfo mapping) {
        if (!list.contains(mapping)) {
            list.add(mapping);
        }
    }

    /**
     * One segment's place in the patterns: the mappings whose patterns end here, those whose patterns
     * take every segment from here on ({@code **}, {@code {*rest}}), and the next segment's places, by
     * its literal text or for any text (a variable, a wildcard, a segment mixing text and a variable).
     */
    static final class Node {

        private final Map<String, Node> literal = new HashMap<>();
        private Node any;
        private final List<RequestMappingInfo> here = new ArrayList<>();
        private final List<RequestMappingInfo> rest = new ArrayList<>();

        void file(String[] segments, int at, RequestMappingInfo mapping) {
            if (at == segments.length) {
                addOnce(here, mapping);
                return;
            }
            String segment = segments[at];
            if (segment.contains("**") || segment.startsWith("{*")) {
                addOnce(rest, mapping);
                return;
            }
            Node next;
            if (isLiteral(segment)) {
                next = literal.computeIfAbsent(segment, s -> new Node());
            } else {
                if (any == null) {
                    any = new Node();
                }
                next = any;
            }
            next.file(segments, at + 1, mapping);
        }

        void collect(String[] segments, int at, List<RequestMappingInfo> into) {
            add(into, rest);
            if (at == segments.length) {
                add(into, here);
                return;
            }
            Node exact = literal.get(segments[at]);
            if (exact != null) {
                exact.collect(segments, at + 1, into);
            }
            if (any != null) {
                any.collect(segments, at + 1, into);
            }
        }
    }

    static Index build(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        Node root = new Node();
        List<RequestMappingInfo> anywhere = new ArrayList<>();
        Set<String> directPaths = new HashSet<>();
        for (RequestMappingInfo mapping : handlerMethods.keySet()) {
            directPaths.addAll(mapping.getDirectPaths());
            Set<String> patterns = mapping.getPatternValues();
            if (patterns.isEmpty()) {
                addOnce(anywhere, mapping);
            }
            for (String pattern : patterns) {
                if (pattern.startsWith("/")) {
                    root.file(pattern.substring(1).split("/", -1), 0, mapping);
                } else {
                    addOnce(anywhere, mapping);
                }
            }
        }
        return new Index(root, List.copyOf(anywhere), Set.copyOf(directPaths), Map.copyOf(handlerMethods));
    }

    /** Whether a pattern's segment matches only itself: no variable, wildcard, escape or parameter. */
    private static boolean isLiteral(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            switch (segment.charAt(i)) {
                case '{', '}', '*', '?', '%', ';', '\\' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }

    /** Spring's own search, for comparing with the index's. */
    HandlerMethod fullSearch(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, request);
    }
}
