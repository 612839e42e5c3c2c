package org.impactledger.core.shared;

import java.util.concurrent.Callable;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Loading and creating aggregates from command handlers that span two of them, with the domain's
 * refusals: a missing id is bad input, an unknown one {@code NOT_FOUND}, an existing one
 * {@code ALREADY_EXISTS} — each naming the field the client sent.
 */
public final class Repositories {

    private Repositories() {
    }

    /** Loads the aggregate, or refuses: {@code field} missing (INVALID_VALUE) or naming nothing (NOT_FOUND). */
    public static <A> Aggregate<A> load(Repository<A> repository, Identifier id, String field, String what) {
        if (id == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        try {
            return repository.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw new DomainException(ErrorCode.NOT_FOUND, field, "no " + what + " " + id);
        }
    }

    /** Refuses (ALREADY_EXISTS) when an aggregate with this id exists. */
    public static <A> void refuseExisting(Repository<A> repository, Identifier id, String field, String what) {
        try {
            repository.load(id.value());
        } catch (AggregateNotFoundException expected) {
            return;
        }
        throw new DomainException(ErrorCode.ALREADY_EXISTS, field, what + " " + id + " already exists");
    }

    /** Creates the aggregate; the factory's domain refusals pass through unchanged. */
    public static <A> void create(Repository<A> repository, Identifier id, String what, Callable<A> factory) {
        try {
            repository.newInstance(factory);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + what + " " + id, e);
        }
    }
}
