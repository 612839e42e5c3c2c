package org.impactledger.api.web;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Sends typed queries to the read models (through Axon's query bus, so they can be answered on
 * another node when scaled out) and turns a missing answer into a 404 problem.
 */
@Component
public class QueryRunner {

    private final QueryGateway queryGateway;

    public QueryRunner(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    public <R> R one(Object query, Class<R> type, String what, String id) {
        return existing(query, type, null, what, id);
    }

    /**
     * The answer, or a 404 problem naming {@code field} (the request parameter that named the unknown
     * id; {@code null} when it is the path's own resource).
     */
    public <R> R existing(Object query, Class<R> type, String field, String what, String id) {
        R answer = find(query, type);
        if (answer == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, field, "no " + what + " with id " + id);
        }
        return answer;
    }

    /** The answer, or {@code null} when the read model has none (an unknown id). */
    public <R> R find(Object query, Class<R> type) {
        return await(() -> queryGateway.query(query, ResponseTypes.instanceOf(type)).get());
    }

    public <R> List<R> list(Object query, Class<R> type) {
        return await(() -> queryGateway.query(query, ResponseTypes.multipleInstancesOf(type)).get());
    }

    private interface Call<T> {
        T run() throws InterruptedException, ExecutionException;
    }

    private static <T> T await(Call<T> call) {
        try {
            return call.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a query answer", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof QueryExecutionException || cause instanceof CompletionException) {
                if (cause instanceof QueryExecutionException q && q.getDetails().orElse(null) instanceof DomainException d) {
                    throw d;
                }
                cause = cause.getCause() == null ? cause : cause.getCause();
                if (cause == e.getCause()) {
                    break;
                }
            }
            if (cause instanceof DomainException domain) {
                throw domain;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
