package org.impactledger.api.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.security.*}: how callers authenticate.
 *
 * <ul>
 *   <li>{@code mode}: {@code jwt} (OAuth2 resource server; the decoder from Spring Boot's
 *       {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 *       {@code public-key-location}), {@code local} (HTTP Basic against {@code users}), or empty to
 *       turn on whichever of the two is configured (both, if both are).</li>
 *   <li>{@code users}: local users with bcrypt password hashes; none by default, so a production
 *       configuration has no password unless it sets one.</li>
 *   <li>{@code jwt.principal-claim} and {@code jwt.roles-claim}: where a token names its subject and roles.</li>
 *   <li>{@code login-throttle.*}: how many failed HTTP Basic logins are allowed ({@link LoginThrottle}).</li>
 * </ul>
 */
@ConfigurationProperties("ledger.security")
public class SecurityProperties {

    private String mode = "";
    private List<User> users = new ArrayList<>();
    private final Jwt jwt = new Jwt();
    private final LoginThrottle loginThrottle = new LoginThrottle();

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode == null ? "" : mode.trim().toLowerCase();
    }

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    public Jwt getJwt() {
        return jwt;
    }

    public LoginThrottle getLoginThrottle() {
        return loginThrottle;
    }

    /**
     * {@code ledger.security.login-throttle.*}: failed HTTP Basic logins allowed per user name and per
     * client address within {@code window} before further logins are refused with 429 until the
     * window has passed; {@code max-tracked} bounds how many names and addresses are counted.
     */
    public static class LoginThrottle {
        private boolean enabled = true;
        private int maxFailuresPerUser = 5;
        private int maxFailuresPerIp = 20;
        private Duration window = Duration.ofMinutes(15);
        private int maxTracked = 10_000;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaxFailuresPerUser() {
            return maxFailuresPerUser;
        }

        public void setMaxFailuresPerUser(int maxFailuresPerUser) {
            this.maxFailuresPerUser = maxFailuresPerUser;
        }

        public int getMaxFailuresPerIp() {
            return maxFailuresPerIp;
        }

        public void setMaxFailuresPerIp(int maxFailuresPerIp) {
            this.maxFailuresPerIp = maxFailuresPerIp;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public int getMaxTracked() {
            return maxTracked;
        }

        public void setMaxTracked(int maxTracked) {
            this.maxTracked = maxTracked;
        }
    }

    /** One local user: a bcrypt hash (never a clear password), its roles and the parties it belongs to. */
    public static class User {
        private String username;
        private String passwordHash;
        private List<String> roles = new ArrayList<>();
        private String investorId;
        private String providerId;
        private String payerId;
        private String issuerId;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }

        public String getInvestorId() {
            return investorId;
        }

        public void setInvestorId(String investorId) {
            this.investorId = investorId;
        }

        public String getProviderId() {
            return providerId;
        }

        public void setProviderId(String providerId) {
            this.providerId = providerId;
        }

        public String getPayerId() {
            return payerId;
        }

        public void setPayerId(String payerId) {
            this.payerId = payerId;
        }

        public String getIssuerId() {
            return issuerId;
        }

        public void setIssuerId(String issuerId) {
            this.issuerId = issuerId;
        }
    }

    public static class Jwt {
        private String principalClaim = "sub";
        private String rolesClaim = "roles";

        public String getPrincipalClaim() {
            return principalClaim;
        }

        public void setPrincipalClaim(String principalClaim) {
            this.principalClaim = principalClaim;
        }

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
        }
    }
}
