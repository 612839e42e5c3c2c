package org.impactledger.projections.exchange.holdings;

import static org.impactledger.projections.state.JdbcValues.money;
import static org.impactledger.projections.state.JdbcValues.plain;
import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.impactledger.core.exchange.PortfolioImpact;
import org.impactledger.core.exchange.query.FindHoldings;
import org.impactledger.core.exchange.query.FindPortfolioImpact;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.Money;
import org.impactledger.projections.report.TimeTravel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers holdings and portfolio impact from the {@code exchange-holdings} fact tables, at the
 * two times every report can be asked along ({@link TimeTravel}): only facts with
 * {@code business_date <= asOf} and {@code recorded_at <= knownAt} count.
 *
 * <ul>
 *   <li><b>Holdings</b>: units per instrument = Σ unit facts of the investor; units outstanding =
 *       Σ unit facts of the instrument (all holders); cash = Σ cash changes, reserved = Σ
 *       reservation changes, available = cash − reserved. Exact sums, no rounding.</li>
 *   <li><b>Portfolio impact</b>: for every issuer of which the investor holds units, the positions
 *       in every instrument of that issuer with units outstanding (the investor's units, units
 *       outstanding, capital raised = Σ proceeds of its closed offerings), and the issuer's verified
 *       outcomes, given to {@link PortfolioImpact#attribute}, which states the share and its rounding.</li>
 * </ul>
 *
 * An investor without an exchange account answers {@code null} (a 404).
 */
@Component
public class ExchangeHoldingsQueries {

    private final JdbcClient jdbc;

    public ExchangeHoldingsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Holdings handle(FindHoldings query) {
        String investorId = query.investorId().value();
        String currency = currency(investorId);
        if (currency == null) {
            return null;
        }
        Bounds at = new Bounds(query.asOf(), query.knownAt());
        Map<String, Object> cash = jdbc.sql("""
                        SELECT COALESCE(SUM(cash_change), 0) AS cash, COALESCE(SUM(reserved_change), 0) AS reserved FROM exchange_cash_fact
                        WHERE investor_id = :investorId AND business_date <= :asOf AND recorded_at <= :knownAt""")
                .param("investorId", investorId)
                .params(at.params())
                .query().singleRow();
        BigDecimal cashTotal = ((BigDecimal) cash.get("cash")).setScale(2);
        BigDecimal reserved = ((BigDecimal) cash.get("reserved")).setScale(2);

        List<UnitsHeld> held = unitsHeld(investorId, at);
        Map<String, Long> outstanding = unitsOutstanding(held.stream().map(UnitsHeld::instrumentId).toList(), at);
        List<Holdings.Position> positions = held.stream().map(h -> {
            long total = outstanding.getOrDefault(h.instrumentId(), 0L);
            BigDecimal share = PortfolioImpact.share(List.of(new PortfolioImpact.Position(InstrumentId.of(h.instrumentId()), h.units(), total,
                    Money.zero(currency))));
            return new Holdings.Position(h.instrumentId(), h.issuerId(), h.name(), h.type(), h.units(), total, share);
        }).toList();
        return new Holdings(investorId, currency, query.asOf(), query.knownAt(), cashTotal, reserved, cashTotal.subtract(reserved), positions);
    }

    @QueryHandler
    public PortfolioImpactReport handle(FindPortfolioImpact query) {
        String investorId = query.investorId().value();
        String currency = currency(investorId);
        if (currency == null) {
            return null;
        }
        Bounds at = new Bounds(query.asOf(), query.knownAt());
        Map<String, Long> unitsByInstrument = new LinkedHashMap<>();
        List<String> issuers = new ArrayList<>();
        for (UnitsHeld h : unitsHeld(investorId, at)) {
            unitsByInstrument.put(h.instrumentId(), h.units());
            if (!issuers.contains(h.issuerId())) {
                issuers.add(h.issuerId());
            }
        }
        issuers.sort(String::compareTo);

        List<PortfolioImpactReport.IssuerImpact> impacts = new ArrayList<>();
        for (String issuerId : issuers) {
            List<PortfolioImpact.Position> positions = new ArrayList<>();
            List<PortfolioImpactReport.ImpactPosition> shown = new ArrayList<>();
            for (IssuerInstrument instrument : instrumentsOf(issuerId, at)) {
                if (instrument.unitsOutstanding() <= 0) {
                    continue;
                }
                long units = unitsByInstrument.getOrDefault(instrument.instrumentId(), 0L);
                positions.add(new PortfolioImpact.Position(InstrumentId.of(instrument.instrumentId()), units, instrument.unitsOutstanding(),
                        Money.of(instrument.capitalRaised(), instrument.currency())));
                shown.add(new PortfolioImpactReport.ImpactPosition(instrument.instrumentId(), units, instrument.unitsOutstanding(),
                        instrument.capitalRaised()));
            }
            PortfolioImpact.Attribution attribution = PortfolioImpact.attribute(positions, verifiedOutcomes(issuerId, at));
            impacts.add(new PortfolioImpactReport.IssuerImpact(issuerId, issuerName(issuerId), attribution.share(), shown,
                    attribution.outcomes().stream().map(o -> new PortfolioImpactReport.AttributedOutcome(o.metricCode(), o.sdgTarget(), o.period(),
                            o.verifiedQuantity(), o.attributedQuantity())).toList()));
        }
        return new PortfolioImpactReport(investorId, query.asOf(), query.knownAt(), impacts);
    }

    // ---------------------------------------------------------------- reads

    /** The SQL bounds of a time-travel question. */
    private record Bounds(LocalDate asOf, Instant knownAt) {
        Map<String, Object> params() {
            return Map.of("asOf", asOf == null ? TimeTravel.END_OF_TIME : asOf, "knownAt", utc(knownAt));
        }
    }

    private record UnitsHeld(String instrumentId, String issuerId, String name, String type, long units) {
    }

    private record IssuerInstrument(String instrumentId, String currency, long unitsOutstanding, BigDecimal capitalRaised) {
    }

    private String currency(String investorId) {
        return jdbc.sql("SELECT currency FROM exchange_account_fact WHERE investor_id = :investorId")
                .param("investorId", investorId).query(String.class).optional().orElse(null);
    }

    private String issuerName(String issuerId) {
        return jdbc.sql("SELECT name FROM exchange_issuer_fact WHERE issuer_id = :issuerId")
                .param("issuerId", issuerId).query(String.class).optional().orElse(issuerId);
    }

    /** The instruments in which the investor holds units at the bounds, by instrument id. */
    private List<UnitsHeld> unitsHeld(String investorId, Bounds at) {
        return jdbc.sql("""
                        SELECT u.instrument_id, i.issuer_id, i.name, i.instrument_type, SUM(u.units) AS units
                        FROM exchange_unit_fact u JOIN exchange_instrument_fact i ON i.instrument_id = u.instrument_id
                        WHERE u.investor_id = :investorId AND u.business_date <= :asOf AND u.recorded_at <= :knownAt
                        GROUP BY u.instrument_id, i.issuer_id, i.name, i.instrument_type
                        HAVING SUM(u.units) > 0
                        ORDER BY u.instrument_id""")
                .param("investorId", investorId)
                .params(at.params())
                .query((rs, row) -> new UnitsHeld(rs.getString("instrument_id"), rs.getString("issuer_id"), rs.getString("name"),
                        rs.getString("instrument_type"), rs.getLong("units")))
                .list();
    }

    private Map<String, Long> unitsOutstanding(List<String> instrumentIds, Bounds at) {
        Map<String, Long> outstanding = new LinkedHashMap<>();
        if (instrumentIds.isEmpty()) {
            return outstanding;
        }
        jdbc.sql("""
                        SELECT instrument_id, SUM(units) AS units FROM exchange_unit_fact
                        WHERE instrument_id IN (:instrumentIds) AND business_date <= :asOf AND recorded_at <= :knownAt
                        GROUP BY instrument_id""")
                .param("instrumentIds", instrumentIds)
                .params(at.params())
                .query((rs, row) -> outstanding.put(rs.getString("instrument_id"), rs.getLong("units")))
                .list();
        return outstanding;
    }

    /** Every instrument of the issuer with its units outstanding and capital raised at the bounds, by instrument id. */
    private List<IssuerInstrument> instrumentsOf(String issuerId, Bounds at) {
        return jdbc.sql("""
                        SELECT i.instrument_id, i.currency,
                            (SELECT COALESCE(SUM(u.units), 0) FROM exchange_unit_fact u
                             WHERE u.instrument_id = i.instrument_id AND u.business_date <= :asOf AND u.recorded_at <= :knownAt) AS outstanding,
                            (SELECT COALESCE(SUM(c.proceeds), 0) FROM exchange_capital_fact c
                             WHERE c.instrument_id = i.instrument_id AND c.business_date <= :asOf AND c.recorded_at <= :knownAt) AS capital
                        FROM exchange_instrument_fact i WHERE i.issuer_id = :issuerId
                        ORDER BY i.instrument_id""")
                .param("issuerId", issuerId)
                .params(at.params())
                .query((rs, row) -> new IssuerInstrument(rs.getString("instrument_id"), rs.getString("currency"), rs.getLong("outstanding"),
                        money(rs, "capital")))
                .list();
    }

    /** The issuer's outcomes verified at the bounds, by outcome id. */
    private List<PortfolioImpact.VerifiedOutcome> verifiedOutcomes(String issuerId, Bounds at) {
        return jdbc.sql("""
                        SELECT metric_code, sdg_target, period, verified_quantity FROM exchange_outcome_fact
                        WHERE issuer_id = :issuerId AND verified_at IS NOT NULL AND verified_date <= :asOf AND verified_at <= :knownAt
                        ORDER BY outcome_id""")
                .param("issuerId", issuerId)
                .params(at.params())
                .query((rs, row) -> new PortfolioImpact.VerifiedOutcome(rs.getString("metric_code"), rs.getString("sdg_target"),
                        rs.getString("period"), plain(rs, "verified_quantity")))
                .list();
    }
}
