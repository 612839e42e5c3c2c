package org.impactledger.api.security;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.ProviderId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller as the ledger sees it, whichever way it authenticated (a JWT from the
 * identity provider, or a local user by HTTP Basic): its name, roles, and the parties it belongs
 * to. Ownership rules read the party ids from here, never from a request field, so a caller cannot
 * claim to be someone else.
 *
 * @param name       the principal recorded on events and used for four eyes
 * @param roles      the ledger roles ({@link Roles})
 * @param investorId the investor it acts for (role investor), or {@code null}
 * @param providerId the provider it belongs to (role provider), or {@code null}
 * @param payerId    the outcome payer it belongs to (role outcome-payer), or {@code null}
 * @param issuerId   the issuer it acts for (role issuer), or {@code null}
 */
public record LedgerPrincipal(String name, Set<String> roles, String investorId, String providerId, String payerId, String issuerId) {

    public static final String INVESTOR_CLAIM = "investor_id";
    public static final String PROVIDER_CLAIM = "provider_id";
    public static final String PAYER_CLAIM = "payer_id";
    public static final String ISSUER_CLAIM = "issuer_id";

    public LedgerPrincipal {
        roles = Set.copyOf(roles);
    }

    /** The caller of the current request; fails if the request was not authenticated (the filter chain prevents that). */
    public static LedgerPrincipal current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static LedgerPrincipal of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            throw new IllegalStateException("no authenticated principal on this request");
        }
        Set<String> roles = new TreeSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                roles.add(name.substring(5));
            }
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return new LedgerPrincipal(authentication.getName(), roles, jwt.getToken().getClaimAsString(INVESTOR_CLAIM),
                    jwt.getToken().getClaimAsString(PROVIDER_CLAIM), jwt.getToken().getClaimAsString(PAYER_CLAIM),
                    jwt.getToken().getClaimAsString(ISSUER_CLAIM));
        }
        if (authentication.getPrincipal() instanceof LocalUsers.LocalUser user) {
            return new LedgerPrincipal(user.getUsername(), roles, user.investorId(), user.providerId(), user.payerId(), user.issuerId());
        }
        return new LedgerPrincipal(authentication.getName(), roles, null, null, null, null);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(Collection<String> any) {
        return any.stream().anyMatch(roles::contains);
    }

    /** The roles as recorded in event metadata: sorted, comma-separated. */
    public String roleList() {
        return String.join(",", new TreeSet<>(roles));
    }

    /** Whether this caller sees only its own investor rows (an investor with no wider reading role). */
    public boolean seesOnlyOwnInvestor() {
        return !hasAny(Roles.SEE_ALL_INVESTORS);
    }

    /** Whether the caller may read the figures of this investor. */
    public boolean mayReadInvestor(String investor) {
        return hasAny(Roles.SEE_ALL_INVESTORS) || (has(Roles.INVESTOR) && investorId != null && investorId.equals(investor));
    }

    /**
     * The provider whose contracts alone this caller may read: set for a provider without a wider
     * reading role, {@code null} for everyone who reads every contract.
     */
    public ProviderId readsOnlyProvider() {
        if (!has(Roles.PROVIDER) || hasAny(Roles.READ_ALL_CONTRACTS)) {
            return null;
        }
        return ProviderId.of(require(providerId, PROVIDER_CLAIM, "provider"));
    }

    /**
     * The outcome payer whose budgets, payments and payment audit alone this caller may read: set
     * for anyone without a role that reads every payer's ({@link Roles#READ_ALL_PAYMENTS}), that is
     * an outcome payer, a city finance officer or a foundation, {@code null} for everyone who reads
     * all. A restricted caller without a {@code payer_id} is refused: it reads no payer's payments.
     */
    public PayerId readsOnlyPayer() {
        if (hasAny(Roles.READ_ALL_PAYMENTS)) {
            return null;
        }
        if (payerId == null || payerId.isBlank()) {
            throw new DomainException(ErrorCode.NOT_OWNER, PAYER_CLAIM, name + " reads only its own outcome payer's budgets and payments, but has no "
                    + PAYER_CLAIM + " saying which payer it is");
        }
        return PayerId.of(payerId);
    }

    /**
     * The provider this caller acts as on outcome commands, for the contract to check against its own
     * provider; {@code null} for an administrator, who acts as no provider.
     */
    public ProviderId actingProvider() {
        if (has(Roles.ADMIN) || !has(Roles.PROVIDER)) {
            return null;
        }
        return ProviderId.of(require(providerId, PROVIDER_CLAIM, "provider"));
    }

    /**
     * The provider whose data subjects alone this caller may attach personal data to and read: set
     * for a provider that is neither an administrator nor a verifier (who handle every subject),
     * {@code null} otherwise.
     */
    public ProviderId personalDataOnlyAsProvider() {
        if (!has(Roles.PROVIDER) || has(Roles.ADMIN) || has(Roles.VERIFIER)) {
            return null;
        }
        return ProviderId.of(require(providerId, PROVIDER_CLAIM, "provider"));
    }

    /** The outcome payer this caller acts as on payment commands; {@code null} for an administrator. */
    public PayerId actingPayer() {
        if (has(Roles.ADMIN) || !has(Roles.OUTCOME_PAYER)) {
            return null;
        }
        return PayerId.of(require(payerId, PAYER_CLAIM, "outcome payer"));
    }

    /**
     * The issuer this caller acts as on instrument commands (listing, offerings, income, delisting),
     * for the instrument to check against its own issuer; {@code null} for an administrator, who acts
     * for any issuer. Anyone else acts for no issuer and is refused.
     */
    public IssuerId actingIssuer() {
        if (has(Roles.ADMIN)) {
            return null;
        }
        if (!has(Roles.ISSUER)) {
            throw new DomainException(ErrorCode.NOT_OWNER, ISSUER_CLAIM, name + " acts for no issuer");
        }
        return IssuerId.of(require(issuerId, ISSUER_CLAIM, "issuer"));
    }

    /** Refuses with 403 unless the caller is an administrator or the outcome payer {@code payer} itself. */
    public void requirePayer(String payer, String field) {
        if (has(Roles.ADMIN)) {
            return;
        }
        if (payerId == null || !payerId.equals(payer)) {
            throw new DomainException(ErrorCode.NOT_OWNER, field, name + " may act only for its own outcome payer, not for " + payer);
        }
    }

    /** Refuses with 403 unless the caller is an administrator or the issuer {@code issuer} itself (for the exchange's issuer paths). */
    public void requireIssuer(String issuer, String field) {
        if (has(Roles.ADMIN)) {
            return;
        }
        if (!has(Roles.ISSUER) || issuerId == null || !issuerId.equals(issuer)) {
            throw new DomainException(ErrorCode.NOT_OWNER, field, name + " may act only for its own issuer, not for " + issuer);
        }
    }

    /** Refuses with 403 unless the caller may read or act for the investor {@code investor} (for the exchange's account paths). */
    public void requireInvestor(String investor, String field) {
        if (!mayReadInvestor(investor)) {
            // the requested id is not echoed: a refusal tells a prober nothing about another investor
            throw new DomainException(ErrorCode.NOT_OWNER, field, name + " may read and act only for its own investor account");
        }
    }

    private String require(String id, String claim, String what) {
        if (id == null || id.isBlank()) {
            throw new DomainException(ErrorCode.NOT_OWNER, claim, name + " has the " + what + " role but no " + claim
                    + " saying which " + what + " it belongs to");
        }
        return id;
    }
}
