package org.impactledger.api.security;

import static org.impactledger.api.security.Roles.ADMIN;
import static org.impactledger.api.security.Roles.AUDITOR;
import static org.impactledger.api.security.Roles.CITY_FINANCE;
import static org.impactledger.api.security.Roles.FOUNDATION;
import static org.impactledger.api.security.Roles.FUND_MANAGER;
import static org.impactledger.api.security.Roles.INVESTOR;
import static org.impactledger.api.security.Roles.ISSUER;
import static org.impactledger.api.security.Roles.OUTCOME_PAYER;
import static org.impactledger.api.security.Roles.PROVIDER;
import static org.impactledger.api.security.Roles.VERIFIER;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call what: the one place where every path of the API is given its roles (the README's
 * role table is this method in prose). Anything not listed is refused, so a new endpoint is closed
 * until someone classifies it here. Ownership that a path shows (an investor's own report) is
 * checked here too; ownership that needs state (a provider's own contract, a payer's own budget) is
 * checked by the aggregate, with the acting party taken from the authenticated principal.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, OAuth2ResourceServerProperties.class})
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Roles that read the fund's books line by line (journal, trial balance). */
    private static final String[] BOOKS = {ADMIN, FUND_MANAGER, AUDITOR};
    /** Roles that read outcome payments, payer budgets and their audit (NRRP reporting). */
    private static final String[] PAYMENTS = {ADMIN, FUND_MANAGER, OUTCOME_PAYER, CITY_FINANCE, FOUNDATION, VERIFIER, AUDITOR};
    /** Roles that read contracts and outcomes. */
    private static final String[] CONTRACTS = {ADMIN, FUND_MANAGER, PROVIDER, VERIFIER, OUTCOME_PAYER, CITY_FINANCE, FOUNDATION, AUDITOR};
    /** Roles that read investor figures; an investor among them sees only its own rows. */
    private static final String[] INVESTOR_FIGURES = {ADMIN, FUND_MANAGER, FOUNDATION, AUDITOR, INVESTOR};
    private static final String[] EVERY_ROLE = Roles.ALL.toArray(String[]::new);

    /**
     * No observation of the security filter chain: Spring Security otherwise wraps each of its
     * filters in an observation (and decorator) per request, which cost about a tenth of the request
     * threads' CPU samples; {@code http.server.requests} still times every request.
     */
    @Bean
    public SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public LocalUsers localUsers(SecurityProperties properties) {
        return new LocalUsers(properties.getUsers());
    }

    @Bean
    public SecurityFilterChain ledgerSecurity(HttpSecurity http, SecurityProperties properties, LocalUsers users,
                                              OAuth2ResourceServerProperties resourceServer, Clock clock,
                                              ObjectProvider<MeterRegistry> meters)
            throws Exception {
        JwtDecoder decoder = ConfiguredJwtDecoder.from(resourceServer.getJwt());
        String mode = properties.getMode();
        if (!mode.isEmpty() && !mode.equals("jwt") && !mode.equals("local")) {
            throw new IllegalStateException("ledger.security.mode must be jwt, local or empty, was '" + mode + "'");
        }
        if (mode.equals("jwt") && decoder == null) {
            throw new IllegalStateException("ledger.security.mode=jwt needs spring.security.oauth2.resourceserver.jwt.issuer-uri, "
                    + "jwk-set-uri or public-key-location");
        }
        boolean jwt = decoder != null && !mode.equals("local");
        boolean local = !users.isEmpty() && !mode.equals("jwt");
        if (!jwt && !local) {
            log.warn("No JWT issuer or key and no local users are configured: every API call except health and docs is refused");
        }
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(jwt, local);

        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(SecurityConfiguration::rules);
        if (local) {
            http.userDetailsService(users).httpBasic(basic -> basic.realmName(ProblemSecurityHandlers.REALM).authenticationEntryPoint(problems));
            if (properties.getLoginThrottle().isEnabled()) {
                // before the Basic filter, so that a throttled login is refused without checking its password
                http.addFilterBefore(new LoginThrottle(properties.getLoginThrottle(), clock, meters.getIfAvailable(() -> Metrics.globalRegistry)),
                        BasicAuthenticationFilter.class);
            }
        }
        if (jwt) {
            JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
            authorities.setAuthoritiesClaimName(properties.getJwt().getRolesClaim());
            authorities.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(authorities);
            converter.setPrincipalClaimName(properties.getJwt().getPrincipalClaim());
            // the system clock, as the delegate's own expiry check uses
            JwtDecoder remembering = new CachingJwtDecoder(decoder, java.time.Clock.systemUTC());
            http.oauth2ResourceServer(o -> o.jwt(j -> j.decoder(remembering).jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        }
        return http.build();
    }

    static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry r) {
        // public: health, the API's own description, problem types, the audit trail's public key
        r.requestMatchers("/error").permitAll()
                .requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/problems/**",
                        "/api/audit/public-key").permitAll()
                .requestMatchers(GET, "/actuator/**").hasAnyRole(ADMIN, AUDITOR)
                .requestMatchers("/actuator/**").hasRole(ADMIN)

                // funds: commands by the fund manager; payer budgets by the outcome payer (its own, checked in the controller)
                .requestMatchers(POST, "/api/funds/*/budgets").hasAnyRole(ADMIN, OUTCOME_PAYER)
                .requestMatchers(POST, "/api/funds", "/api/funds/**").hasAnyRole(ADMIN, FUND_MANAGER)
                .requestMatchers(GET, "/api/funds/*/investors").hasAnyRole(INVESTOR_FIGURES)
                .requestMatchers(GET, "/api/funds/*/budgets", "/api/funds/*/payments").hasAnyRole(PAYMENTS)
                .requestMatchers(GET, "/api/funds/*/journal", "/api/funds/*/trial-balance", "/api/journal/**").hasAnyRole(BOOKS)
                .requestMatchers(GET, "/api/funds", "/api/funds/*").hasAnyRole(EVERY_ROLE)

                // contracts and outcomes: four eyes and ownership are enforced by the Contract aggregate
                .requestMatchers(POST, "/api/contracts/*/outcomes", "/api/contracts/*/outcomes/imports", "/api/contracts/*/outcomes/*/withdrawal")
                .hasAnyRole(ADMIN, PROVIDER)
                .requestMatchers(POST, "/api/contracts/*/outcomes/*/verification", "/api/contracts/*/outcomes/*/rejection")
                .hasAnyRole(ADMIN, VERIFIER)
                .requestMatchers(POST, "/api/contracts/*/outcomes/*/payment-approval", "/api/contracts/*/outcomes/*/payment-execution",
                        "/api/contracts/*/outcomes/*/payment-reversal").hasAnyRole(ADMIN, OUTCOME_PAYER)
                .requestMatchers(POST, "/api/contracts", "/api/contracts/*/rate-card-amendments", "/api/contracts/*/close")
                .hasAnyRole(ADMIN, FUND_MANAGER)
                .requestMatchers(GET, "/api/contracts", "/api/contracts/**").hasAnyRole(CONTRACTS)

                // reports
                .requestMatchers(GET, "/api/reports/fund-performance/*/investors/{investorId}").access(ownInvestor())
                .requestMatchers(GET, "/api/reports/fund-performance/*").hasAnyRole(INVESTOR_FIGURES)
                .requestMatchers(GET, "/api/reports/outcome-payments", "/api/reports/outcome-payments/**").hasAnyRole(PAYMENTS)
                .requestMatchers(GET, "/api/reports/sdg-impact").hasAnyRole(EVERY_ROLE)
                .requestMatchers(GET, "/api/reports/housing").hasAnyRole(ADMIN, FUND_MANAGER, FOUNDATION, AUDITOR)
                .requestMatchers(GET, "/api/reports/nrrp-reconciliation").hasAnyRole(ADMIN, CITY_FINANCE, AUDITOR)

                // NRRP: projects, plans and bank statements are the city finance office's
                .requestMatchers(GET, "/api/nrrp/**").hasAnyRole(ADMIN, CITY_FINANCE, AUDITOR)
                .requestMatchers("/api/nrrp/**").hasAnyRole(ADMIN, CITY_FINANCE)

                // the audit trail and operations
                .requestMatchers(GET, "/api/audit/**").hasAnyRole(ADMIN, AUDITOR)
                .requestMatchers(POST, "/api/audit/build", "/api/audit/rebuild").hasAnyRole(ADMIN, AUDITOR)
                .requestMatchers(GET, "/api/admin/**").hasAnyRole(ADMIN, AUDITOR)
                .requestMatchers("/api/admin/**").hasRole(ADMIN)

                // housing (Social Housing Fund): managed by the fund manager, read by foundations and auditors
                .requestMatchers(GET, "/api/housing/**").hasAnyRole(ADMIN, FUND_MANAGER, FOUNDATION, AUDITOR)
                .requestMatchers("/api/housing/**").hasAnyRole(ADMIN, FUND_MANAGER)

                // exchange: each controller checks that an issuer or investor acts for itself (LedgerPrincipal.requireIssuer/requireInvestor)
                .requestMatchers(POST, "/api/exchange/issuers", "/api/exchange/issuers/*/suspension", "/api/exchange/issuers/*/reinstatement")
                .hasRole(ADMIN)
                .requestMatchers(POST, "/api/exchange/issuers/*/outcomes/*/verification", "/api/exchange/issuers/*/outcomes/*/rejection")
                .hasAnyRole(ADMIN, VERIFIER)
                // an issuer acts on its own instruments only (the Instrument aggregate checks the acting issuer)
                .requestMatchers(POST, "/api/exchange/instruments", "/api/exchange/instruments/*/delisting", "/api/exchange/instruments/*/offerings",
                        "/api/exchange/instruments/*/offerings/*/close", "/api/exchange/instruments/*/offerings/*/cancellation",
                        "/api/exchange/instruments/*/dividends", "/api/exchange/instruments/*/coupons").hasAnyRole(ADMIN, ISSUER)
                .requestMatchers(POST, "/api/exchange/instruments/*/offerings/*/subscriptions", "/api/exchange/instruments/*/orders",
                        "/api/exchange/instruments/*/orders/*/cancellation").hasAnyRole(ADMIN, INVESTOR)
                .requestMatchers(GET, "/api/exchange/**").hasAnyRole(ADMIN, ISSUER, INVESTOR, VERIFIER, AUDITOR)
                .requestMatchers("/api/exchange/**").hasAnyRole(ADMIN, ISSUER, INVESTOR, VERIFIER)

                // personal data of data subjects: read by admin and verifier, and by a provider for its own subjects
                // (checked by the controller and the DataSubject aggregate); erasure by admin
                .requestMatchers(POST, "/api/data-subjects/*/erasure").hasRole(ADMIN)
                .requestMatchers(GET, "/api/data-subjects/*/personal-data").hasAnyRole(ADMIN, VERIFIER, PROVIDER)
                .requestMatchers(POST, "/api/data-subjects/*/personal-data").hasAnyRole(ADMIN, PROVIDER, VERIFIER)

                .anyRequest().denyAll();
    }

    /** One investor's report: the roles that see every investor, or the investor named in the path itself. */
    static AuthorizationManager<RequestAuthorizationContext> ownInvestor() {
        return (authentication, context) -> {
            Authentication auth = authentication.get();
            if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
                return new AuthorizationDecision(false);
            }
            return new AuthorizationDecision(LedgerPrincipal.of(auth).mayReadInvestor(context.getVariables().get("investorId")));
        };
    }
}
