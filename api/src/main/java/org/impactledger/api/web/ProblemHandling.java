package org.impactledger.api.web;

import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.infra.messaging.DomainError;
import org.impactledger.projections.nrrp.NrrpReconciliationBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one place where refusals become HTTP answers. Domain refusals are mapped by their
 * {@link ErrorCode}, never by message text; framework errors on bad input (malformed JSON, a
 * wrong type, a missing header, a failed constraint) become 400 problem documents naming the field.
 * Anything unexpected is a 500 without internals, and is logged.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    /** Tomcat's message names the parameter it could not decode: "... Parameter [page] with value [...] ...". */
    private static final Pattern UNDECODABLE_PARAMETER = Pattern.compile("Parameter \\[([A-Za-z0-9_.-]{1,64})\\]");

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<ProblemDetail> domain(DomainException e) {
        return domainProblem(e.code().name(), e.field(), e.getMessage());
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Object details = e.getDetails().orElse(null);
        if (details instanceof DomainError error) {
            return domainProblem(error.code(), error.field(), error.message());
        }
        if (e.getCause() instanceof DomainException domain) {
            return domain(domain);
        }
        if (isConcurrencyConflict(e)) {
            return concurrentModification();
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return domainProblem(ErrorCode.NOT_FOUND.name(), null, "nothing with id " + e.getAggregateIdentifier());
    }

    /** Two commands created the same aggregate at the same moment; the second one lost. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    public ResponseEntity<ProblemDetail> alreadyCreated(AggregateStreamCreationException e) {
        return domainProblem(ErrorCode.ALREADY_EXISTS.name(), null, "a record with this id exists already (possibly created at the same moment)");
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> concurrency(ConcurrencyException e) {
        return concurrentModification();
    }

    /**
     * A command that locks several aggregates (an order that settles with several accounts) met
     * another one locking them in the opposite order: Axon's lock detects the deadlock and gives up
     * (or, across nodes, the database does: deadlock or serialization failure). Nothing was stored;
     * the same request can be retried. Anything else of these types is unexpected.
     */
    @ExceptionHandler({LockAcquisitionFailedException.class, ConcurrencyFailureException.class, EventStoreException.class})
    public ResponseEntity<ProblemDetail> lockConflict(Exception e) {
        return isConcurrencyConflict(e) ? concurrentModification() : unexpected(e);
    }

    private static ResponseEntity<ProblemDetail> concurrentModification() {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                Problems.title("CONCURRENT_MODIFICATION"), "another command changed the same record at the same time; retry", List.of()));
    }

    /** Whether the failure, or any of its causes, is a lost race for a lock or a stream position. */
    static boolean isConcurrencyConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof LockAcquisitionFailedException || t instanceof ConcurrencyFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Too many whole NRRP reconciliations computing at once on this node: ask again later. */
    @ExceptionHandler(NrrpReconciliationBusyException.class)
    public ResponseEntity<ProblemDetail> reconciliationBusy(NrrpReconciliationBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()))
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "BUSY", Problems.title("BUSY"), e.getMessage(), List.of()));
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    public ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
                Problems.title("IDEMPOTENCY_KEY_REUSED"), e.getMessage(),
                List.of(new Problems.FieldError(RequestContextResolver.IDEMPOTENCY_KEY, "same-key-same-request", e.getMessage()))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "'" + e.getValue() + "' is not a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName());
        return badRequest("VALIDATION_FAILED", message, List.of(new Problems.FieldError(e.getName(), "type", message)));
    }

    /**
     * A query parameter whose percent-encoding is broken ({@code ?page=%%%}): Tomcat refuses to decode
     * it when the parameters are read. Bad input, so a 400 naming the parameter, not a 500.
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    public ResponseEntity<ProblemDetail> undecodableParameter(org.apache.tomcat.util.http.InvalidParameterException e) {
        Matcher name = UNDECODABLE_PARAMETER.matcher(String.valueOf(e.getMessage()));
        String field = name.find() ? name.group(1) : "query";
        return domainProblem("INVALID_VALUE", field, field + " is not correctly percent-encoded (RFC 3986: % must be followed by two hex digits)");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<Problems.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problems.FieldError(lastNode(v.getPropertyPath().toString()),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()))
                .sorted(Comparator.comparing(Problems.FieldError::field))
                .toList();
        return badRequest(validationCode(errors), summary(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new Problems.FieldError(f.getField(),
                f.getCode(), f.getField() + " " + f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new Problems.FieldError(g.getObjectName(),
                g.getCode(), g.getDefaultMessage())));
        errors.sort(Comparator.comparing(Problems.FieldError::field));
        String code = validationCode(errors);
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, code, Problems.title(code), summary(errors), errors));
    }

    /** Constraints that check a domain rule, by the domain's code for breaking it. */
    private static final Map<String, String> DOMAIN_RULES = Map.of(DateWindow.RULE, "DATE_OUT_OF_RANGE", CurrencyCode.RULE, "UNKNOWN_CODE");

    /**
     * The domain's code when every broken rule is one domain rule ({@code DATE_OUT_OF_RANGE} for the date
     * window, as for a business date or a file's date out of it; {@code UNKNOWN_CODE} for a currency that
     * is not money, as the domain answers it), else {@code VALIDATION_FAILED}.
     */
    static String validationCode(List<Problems.FieldError> errors) {
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (Problems.FieldError error : errors) {
            codes.add(DOMAIN_RULES.getOrDefault(error.rule(), "VALIDATION_FAILED"));
        }
        return codes.size() == 1 ? codes.iterator().next() : "VALIDATION_FAILED";
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(new Problems.FieldError(
                r.getMethodParameter().getParameterName(), err.getCodes() == null ? "invalid" : last(err.getCodes()[err.getCodes().length - 1]),
                r.getMethodParameter().getParameterName() + " " + err.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                Problems.title("VALIDATION_FAILED"), summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException domain) {
                return ResponseEntity.status(Problems.statusOf(domain.code())).body(domainBody(domain.code().name(), domain.field(), domain.getMessage()));
            }
        }
        JacksonException jackson = find(e, JacksonException.class);
        String field;
        String rule;
        String message;
        if (jackson != null) {
            JsonInputErrors.Described described = JsonInputErrors.describe(jackson);
            field = described.field();
            rule = described.rule();
            message = described.message();
        } else {
            field = null;
            rule = "required";
            message = "a JSON request body is required";
        }
        String detail = field == null || field.isEmpty() ? message : field + ": " + message;
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                Problems.title("MALFORMED_REQUEST"), detail, List.of(new Problems.FieldError(field == null || field.isEmpty() ? "body" : field, rule, message))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    public ResponseEntity<Object> missingHeader(MissingRequestHeaderException e) {
        String message = "header " + e.getHeaderName() + " is required";
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                Problems.title("VALIDATION_FAILED"), message, List.of(new Problems.FieldError(e.getHeaderName(), "required", message))));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // a client that stops reading (a closed audit export download) is not a failure of the ledger, and no answer can reach it
            log.debug("the client went away before the answer was written: {}", e.toString());
            return null;
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR", Problems.title("INTERNAL_ERROR"), "an unexpected error occurred; it has been logged", List.of()));
    }

    private ResponseEntity<ProblemDetail> domainProblem(String code, String field, String message) {
        ErrorCode errorCode = ErrorCode.valueOf(code);
        return ResponseEntity.status(Problems.statusOf(errorCode)).body(domainBody(code, field, message));
    }

    private static ProblemDetail domainBody(String code, String field, String message) {
        HttpStatus status = Problems.statusOf(ErrorCode.valueOf(code));
        List<Problems.FieldError> errors = field == null ? List.of()
                : List.of(new Problems.FieldError(field, Problems.slug(code), message));
        return Problems.of(status, code, Problems.title(code), message, errors);
    }

    private ResponseEntity<ProblemDetail> badRequest(String code, String detail, List<Problems.FieldError> errors) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, code, Problems.title(code), detail, errors));
    }

    private static String summary(List<Problems.FieldError> errors) {
        return errors.isEmpty() ? "the request is invalid"
                : String.join("; ", errors.stream().map(Problems.FieldError::message).toList());
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String lastNode(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String last(String code) {
        int dot = code.lastIndexOf('.');
        return dot < 0 ? code : code.substring(dot + 1);
    }
}
