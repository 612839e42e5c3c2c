package org.impactledger.api.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Local users from configuration, for the embedded default and the demo: passwords are stored only
 * as bcrypt hashes. A user whose hash is not bcrypt, or whose role is unknown, stops the start-up:
 * a misconfigured user must not silently exist.
 */
public class LocalUsers implements UserDetailsService {

    /** A local user with the parties it belongs to (the same ids a token carries as claims). */
    public static final class LocalUser extends User {
        private final String investorId;
        private final String providerId;
        private final String payerId;
        private final String issuerId;

        LocalUser(SecurityProperties.User user) {
            super(user.getUsername(), user.getPasswordHash(),
                    user.getRoles().stream().map(r -> new SimpleGrantedAuthority(Roles.authority(r))).toList());
            this.investorId = user.getInvestorId();
            this.providerId = user.getProviderId();
            this.payerId = user.getPayerId();
            this.issuerId = user.getIssuerId();
        }

        public String investorId() {
            return investorId;
        }

        public String providerId() {
            return providerId;
        }

        public String payerId() {
            return payerId;
        }

        public String issuerId() {
            return issuerId;
        }
    }

    private final Map<String, SecurityProperties.User> users = new HashMap<>();

    public LocalUsers(List<SecurityProperties.User> configured) {
        for (SecurityProperties.User user : configured) {
            if (user.getUsername() == null || user.getUsername().isBlank()) {
                throw new IllegalStateException("ledger.security.users: a user has no username");
            }
            String hash = user.getPasswordHash();
            if (hash == null || !hash.matches("^\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$")) {
                throw new IllegalStateException("ledger.security.users: user " + user.getUsername() + " needs a bcrypt password-hash");
            }
            for (String role : user.getRoles()) {
                if (!Roles.ALL.contains(role)) {
                    throw new IllegalStateException("ledger.security.users: user " + user.getUsername() + " has unknown role '" + role
                            + "'; roles are " + Roles.ALL);
                }
            }
            if (users.put(user.getUsername(), user) != null) {
                throw new IllegalStateException("ledger.security.users: user " + user.getUsername() + " is configured twice");
            }
        }
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        SecurityProperties.User user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no local user " + username);
        }
        return new LocalUser(user);
    }
}
