package org.impactledger.core.shared;

/** The one rule of every paged list: pages count from 0, a page holds at least one item (a size above the maximum is capped by the reader). */
public final class Paging {

    private Paging() {
    }

    /** Refuses (INVALID_VALUE) a negative {@code page} or a {@code size} below 1, naming the parameter. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw DomainException.invalid("page", "page must be 0 or more, was " + page);
        }
        if (size < 1) {
            throw DomainException.invalid("size", "size must be 1 or more, was " + size);
        }
    }
}
