package org.impactledger.api.security;

import java.util.List;

/**
 * The ledger's roles, as they appear in a token's roles claim, in local users' configuration and in
 * the {@code role} of every event's metadata. The table of who may call what is in
 * {@link SecurityConfiguration} (one place) and in the README.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String FUND_MANAGER = "fund-manager";
    public static final String PROVIDER = "provider";
    public static final String VERIFIER = "verifier";
    public static final String OUTCOME_PAYER = "outcome-payer";
    public static final String INVESTOR = "investor";
    /** A foundation reads fund performance (and funds outcome budgets through the outcome-payer role). */
    public static final String FOUNDATION = "foundation";
    /** City finance reads NRRP reporting: budgets, outcome payments and their audit. */
    public static final String CITY_FINANCE = "city-finance";
    /** Reads everything, including the audit trail; changes nothing but the audit chain's own build. */
    public static final String AUDITOR = "auditor";
    public static final String ISSUER = "issuer";

    public static final List<String> ALL = List.of(ADMIN, FUND_MANAGER, PROVIDER, VERIFIER, OUTCOME_PAYER, INVESTOR, FOUNDATION, CITY_FINANCE,
            AUDITOR, ISSUER);

    /** Roles that read every contract; a provider without one of these reads only the contracts signed with it. */
    public static final List<String> READ_ALL_CONTRACTS = List.of(ADMIN, FUND_MANAGER, VERIFIER, OUTCOME_PAYER, CITY_FINANCE, FOUNDATION,
            AUDITOR);

    /**
     * Roles that read every payer's budgets, outcome payments and payment audit; an outcome payer,
     * city finance officer or foundation without one of these reads only those of its own payer.
     */
    public static final List<String> READ_ALL_PAYMENTS = List.of(ADMIN, FUND_MANAGER, VERIFIER, AUDITOR);

    /** Roles that see every investor's figures; an investor without one of these sees only its own rows. */
    public static final List<String> SEE_ALL_INVESTORS = List.of(ADMIN, FUND_MANAGER, FOUNDATION, AUDITOR);

    private Roles() {
    }

    public static String authority(String role) {
        return "ROLE_" + role;
    }
}
