package org.impactledger.projections.state;

import java.util.List;

/**
 * One page of a list query: {@code page} counts from 0, {@code size} is the page size actually
 * used (requests above {@link #MAX_SIZE} are capped, so one query never reads a whole table) and
 * {@code total} is the number of matching rows over all pages.
 *
 * <p>Why an interface with one record per item type ({@code FundPage}, {@code ContractPage},
 * {@code OutcomePage}) rather than one generic record: Axon matches a query handler by its declared
 * return type, and a parameterized {@code Page<FundView>} matches no response type a caller can
 * name (not even {@code Page.class}); and a serializer that sends a response to another node
 * cannot know the erased {@code T}, so the items would come back as maps. A concrete record answers
 * both: callers ask for {@code FundPage.class} (or {@code Page.class}) and get typed items.
 */
public interface Page<T> {

    /** The largest page any list query returns. */
    int MAX_SIZE = 200;

    List<T> items();

    int page();

    int size();

    long total();

    /** The page size to use for a requested size: at least 1, at most {@link #MAX_SIZE}. */
    static int cappedSize(int requested) {
        return Math.max(1, Math.min(requested, MAX_SIZE));
    }

    /** The row offset of a page: {@code long} so that a large page number cannot overflow. */
    static long offset(int page, int size) {
        return (long) Math.max(0, page) * size;
    }
}
