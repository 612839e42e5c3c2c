package org.impactledger.bench.floor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor of command ingest on the decided stack (bench/floor.sh): what any request-per-command
 * Spring Boot service pays around one durable append, and nothing of the ledger. A provider POSTs
 * an outcome report as JSON with a bearer JWT (RS256, roles claim, as the ledger checks it, decoded
 * tokens remembered as the ledger does); the body is bound by Jackson and checked by Bean
 * Validation; its JSON and a metadata map are written as one row of {@code bench_append} (the
 * pgbench baseline's table, shaped like the ledger's event table) in one autocommitted, durable
 * statement; the answer is 201 with the row's id. No aggregate, no event bus, no idempotency table,
 * no read model, no audit chain: each of those only adds to what this measures.
 */
@SpringBootApplication
public class FloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }

    /** {@code --floor.security=false}: no authentication at all, to see what the JWT check costs. */
    @Bean
    @ConditionalOnProperty(name = "floor.security", havingValue = "false")
    SecurityFilterChain open(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @ConditionalOnProperty(name = "floor.security", havingValue = "true", matchIfMissing = true)
    SecurityFilterChain security(HttpSecurity http, JwtDecoder decoder) throws Exception {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        JwtDecoder remembering = new RememberingDecoder(decoder);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health").permitAll()
                        .requestMatchers("/floor/**").hasRole("provider")
                        .anyRequest().denyAll())
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(remembering).jwtAuthenticationConverter(converter)));
        return http.build();
    }

    /** A decoded token is kept until it expires, so that a client's repeated token is verified once (the ledger does the same). */
    static final class RememberingDecoder implements JwtDecoder {
        private final JwtDecoder delegate;
        private final Map<String, Jwt> decoded = new ConcurrentHashMap<>();

        RememberingDecoder(JwtDecoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public Jwt decode(String token) throws JwtException {
            Jwt jwt = decoded.get(token);
            if (jwt != null && (jwt.getExpiresAt() == null || jwt.getExpiresAt().isAfter(Instant.now()))) {
                return jwt;
            }
            jwt = delegate.decode(token);
            if (decoded.size() < 10_000) {
                decoded.put(token, jwt);
            }
            return jwt;
        }
    }

    /** An outcome report, checked as the ledger's request is (required fields, sizes, a positive quantity, a hex digest). */
    public record OutcomeReport(@NotBlank @Size(max = 64) String outcomeId,
                                @NotBlank @Size(max = 64) String beneficiaryId,
                                @NotBlank @Size(max = 64) String metricCode,
                                @NotBlank @Size(max = 16) String period,
                                @NotNull LocalDate outcomeDate,
                                @NotNull @Positive BigDecimal quantity,
                                @NotBlank @Size(max = 512) String evidenceReference,
                                @Pattern(regexp = "[0-9a-f]{64}") String evidenceSha256,
                                @Size(max = 2000) String note) {
    }

    @RestController
    static class FloorController {

        private static final String INSERT = "INSERT INTO bench_append (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                + "payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

        private final JdbcTemplate jdbc;
        private final JsonMapper json;
        /** The next sequence number of each aggregate, kept in memory as the ledger's aggregate cache keeps it. */
        private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();

        FloorController(JdbcTemplate jdbc, JsonMapper json) {
            this.jdbc = jdbc;
            this.json = json;
        }

        @PostMapping("/floor/contracts/{contractId}/outcomes")
        ResponseEntity<Map<String, Object>> report(@PathVariable String contractId, @Valid @RequestBody OutcomeReport report,
                                                   @AuthenticationPrincipal Jwt principal) {
            String actor = principal == null ? "anonymous" : principal.getSubject();
            String eventId = UUID.randomUUID().toString();
            long sequence = sequences.computeIfAbsent(contractId, id -> new AtomicLong()).getAndIncrement();
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("correlationId", eventId);
            meta.put("actor", actor);
            meta.put("actorRole", "provider");
            meta.put("businessDate", report.outcomeDate().toString());
            jdbc.update(INSERT, eventId, contractId, sequence, "Contract", Instant.now().toString(),
                    "org.impactledger.core.contract.event.OutcomeReported", "1",
                    json.writeValueAsBytes(report), json.writeValueAsString(meta).getBytes(StandardCharsets.UTF_8));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("eventId", eventId);
            body.put("sequenceNumber", sequence);
            return ResponseEntity.status(HttpStatus.CREATED).body(body);
        }
    }
}
