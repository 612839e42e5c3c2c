package org.impactledger.api.exchange;

import java.time.LocalDate;
import org.impactledger.api.web.RequestContext;

/**
 * The date of an exchange action (an order placed, a subscription, a closing ...) and the business
 * date of its events are one and the same: the body's date if it gives one, else the request's
 * business date. Why: the holdings read model dates a cash reservation (which carries no date of its
 * own) by its command's business date, so an order placed on 8 April must reserve its cash "as of"
 * 8 April, whatever day the request was sent.
 */
final class ActionDate {

    private ActionDate() {
    }

    /** The action's date: {@code given}, or the request's business date. */
    static LocalDate of(LocalDate given, RequestContext context) {
        return given != null ? given : context.businessDate();
    }

    /** The request's context with {@code date} as its business date. */
    static RequestContext on(RequestContext context, LocalDate date) {
        return new RequestContext(context.principal(), context.role(), context.idempotencyKey(), context.correlationId(), date);
    }
}
