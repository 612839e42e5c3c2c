package org.impactledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problem documents, like every other refusal of the API, so that a client
 * handles "who are you?" and "not you" the same way it handles bad input. A 401 names the schemes
 * the ledger accepts in {@code WWW-Authenticate}. The detail never says whether a user exists.
 */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "impact-ledger";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final boolean bearer;
    private final boolean basic;

    public ProblemSecurityHandlers(boolean bearer, boolean basic) {
        this.bearer = bearer;
        this.basic = basic;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        boolean badToken = e instanceof InvalidBearerTokenException;
        if (bearer) {
            response.addHeader("WWW-Authenticate", badToken
                    ? "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\"The token is invalid or expired\""
                    : "Bearer realm=\"" + REALM + "\"");
        }
        if (basic) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        write(response, request, 401, "UNAUTHENTICATED", "Authentication is required",
                badToken ? "the bearer token is invalid or expired" : "send credentials: " + (bearer ? "a bearer token" : "")
                        + (bearer && basic ? " or " : "") + (basic ? "HTTP Basic user and password" : ""));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        // neither the path nor anything it names is echoed: a refused probe learns nothing, not even its own question back
        write(response, null, 403, "ACCESS_DENIED", "The authenticated principal may not do this",
                "the roles of " + (request.getUserPrincipal() == null ? "this principal" : request.getUserPrincipal().getName())
                        + " do not allow this " + request.getMethod() + " request");
    }

    static void write(HttpServletResponse response, HttpServletRequest request, int status, String code, String title, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/" + code.toLowerCase().replace('_', '-'));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (request != null) {
            problem.put("instance", request.getRequestURI());
        }
        problem.put("code", code);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
