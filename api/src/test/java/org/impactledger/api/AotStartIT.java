package org.impactledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.impactledger.api.support.Eventually;
import org.impactledger.api.support.PostgresDatabase;
import org.impactledger.api.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production start, run as the README gives it: the packaged jar with {@code scripts/ledger.jvmopts}, which
 * starts from the Spring configuration the build processed ahead of time ({@code -Dspring.aot.enabled=true}).
 * The other integration tests run the ordinary configuration in the test JVM; this one runs after the jar is
 * built (Maven's {@code integration-test} phase, failsafe), as a process of its own on PostgreSQL.
 *
 * <p>What a build-time choice of beans could lose, it checks at run time: the demo profile seeds its scenario,
 * the JWT public key given at the start is the one tokens are checked with, the audit chain verifies, bad input
 * is a problem document, and Axon Server switched on refuses to start rather than run on the JDBC store.
 */
class AotStartIT {

    private static final Path API = Path.of("").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Process ledger;
    private static Path log;
    private static String base;
    private static String databaseUrl;

    @BeforeAll
    static void start() throws Exception {
        databaseUrl = PostgresDatabase.fresh(PostgresDatabase.NAME + "_aot");
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        log = API.resolve("target/aot-start-it.log");
        ledger = start(log, "--server.port=" + port, "--spring.profiles.active=demo");
        awaitHealthy(ledger, log);
    }

    @AfterAll
    static void stop() throws Exception {
        if (ledger != null) {
            ledger.destroy();
            if (!ledger.waitFor(30, TimeUnit.SECONDS)) {
                ledger.destroyForcibly();
            }
        }
    }

    @Test
    void the_start_uses_the_configuration_processed_ahead_of_time() throws IOException {
        assertThat(Files.readString(log)).contains("Starting AOT-processed LedgerApplication");
    }

    @Test
    void the_demo_profile_seeds_its_scenario_and_the_audit_chain_verifies() {
        String verified = Eventually.within(Duration.ofSeconds(90), () -> {
            HttpResponse<String> r = get("/api/audit/verify", basic("auditor", "demo-auditor"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(number(r.body(), "storeHeadIndex")).isGreaterThan(100);
            assertThat(number(r.body(), "eventsChecked")).isEqualTo(number(r.body(), "storeHeadIndex"));
            return r.body();
        });
        assertThat(verified).contains("\"valid\":true");
    }

    @Test
    void tokens_are_checked_with_the_public_key_given_at_the_start() throws Exception {
        String token = TestTokens.forActor("fund-manager-aot", "fund-manager", Map.of());
        HttpResponse<String> accepted = Eventually.within(Duration.ofSeconds(60), () -> {
            HttpResponse<String> r = get("/api/funds", "Bearer " + token);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"fundId\"");
            return r;
        });
        assertThat(accepted.body()).contains("\"items\"");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT other = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().subject("fund-manager-aot")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("roles", List.of("fund-manager")).build());
        other.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
        HttpResponse<String> refused = get("/api/funds", "Bearer " + other.serialize());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("WWW-Authenticate")).anyMatch(h -> h.contains("invalid_token"));
    }

    @Test
    void bad_input_is_a_problem_naming_the_field() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/funds"))
                .header("Authorization", "Bearer " + TestTokens.forActor("fund-manager-aot", "fund-manager", Map.of()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fundId\":\"x y\",\"name\":\"Bad\",\"currency\":\"EUR\","
                        + "\"manager\":\"m\",\"returnCapMultiple\":-1}")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("fundId").contains("returnCapMultiple");
    }

    @Test
    void axon_server_switched_on_refuses_to_start_rather_than_run_on_the_jdbc_store() throws Exception {
        Path refusedLog = API.resolve("target/aot-start-it-axonserver.log");
        Process refused = start(refusedLog, "--server.port=0", "--axon.axonserver.enabled=true");
        boolean ended = refused.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            refused.destroyForcibly();
        }
        assertThat(ended).as("the start ends").isTrue();
        assertThat(refused.exitValue()).isNotZero();
        assertThat(Files.readString(refusedLog)).contains("start with -Dspring.aot.enabled=false to use Axon Server");
    }

    private static Process start(Path output, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + API.resolveSibling("scripts").resolve("ledger.jvmopts"),
                "-jar", API.resolve("target/impact-ledger.jar").toString(),
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + PostgresDatabase.USER,
                "--spring.datasource.password=" + PostgresDatabase.PASSWORD,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                        + API.resolve("src/test/resources/security/test-jwt-public.pem")));
        command.addAll(List.of(arguments));
        Path workDir = Files.createDirectories(API.resolve("target/aot-start-it"));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
    }

    private static void awaitHealthy(Process process, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the ledger exited with " + process.exitValue() + " before it was ready:\n" + tail(output));
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the ledger was not ready after 180 s:\n" + tail(output));
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static HttpResponse<String> get(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as("%s in %s", field, json).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
