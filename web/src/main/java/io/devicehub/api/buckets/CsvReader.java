package io.devicehub.api.buckets;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180) row by row from a stream: cells separated by one character, quoted cells with {@code ""}
 * for a quote and line breaks inside, rows ended by CRLF or LF. Each row knows the line it began on, for error
 * reports. A cell longer than {@link #MAX_CELL} characters, or a row of more than {@link #MAX_CELLS} cells, ends the
 * reading with an error: no row can make the reader hold more than that.
 */
final class CsvReader {

    static final int MAX_CELL = 64 * 1024;
    /** Cells of one row: more than an import's columns may be. */
    static final int MAX_CELLS = 1100;

    /** A row, and the line (from 1) it began on. */
    record Row(long line, List<String> cells) {
    }

    /** The CSV cannot be read on from here. */
    static final class UnreadableException extends IOException {
        private final long line;

        UnreadableException(long line, String message) {
            super(message);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final Reader in;
    private final char separator;
    private long line = 1;
    private int pushedBack = -2;

    CsvReader(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    /** The separator a header line uses: a comma, or a semicolon or tab when it has those and no comma. */
    static char separatorOf(String header) {
        if (header.indexOf(',') < 0) {
            if (header.indexOf(';') >= 0) {
                return ';';
            }
            if (header.indexOf('\t') >= 0) {
                return '\t';
            }
        }
        return ',';
    }

    /** The line being read. */
    long line() {
        return line;
    }

    /** The next row, or {@code null} at the end. */
    Row next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        long start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new UnreadableException(start, "a quoted cell that begins on line " + start
                            + " never ends");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
            } else if (c < 0 || c == '\n' || c == '\r') {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        unread(after);
                    }
                }
                if (c >= 0) {
                    line++;
                }
                cells.add(cell.toString());
                return new Row(start, cells);
            } else if (c == separator) {
                if (cells.size() == MAX_CELLS) {
                    throw new UnreadableException(start, "line " + start + " has more than " + MAX_CELLS + " cells");
                }
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                cell.append((char) c);
            }
            if (cell.length() > MAX_CELL) {
                throw new UnreadableException(start, "line " + start + " has a cell of more than " + MAX_CELL
                        + " characters");
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
