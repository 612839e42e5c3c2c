package org.impactledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.impactledger.api.web.DateWindow.Reach;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger's date window: its bounds from the clock and the configuration, and — so that the rule
 * holds in one place for every endpoint, present and future — a check that every date of every
 * request body carries {@link DateWindow}.
 */
class DateWindowsTest {

    /** 29 November 2026, 23:30 in Rome and still the 29th in UTC: the window counts days in UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T22:30:00Z"), ZoneOffset.UTC);
    private final DateWindows windows = DateWindows.standard(CLOCK);

    @Test
    void a_fact_may_be_dated_from_1900_to_one_year_after_today_and_a_term_up_to_a_century_after() {
        assertThat(windows.earliest()).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(windows.latest(Reach.FACT)).isEqualTo(LocalDate.of(2027, 11, 29));
        assertThat(windows.latest(Reach.TERM)).isEqualTo(LocalDate.of(2126, 11, 29));
        for (String date : new String[] {"1900-01-01", "2026-11-29", "2027-11-29"}) {
            assertThat(windows.contains(LocalDate.parse(date), Reach.FACT)).as(date).isTrue();
        }
        // what the tester sent, and the days just outside
        for (String date : new String[] {"+10000-01-01", "9999-12-31", "0000-01-01", "-0005-01-01", "1899-12-31", "2027-11-30"}) {
            assertThat(windows.contains(LocalDate.parse(date), Reach.FACT)).as(date).isFalse();
        }
        assertThat(windows.contains(LocalDate.parse("2126-11-29"), Reach.TERM)).isTrue();
        assertThat(windows.contains(LocalDate.parse("2126-11-30"), Reach.TERM)).isFalse();
        assertThat(windows.contains(LocalDate.parse("1899-12-31"), Reach.TERM)).isFalse();
    }

    @Test
    void a_date_outside_is_refused_as_date_out_of_range_naming_the_field_and_the_window() {
        assertThatThrownBy(() -> windows.require(LocalDate.parse("+10000-01-01"), Reach.FACT, "valueDate"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DATE_OUT_OF_RANGE);
                    assertThat(e.field()).isEqualTo("valueDate");
                })
                .hasMessage("valueDate must be a date from 1900-01-01 to 2027-11-29 (the ledger's date window: at most 1 year after today), "
                        + "was +10000-01-01");
        assertThat(windows.require(null, Reach.FACT, "placedOn")).isNull();
    }

    @Test
    void the_bounds_are_configuration() {
        DateWindowProperties properties = new DateWindowProperties();
        properties.setEarliest(LocalDate.of(2000, 1, 1));
        properties.setFactHorizon(Period.ofMonths(3));
        properties.setTermHorizon(Period.ofYears(30));
        DateWindows configured = new DateWindows(CLOCK, properties);

        assertThat(configured.latest(Reach.FACT)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(configured.latest(Reach.TERM)).isEqualTo(LocalDate.of(2056, 11, 29));
        assertThat(configured.contains(LocalDate.of(1999, 12, 31), Reach.FACT)).isFalse();
        assertThat(configured.violation(LocalDate.of(2030, 1, 1), Reach.FACT)).contains("at most 3 months after today");
        properties.setFactHorizon(Period.ofDays(-1));
        assertThatThrownBy(() -> new DateWindows(CLOCK, properties)).isInstanceOf(IllegalStateException.class);
    }

    /**
     * Every {@link LocalDate} a client can send in a request body — in the body's record or in any record
     * or list of records inside it — carries {@link DateWindow}: a new endpoint with a date and without the
     * window fails here.
     */
    @Test
    void every_date_of_every_request_body_carries_the_date_window() throws Exception {
        Map<String, Reach> dates = new LinkedHashMap<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> bodies = new ArrayDeque<>();
        for (JavaClass controller : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.impactledger.api")) {
            if (!controller.isAnnotatedWith(RestController.class)) {
                continue;
            }
            for (Method method : Class.forName(controller.getName()).getDeclaredMethods()) {
                for (java.lang.reflect.Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class)) {
                        bodies.add(parameter.getType());
                    }
                }
            }
        }
        assertThat(bodies).hasSizeGreaterThan(40);
        while (!bodies.isEmpty()) {
            Class<?> type = bodies.poll();
            if (!type.isRecord() || !seen.add(type)) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                String name = type.getSimpleName() + "." + component.getName();
                if (component.getType() == LocalDate.class) {
                    DateWindow window = type.getDeclaredField(component.getName()).getAnnotation(DateWindow.class);
                    assertThat(window).as(name + " has no @DateWindow").isNotNull();
                    dates.put(name, window.value());
                }
                bodies.add(component.getType());
                Type generic = component.getGenericType();
                if (generic instanceof ParameterizedType parameterized) {
                    for (Type argument : parameterized.getActualTypeArguments()) {
                        if (argument instanceof Class<?> element) {
                            bodies.add(element);
                        }
                    }
                }
            }
        }
        // the dates of the four programmes' commands, as counted when the window came in
        assertThat(dates).hasSizeGreaterThanOrEqualTo(43)
                .containsEntry("CommitCapitalRequest.valueDate", Reach.FACT)
                .containsEntry("PlaceOrderRequest.placedOn", Reach.FACT)
                .containsEntry("ReportOutcomeRequest.outcomeDate", Reach.FACT)
                .containsEntry("SignContractRequest.endDate", Reach.TERM)
                .containsEntry("BondTermsBody.maturity", Reach.TERM);
    }
}
