package org.impactledger.api.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the tests: JSON in, status + headers + JSON out, with the ledger's headers.
 * Every request is authenticated: {@link Call#as} as a given principal and role, otherwise as an
 * auditor (who reads everything and may change nothing); {@link Call#anonymous()} sends no credentials.
 */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEFAULT_AUDITOR = TestTokens.forActor("auditor-default", "auditor", Map.of());
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public record Response(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Builder for one request. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private String contentType = "application/json";
        private boolean anonymous;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /**
         * Authenticates as {@code actor} in {@code role} with a signed bearer token carrying the party
         * claims the role needs ({@link TestTokens#forActor}).
         */
        public Call as(String actor, String role) {
            return as(actor, role, Map.of());
        }

        /** As {@link #as(String, String)}, with extra claims (e.g. {@code investor_id}) that win over the derived ones. */
        public Call as(String actor, String role, Map<String, String> claims) {
            return bearer(TestTokens.forActor(actor, role, claims));
        }

        public Call bearer(String token) {
            headers.put("Authorization", "Bearer " + token);
            return this;
        }

        /** HTTP Basic, for a local user. */
        public Call basic(String user, String password) {
            headers.put("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return this;
        }

        /** Sends no credentials at all (without this, a request without {@link #as} reads as an auditor). */
        public Call anonymous() {
            anonymous = true;
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        /** A raw body of the given content type (a camt.053 XML or CSV file). */
        public Call body(String text, String type) {
            this.body = text;
            this.contentType = type;
            return this;
        }

        public Call json(Object body) {
            this.body = body instanceof String s ? s : JSON.writeValueAsString(body);
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (!anonymous && !headers.containsKey("Authorization")) {
                // reads in the tests that do not say who they are: an auditor reads everything
                builder.header("Authorization", "Bearer " + DEFAULT_AUDITOR);
            }
            headers.forEach(builder::header);
            if (body != null) {
                builder.header("Content-Type", contentType);
            }
            builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                Map<String, String> h = new LinkedHashMap<>();
                response.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
                return new Response(response.statusCode(), h, response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
