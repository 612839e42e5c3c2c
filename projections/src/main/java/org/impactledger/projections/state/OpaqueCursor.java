package org.impactledger.projections.state;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The text of a page cursor: its parts joined by a control character and sent URL-safe Base64, so
 * that callers treat it as opaque and only hand back what a page gave them. The cursor records
 * (payment audit, NRRP reconciliation) say what the parts are and check them.
 */
public final class OpaqueCursor {

    private static final String SEPARATOR = "\u001f";

    private OpaqueCursor() {
    }

    /** The cursor text of these parts ({@code null} parts are written empty). */
    public static String encode(Object... parts) {
        String plain = Stream.of(parts).map(part -> part == null ? "" : part.toString()).collect(Collectors.joining(SEPARATOR));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The parts of a cursor text.
     *
     * @throws IllegalArgumentException when the text is not URL-safe Base64
     */
    public static String[] decode(String text) {
        return new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8).split(SEPARATOR, -1);
    }
}
