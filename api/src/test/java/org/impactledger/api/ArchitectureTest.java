package org.impactledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layers honest: the domain knows no framework but Axon's modelling API, and modules only depend downwards. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.impactledger");
    }

    @Test
    void the_domain_depends_on_no_spring_no_jdbc_no_jackson_databind() {
        noClasses().that().resideInAPackage("org.impactledger.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "tools.jackson..", "com.fasterxml.jackson.databind..",
                        "jakarta.persistence..", "org.axonframework.spring..", "org.axonframework.springboot..")
                .because("ledger-core is the domain: Axon's modelling API and the JDK only")
                .check(classes);
    }

    @Test
    void the_domain_does_not_know_the_outer_modules() {
        noClasses().that().resideInAPackage("org.impactledger.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.impactledger.infra..", "org.impactledger.projections..",
                        "org.impactledger.api..")
                .check(classes);
    }

    @Test
    void the_domain_reads_no_clock_and_makes_no_random_ids() {
        noClasses().that().resideInAPackage("org.impactledger.core..")
                .should().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .because("ids and times come in on the command or from the event, so replays are repeatable")
                .check(classes);
    }

    @Test
    void infra_and_projections_do_not_depend_on_the_api() {
        noClasses().that().resideInAnyPackage("org.impactledger.infra..", "org.impactledger.projections..")
                .should().dependOnClassesThat().resideInAPackage("org.impactledger.api..")
                .check(classes);
    }

    @Test
    void infra_does_not_depend_on_projections() {
        noClasses().that().resideInAPackage("org.impactledger.infra..")
                .should().dependOnClassesThat().resideInAPackage("org.impactledger.projections..")
                .check(classes);
    }
}
