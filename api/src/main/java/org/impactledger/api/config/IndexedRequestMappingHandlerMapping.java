package org.impactledger.api.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's mapping of requests to controller methods, testing only the mappings whose leading literal path
 * segments are those of the request.
 *
 * <p>Why: for a path with a variable ({@code /api/contracts/c-1/outcomes}) Spring tests the request against every
 * mapping of the application, about a hundred here, each up to its path pattern. At a fixed 1,000 commands/s that
 * lookup was 14.5 % of the request threads' samples (bench/RESULTS.md, "seventeenth session"); Spring keeps it
 * linear on purpose (spring-framework issues 24901, 34461). Here each mapping is filed under the literal segments its
 * patterns start with ({@code /api/contracts/{contractId}/outcomes} under {@code api/contracts}), and a request is
 * tested only against the mappings filed under a prefix of its own segments, decoded as the patterns compare them. A
 * pattern's literal segments must equal the request's, so no mapping left out could match.
 *
 * <p>Spring's own lookup still answers whatever this does not decide alike: a path that some mapping names exactly, a
 * CORS pre-flight, a request no candidate matches (so the 404, 405, 406 and 415 answers are Spring's), two equally
 * good matches (Spring's ambiguity error), and any configuration without case-sensitive path patterns.
 * {@code IndexedRequestMappingHandlerMappingTest} compares the two lookups for every mapping of the ledger.
 */
public class IndexedRequestMappingHandlerMapping extends RequestMappingHandlerMapping {

    private volatile Index index;

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        index = null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, java.lang.reflect.Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index current = index();
        if (current == null || current.directPaths.contains(lookupPath) || CorsUtils.isPreFlightRequest(request)
                || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        List<RequestMappingInfo> matching = new ArrayList<>(2);
        List<HandlerMethod> handlers = new ArrayList<>(2);
        for (RequestMappingInfo candidate : current.candidates(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication())) {
            RequestMappingInfo match = getMatchingMapping(candidate, request);
            if (match != null) {
                matching.add(match);
                handlers.add(current.handlers.get(candidate));
            }
        }
        if (matching.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        int best = 0;
        if (matching.size() > 1) {
            Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
            for (int i = 1; i < matching.size(); i++) {
                if (comparator.compare(matching.get(i), matching.get(best)) < 0) {
                    best = i;
                }
            }
            for (int i = 0; i < matching.size(); i++) {
                if (i != best && comparator.compare(matching.get(i), matching.get(best)) == 0) {
                    return super.lookupHandlerMethod(lookupPath, request);
                }
            }
        }
        HandlerMethod handler = handlers.get(best);
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(matching.get(best), lookupPath, request);
        return handler;
    }

    /** How many mappings the request is tested against (its path parsed), or -1 when Spring's own lookup answers it; for tests. */
    int candidateCount(HttpServletRequest request) {
        Index current = index();
        return current == null ? -1 : current.candidates(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()).size();
    }

    /** Spring's own lookup, for comparison in tests. */
    HandlerMethod springLookup(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, request);
    }

    /** The index of the registered mappings, or {@code null} when it cannot be used (path patterns off, or case-insensitive). */
    private Index index() {
        Index current = index;
        if (current == null) {
            current = Index.of(getHandlerMethods(), getPatternParser() != null && getPatternParser().isCaseSensitive());
            index = current;
        }
        return current.usable ? current : null;
    }

    private static final class Index {
        final boolean usable;
        final Set<String> directPaths = new HashSet<>();
        final Map<RequestMappingInfo, HandlerMethod> handlers;
        final Node root = new Node();

        private Index(boolean usable, Map<RequestMappingInfo, HandlerMethod> handlers) {
            this.usable = usable;
            this.handlers = handlers;
        }

        static Index of(Map<RequestMappingInfo, HandlerMethod> handlerMethods, boolean caseSensitivePatterns) {
            Index index = new Index(caseSensitivePatterns, Map.copyOf(handlerMethods));
            for (RequestMappingInfo info : handlerMethods.keySet()) {
                PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
                if (patterns == null) {
                    return new Index(false, Map.of());
                }
                index.directPaths.addAll(info.getDirectPaths());
                if (patterns.getPatterns().isEmpty()) {
                    index.root.mappings.add(info);
                }
                for (PathPattern pattern : patterns.getPatterns()) {
                    Node node = index.root;
                    for (String segment : literalPrefix(pattern.getPatternString())) {
                        node = node.children.computeIfAbsent(segment, s -> new Node());
                    }
                    node.mappings.add(info);
                }
            }
            return index;
        }

        /** The pattern's leading segments that are plain text: no variable, wildcard or empty segment. */
        private static List<String> literalPrefix(String pattern) {
            List<String> literal = new ArrayList<>();
            String[] segments = pattern.split("/", -1);
            for (int i = pattern.startsWith("/") ? 1 : 0; i < segments.length; i++) {
                String s = segments[i];
                if (s.isEmpty() || s.indexOf('{') >= 0 || s.indexOf('}') >= 0 || s.indexOf('*') >= 0 || s.indexOf('?') >= 0
                        || s.indexOf(';') >= 0 || s.indexOf('%') >= 0) {
                    break;
                }
                literal.add(s);
            }
            return literal;
        }

        /** The mappings filed under the path's leading segments (decoded, without matrix variables), each once. */
        Set<RequestMappingInfo> candidates(PathContainer path) {
            Set<RequestMappingInfo> candidates = new LinkedHashSet<>(root.mappings);
            Node node = root;
            for (PathContainer.Element element : path.elements()) {
                if (element instanceof PathContainer.PathSegment segment) {
                    node = node.children.get(segment.valueToMatch());
                    if (node == null) {
                        break;
                    }
                    candidates.addAll(node.mappings);
                }
            }
            return candidates;
        }
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        final List<RequestMappingInfo> mappings = new ArrayList<>();
    }
}
