package org.impactledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * {@link IndexedRequestMappingHandlerMapping} on mappings built to trip an index: a variable segment that reads like
 * another mapping's literal one, mappings filed at different depths of the same path, a capture of the rest, and
 * paths no mapping has. Each answer is Spring's own.
 */
class IndexedRequestMappingsTest {

    @RestController
    @RequestMapping("/t")
    static class Probe {
        @GetMapping("/{id}") public String byId() { return "byId"; }
        @GetMapping("/budgets/{budget}") public String budget() { return "budget"; }
        @GetMapping("/budgets/{budget}/lines") public String lines() { return "lines"; }
        @GetMapping("/{id}/lines") public String idLines() { return "idLines"; }
        @PostMapping("/{id}/outcomes") public String report() { return "report"; }
        @GetMapping("/files/{*rest}") public String files() { return "files"; }
        @GetMapping("/exact") public String exact() { return "exact"; }
        @GetMapping("/x*y/{id}") public String wildcard() { return "wildcard"; }
    }

    private static IndexedRequestMappingHandlerMapping mapping;

    @BeforeAll
    static void mappings() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.registerSingleton("probe", Probe.class);
        context.refresh();
        mapping = new IndexedRequestMappingHandlerMapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
    }

    @ParameterizedTest
    @CsvSource({"GET,/t/budgets,byId", "GET,/t/budgets/b-1,budget", "GET,/t/budgets/lines,budget", "GET,/t/budgets/b-1/lines,lines",
            "GET,/t/files/lines,idLines", "GET,/t/exact,exact", "GET,/t/exact/lines,idLines", "GET,/t/files/a/b,files",
            "POST,/t/budgets/outcomes,report", "GET,/t/xay/1,wildcard", "GET,/t/x%2Fy,byId", "GET,/t,", "GET,/nope,",
            "GET,/t/budgets/b-1/lines/more,", "DELETE,/t/b-1,", "POST,/t/b-1,"})
    void each_request_maps_to_what_spring_maps_it_to(String method, String path, String expected) throws Exception {
        Object ours = lookup(method, path, true);
        assertThat(ours).isEqualTo(lookup(method, path, false));
        if (expected != null) {
            assertThat(ours).isEqualTo(expected);
        }
    }

    private static Object lookup(String method, String path, boolean indexed) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        String lookupPath = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
        try {
            HandlerMethod handler = indexed ? mapping.lookupHandlerMethod(lookupPath, request) : mapping.springLookup(lookupPath, request);
            return handler == null ? null : handler.getMethod().getName();
        } catch (Exception e) {
            return List.of(e.getClass(), String.valueOf(e.getMessage()));
        }
    }
}
