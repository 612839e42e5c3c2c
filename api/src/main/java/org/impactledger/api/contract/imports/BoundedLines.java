package org.impactledger.api.contract.imports;

import java.io.IOException;
import java.io.Reader;
import org.impactledger.core.shared.DomainException;

/**
 * Reads text line by line ({@code \n}, {@code \r\n} or {@code \r}) like {@link java.io.BufferedReader#readLine()},
 * but refuses a line longer than a limit, so that a file without line breaks cannot fill the memory.
 */
final class BoundedLines {

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[16384];
    private final StringBuilder line = new StringBuilder(256);
    private int position;
    private int limit;
    private boolean skipLineFeed;
    private long number;

    BoundedLines(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line without its terminator, or {@code null} at the end. */
    String next() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (position >= limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    number++;
                    return line.toString();
                }
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            any = true;
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c == '\n' || c == '\r') {
                    append(start, position);
                    position++;
                    skipLineFeed = c == '\r';
                    number++;
                    return line.toString();
                }
                position++;
            }
            append(start, position);
        }
    }

    /** The number of the line {@link #next()} returned last (1-based). */
    long number() {
        return number;
    }

    private void append(int from, int to) {
        if (line.length() + (to - from) > maxLength) {
            throw DomainException.invalid("file", "line " + (number + 1) + " is longer than " + maxLength + " characters");
        }
        line.append(buffer, from, to - from);
    }
}
