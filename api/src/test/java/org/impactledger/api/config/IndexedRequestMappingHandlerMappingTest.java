package org.impactledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.impactledger.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * {@link IndexedRequestMappingHandlerMapping} maps every request as Spring's own lookup does: for a path made from
 * each pattern of each mapping of the ledger, with every HTTP method, with and without JSON headers, and for paths no
 * mapping has, the same controller method (or the same error), the same path variables and the same best pattern.
 */
class IndexedRequestMappingHandlerMappingTest extends IntegrationTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void every_request_maps_as_springs_own_lookup_maps_it() throws Exception {
        assertThat(mapping).isInstanceOf(IndexedRequestMappingHandlerMapping.class);
        IndexedRequestMappingHandlerMapping indexed = (IndexedRequestMappingHandlerMapping) mapping;
        // each variable given an id, an encoded slash, and every literal segment of any pattern (a path variable that
        // reads like another mapping's literal segment, as /api/funds/{fundId} with the fund "budgets")
        Set<String> patterns = new LinkedHashSet<>();
        mapping.getHandlerMethods().keySet().forEach(info -> Objects.requireNonNull(info.getPathPatternsCondition()).getPatterns()
                .forEach(pattern -> patterns.add(pattern.getPatternString())));
        Set<String> values = new LinkedHashSet<>(List.of("x-1", "a%2Fb"));
        patterns.forEach(pattern -> Arrays.stream(pattern.split("/")).filter(s -> !s.isEmpty() && !s.contains("{")).forEach(values::add));
        Set<String> paths = new LinkedHashSet<>();
        for (String pattern : patterns) {
            for (String value : values) {
                paths.add(concrete(pattern, value));
            }
            paths.add(concrete(pattern, "x-1") + "/more");
        }
        paths.addAll(List.of("/", "/api", "/api/nope", "/api/contracts/c-1/nope", "/api/funds/f-1/", "/API/funds/f-1", "/api/funds/f%2D1",
                "/api/reports/fund-performance/f-1;v=1", "/actuator/health"));
        int mapped = 0;
        int compared = 0;
        for (String path : paths) {
            for (String method : METHODS) {
                for (boolean json : new boolean[] {true, false}) {
                    Object ours = lookup(indexed, path, method, json, true);
                    Object springs = lookup(indexed, path, method, json, false);
                    assertThat(ours).as("%s %s (JSON headers %s)", method, path, json).isEqualTo(springs);
                    compared++;
                    if (ours instanceof Mapped) {
                        mapped++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
        assertThat(mapped).isGreaterThan(mapping.getHandlerMethods().size());
    }

    /** A pattern with every variable given {@code value} (a capture of the rest, two segments). */
    private static String concrete(String pattern, String value) {
        List<String> segments = new ArrayList<>();
        for (String segment : pattern.split("/", -1)) {
            if (segment.startsWith("{*")) {
                segments.add(value + "/" + value);
            } else {
                segments.add(segment.replaceAll("\\{[^}]*\\}", value));
            }
        }
        String path = String.join("/", segments);
        return path.isEmpty() ? "/" : path;
    }

    /** The controller method by its bean (name, or class for a handler Spring makes per request, as for OPTIONS) and signature. */
    private record Mapped(String handler, Object variables, Object pattern) {
        Mapped(HandlerMethod handler, Object variables, Object pattern) {
            this((handler.getBean() instanceof String name ? name : handler.getBeanType().getName()) + " " + handler.getMethod().toGenericString(),
                    variables, pattern);
        }
    }

    private record Failed(Class<?> type, String message) {
    }

    private static Object lookup(IndexedRequestMappingHandlerMapping mapping, String path, String method, boolean json, boolean indexed) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (json) {
            request.setContentType("application/json");
            request.addHeader("Accept", "application/json");
        }
        ServletRequestPathUtils.parseAndCache(request);
        String lookupPath = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
        try {
            HandlerMethod handler = indexed ? mapping.lookupHandlerMethod(lookupPath, request) : mapping.springLookup(lookupPath, request);
            return handler == null ? null
                    : new Mapped(handler, request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE),
                            request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        } catch (Exception e) {
            return new Failed(e.getClass(), e.getMessage());
        }
    }

    @Test
    void a_command_is_tested_against_a_few_mappings_not_all() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/contracts/c-1/outcomes");
        ServletRequestPathUtils.parseAndCache(request);
        int candidates = ((IndexedRequestMappingHandlerMapping) mapping).candidateCount(request);
        assertThat(candidates).isPositive().isLessThan(mapping.getHandlerMethods().size() / 4);
        assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(50);
    }
}
