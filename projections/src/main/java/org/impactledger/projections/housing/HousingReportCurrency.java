package org.impactledger.projections.housing;

import java.util.List;

/** The housing figures in one currency: per district (in district order) and the total over them. */
public record HousingReportCurrency(String currency, List<HousingFigures> districts, HousingFigures total) {
}
