package org.impactledger.api.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves a short description of every problem type, so a problem's {@code type} URI resolves. */
@RestController
public class ProblemTypesController {

    @GetMapping("/problems/{slug}")
    public ResponseEntity<Map<String, String>> describe(@PathVariable String slug) {
        String code = slug.toUpperCase(Locale.ROOT).replace('-', '_');
        if (!Problems.TITLES.containsKey(code)) {
            ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", Problems.title("NOT_FOUND"),
                    "no problem type '" + slug + "'", java.util.List.of());
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("detail", problem.getDetail()));
        }
        return ResponseEntity.ok(Map.of("type", "/problems/" + slug, "code", code, "title", Problems.title(code)));
    }
}
