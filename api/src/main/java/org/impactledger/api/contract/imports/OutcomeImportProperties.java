package org.impactledger.api.contract.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits of the bulk outcome import, under {@code ledger.imports.*}. */
@ConfigurationProperties("ledger.imports")
public class OutcomeImportProperties {

    /** Rows per ReportOutcomes command (one unit of work, one database transaction). */
    private int batchSize = 1000;
    /** Largest file accepted, in bytes (the file is spooled to a temporary file, not held in memory). */
    private long maxBytes = 512L * 1024 * 1024;
    /** Longest line, in characters. */
    private int maxLineLength = 8192;
    /** The import stops (FAILED) once more rows than this are rejected: the file is probably not what was meant. */
    private int maxRejectedRows = 10_000;

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public long getMaxBytes() {
        return maxBytes;
    }

    public void setMaxBytes(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public int getMaxLineLength() {
        return maxLineLength;
    }

    public void setMaxLineLength(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    public int getMaxRejectedRows() {
        return maxRejectedRows;
    }

    public void setMaxRejectedRows(int maxRejectedRows) {
        this.maxRejectedRows = maxRejectedRows;
    }
}
