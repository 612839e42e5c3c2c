package org.impactledger.api.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What was wrong with a JSON document that could not be read, as the field (its path as the client
 * wrote it: {@code rateCard[0].unitPrice.amount}), the rule and a sentence: one wording for request
 * bodies ({@link ProblemHandling}) and the bulk import's NDJSON rows.
 */
public final class JsonInputErrors {

    /** The rules, as they appear in a problem's {@code errors[].rule}. */
    public static final String UNKNOWN_PROPERTY = "unknown-property";
    public static final String DUPLICATE_PROPERTY = "duplicate-property";
    public static final String TYPE = "type";
    public static final String RANGE = "range";
    public static final String SYNTAX = "json-syntax";

    /** Jackson's wording of a key met twice (StreamReadFeature.STRICT_DUPLICATE_DETECTION); pinned by a test. */
    static final String DUPLICATE_MESSAGE = "Duplicate Object property";

    /** One reading error: {@code field} is empty when it concerns the document as a whole. */
    public record Described(String field, String rule, String message) {
    }

    private JsonInputErrors() {
    }

    public static Described describe(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Described(path(e), UNKNOWN_PROPERTY, "unknown property '" + unknown.getPropertyName() + "'");
        }
        if (isDuplicateProperty(e)) {
            String field = duplicateField(e);
            String name = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
            return new Described(field, DUPLICATE_PROPERTY, "property '" + name + "' appears more than once; send each property once");
        }
        if (e instanceof InputCoercionException range) {
            return new Described(path(e), RANGE, "the number is out of range: " + wholeNumberRange(range.getTargetType()));
        }
        if (e instanceof InvalidFormatException invalid) {
            return new Described(path(e), TYPE, shown(invalid.getValue()) + " is not " + expected(invalid.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch && !path(e).isEmpty()) {
            return new Described(path(e), TYPE, "expected " + expected(mismatch.getTargetType()));
        }
        // the document as a whole: not an object, or something after it
        return new Described(path(e), SYNTAX, "malformed JSON: " + firstLine(e.getOriginalMessage()));
    }

    static boolean isDuplicateProperty(JacksonException e) {
        return e instanceof StreamReadException && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith(DUPLICATE_MESSAGE);
    }

    /** The path of the key met twice: the parser stood on it when it stopped. */
    private static String duplicateField(JacksonException e) {
        if (e.processor() instanceof JsonParser parser) {
            TokenStreamContext context = parser.streamReadContext();
            if (context != null) {
                return fieldOf(context.pathAsPointer());
            }
        }
        return path(e);
    }

    /** {@code /rateCard/0/metricCode} as {@code rateCard[0].metricCode}. */
    static String fieldOf(JsonPointer pointer) {
        StringBuilder sb = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                sb.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(p.getMatchingProperty());
            }
        }
        return sb.toString();
    }

    /** The path Jackson recorded while binding: {@code amount.currency}, {@code rateCard[1].sdgTargets[0]}. */
    public static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String shown(Object value) {
        if (value instanceof String text && text.isBlank()) {
            return "an empty string";
        }
        if (value instanceof Double || value instanceof Float) {
            // Jackson hands over the binary value: 1e2 arrives as 100.0, which the client never wrote
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) && d != Math.rint(d) ? "'" + BigDecimal.valueOf(d).toPlainString() + "'"
                    : "a number written with a decimal point or an exponent";
        }
        return "'" + value + "'";
    }

    /** What a value of {@code type} must be, in the words of the API documentation. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another JSON type";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class || type == Short.class
                || type == short.class || type == BigInteger.class) {
            return "a whole number (a JSON integer such as 12, or the string \"12\"; no decimals)";
        }
        if (type == BigDecimal.class) {
            return "a decimal number (such as \"1500.00\")";
        }
        if (type == String.class) {
            return "text (a JSON string)";
        }
        if (type == LocalDate.class) {
            return "a date (a JSON string yyyy-MM-dd)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        }
        return "a valid " + type.getSimpleName();
    }

    private static String wholeNumberRange(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + " is expected";
        }
        if (type == Long.class || type == long.class) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + " is expected";
        }
        return "it does not fit " + (type == null ? "the field" : type.getSimpleName());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
