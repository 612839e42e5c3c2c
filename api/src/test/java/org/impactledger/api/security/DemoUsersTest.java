package org.impactledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The configured users as the README documents them: none in the production configuration, and in
 * the demo one user per role whose password is "demo-" + its user name, stored only as a bcrypt hash.
 */
class DemoUsersTest {

    private static SecurityProperties security(String file) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(file));
        Properties properties = yaml.getObject();
        return new Binder(new MapConfigurationPropertySource(properties)).bind("ledger.security", SecurityProperties.class)
                .orElseGet(SecurityProperties::new);
    }

    @Test
    void the_production_configuration_defines_no_user_and_no_password() {
        assertThat(security("application.yml").getUsers()).isEmpty();
        assertThat(new LocalUsers(security("application.yml").getUsers()).isEmpty()).isTrue();
    }

    @Test
    void the_demo_has_a_user_for_every_role_with_the_documented_password_stored_as_bcrypt() {
        List<SecurityProperties.User> users = security("application-demo.yml").getUsers();
        new LocalUsers(users); // refuses a hash that is not bcrypt and an unknown role
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        Set<String> roles = new TreeSet<>();
        for (SecurityProperties.User user : users) {
            assertThat(bcrypt.matches("demo-" + user.getUsername(), user.getPasswordHash())).as(user.getUsername()).isTrue();
            roles.addAll(user.getRoles());
        }
        assertThat(roles).containsExactlyInAnyOrderElementsOf(Roles.ALL);
        assertThat(users).extracting(SecurityProperties.User::getUsername)
                .contains("fund-manager", "provider-casa-solidale", "verifier-valuta-impatto", "city-finance-turin", "foundation-officer",
                        "investor-foundation-nord", "auditor", "admin");
    }

    @Test
    void a_clear_text_password_or_an_unknown_role_stops_the_start() {
        SecurityProperties.User clear = new SecurityProperties.User();
        clear.setUsername("someone");
        clear.setPasswordHash("secret");
        clear.setRoles(List.of("auditor"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LocalUsers(List.of(clear))).hasMessageContaining("bcrypt");
        SecurityProperties.User unknownRole = new SecurityProperties.User();
        unknownRole.setUsername("someone");
        unknownRole.setPasswordHash(new BCryptPasswordEncoder(4).encode("x"));
        unknownRole.setRoles(List.of("superuser"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LocalUsers(List.of(unknownRole))).hasMessageContaining("unknown role");
    }
}
