package org.impactledger.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger's HTTP API as the load generator uses it: one shared {@link HttpClient} (HTTP/1.1,
 * keep-alive, one connection per client thread in practice), every request with a timeout. Refuses
 * any address that is not loopback: the harness measures the machine it runs on.
 */
public final class LedgerClient {

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;
    private final BenchTokens tokens;
    /** The small requests' client ({@link PlainHttp}), or {@code null} to send them with the JDK's client (BENCH_HTTP=jdk). */
    private final PlainHttp plain;

    public LedgerClient(URI base, Duration timeout) {
        this(base, timeout, null);
    }

    /** @param tokens signs a bearer token for each command's principal and role; {@code null} sends no credentials */
    public LedgerClient(URI base, Duration timeout, BenchTokens tokens) {
        requireLoopback(base);
        this.tokens = tokens;
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.plain = "jdk".equals(System.getenv("BENCH_HTTP")) ? null : new PlainHttp(base, timeout);
    }

    /** Which client sends the small requests, for the run's header. */
    public String clientName() {
        return plain == null ? "the JDK's HttpClient (BENCH_HTTP=jdk)" : "plain sockets, one keep-alive connection per thread";
    }

    static void requireLoopback(URI base) {
        String host = base.getHost();
        try {
            if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("the harness only targets loopback addresses, not " + base);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in " + base, e);
        }
    }

    public URI base() {
        return base;
    }

    /** Sends one command; never throws for HTTP or I/O failures, which come back as a failed {@link Response}. */
    public Response send(Command command) {
        if (plain != null) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (tokens != null) {
                headers.put("Authorization", "Bearer " + tokens.tokenFor(command.actor(), command.role()));
            }
            if (command.idempotencyKey() != null) {
                headers.put("Idempotency-Key", command.idempotencyKey());
            }
            if (command.json() != null) {
                headers.put("Content-Type", "application/json");
            }
            return plain("POST", command.path(), headers, command.json() == null ? "" : command.json());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(command.path()))
                .timeout(timeout);
        if (tokens != null) {
            builder.header("Authorization", "Bearer " + tokens.tokenFor(command.actor(), command.role()));
        }
        if (command.idempotencyKey() != null) {
            builder.header("Idempotency-Key", command.idempotencyKey());
        }
        if (command.json() != null) {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(command.json()));
        } else {
            builder.POST(HttpRequest.BodyPublishers.noBody());
        }
        return exchange(builder.build());
    }

    /**
     * Sends a large body as a stream (a bulk import file), produced while it is sent: the generator
     * never holds the file in memory either.
     */
    public Response upload(String path, String actor, String role, String contentType, java.util.function.Supplier<java.io.InputStream> body,
                           Duration uploadTimeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(uploadTimeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body));
        if (tokens != null) {
            builder.header("Authorization", "Bearer " + tokens.tokenFor(actor, role));
        }
        return exchange(builder.build());
    }

    public Response get(String path) {
        if (plain != null) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (tokens != null) {
                headers.put("Authorization", "Bearer " + tokens.tokenFor("bench-auditor", "auditor"));
            }
            return plain("GET", path, headers, null);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET();
        if (tokens != null) {
            builder.header("Authorization", "Bearer " + tokens.tokenFor("bench-auditor", "auditor"));
        }
        return exchange(builder.build());
    }

    private Response plain(String method, String path, Map<String, String> headers, String body) {
        URI uri = base.resolve(path);
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        try {
            PlainHttp.Answer answer = plain.exchange(method, target, headers, body);
            return new Response(answer.status(), answer.body(), null);
        } catch (java.net.SocketTimeoutException e) {
            return new Response(-1, null, "HttpTimeoutException");
        } catch (IOException | RuntimeException e) {
            return new Response(-1, null, e.getClass().getSimpleName());
        }
    }

    private Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Response(-1, null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, null, "interrupted");
        }
    }

    /** A command as sent: path, the acting principal and role, an optional idempotency key and JSON body. */
    public record Command(Op op, String path, String actor, String role, String idempotencyKey, String json) {
    }

    /** An answer: a status (-1 when no answer came) and body, or the failure's name. */
    public record Response(int status, String body, String failure) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** A short, countable reason for a failed answer: "HTTP 409 LIMIT_EXCEEDED", "HTTP 500", "HttpTimeoutException". */
        public String reason() {
            if (failure != null) {
                return failure;
            }
            if (body != null) {
                Matcher m = CODE.matcher(body);
                if (m.find()) {
                    return "HTTP " + status + " " + m.group(1);
                }
            }
            return "HTTP " + status;
        }
    }
}
