package org.impactledger.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's report of an error it meets before the application sees the request (a URL with an
 * encoded NUL or slash, a malformed request line), as a problem document instead of Tomcat's HTML
 * page. Errors the application answers have a body already and are left alone, as Tomcat's own
 * valve does.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as ErrorReportValve: not for a success, not once something was written, and only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String code = status == 400 ? "MALFORMED_URL" : status >= 500 ? "INTERNAL_ERROR" : "MALFORMED_REQUEST";
        String detail = status == 400
                ? "the request's URL or request line cannot be read (an encoded NUL, slash or backslash, or an invalid character)"
                : "the request was refused before the ledger read it (" + status + (known != null ? " " + known.getReasonPhrase() : "") + ")";
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/" + Problems.slug(code));
        problem.put("title", Problems.title(code));
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        if (status == 400) {
            problem.put("field", "path");
            problem.put("errors", List.of(new Problems.FieldError("path", "url-syntax", detail)));
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more can be sent
        }
    }
}
