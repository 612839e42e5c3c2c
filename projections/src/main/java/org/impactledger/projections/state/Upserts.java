package org.impactledger.projections.state;

import java.util.ArrayList;
import java.util.List;
import org.impactledger.infra.jdbc.JdbcBatches;
import org.springframework.jdbc.core.JdbcTemplate;

/** Running totals written per batch: the rows that exist are added to, the others inserted. */
public final class Upserts {

    private Upserts() {
    }

    /**
     * Adds to the rows that exist in one batch of updates, then inserts those that did not:
     * {@code inserts.get(i)} is the row to insert when {@code updates.get(i)} updated none. For
     * tables whose only writer is one processing group: no other writer inserts a row between the
     * two (segments of the group that insert the same row at once fail on its primary key, and that
     * batch is rolled back and handled again).
     *
     * @return the number of rows inserted
     */
    public static int updateOrInsert(JdbcTemplate jdbc, String update, List<Object[]> updates, int[] updateTypes, String insert,
                                      List<Object[]> inserts, int[] insertTypes) {
        if (updates.isEmpty()) {
            return 0;
        }
        int[] updated = JdbcBatches.update(jdbc, update, updates, updateTypes);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(inserts.get(i));
            }
        }
        if (!missing.isEmpty()) {
            JdbcBatches.update(jdbc, insert, missing, insertTypes);
        }
        return missing.size();
    }
}
