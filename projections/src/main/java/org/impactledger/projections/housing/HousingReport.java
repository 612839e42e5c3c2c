package org.impactledger.projections.housing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The Homes4All housing report: for each currency the funds keep their books in (one, unless funds
 * in several currencies are reported together), the figures of each Turin district that has a
 * property and of all of them together ({@link HousingFigures} defines each figure).
 *
 * <p>{@code asOf} (business date) and {@code knownAt} (recording time) are the question asked:
 * what had happened by the end of {@code asOf}, as the ledger knew it at {@code knownAt}.
 * {@code fundId} and {@code district} are the filters applied ({@code null}: all).
 */
public record HousingReport(String fundId, String district, LocalDate asOf, Instant knownAt, List<HousingReportCurrency> currencies) {
}
