package org.pimsyn.synth.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table with padded columns; numeric columns are right-aligned. */
final class TextTable {
    private final String[] header;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = header.clone();
        this.rightAligned = new boolean[header.length];
    }

    TextTable alignRight(int... columns) {
        for (int c : columns) {
            rightAligned[c] = true;
        }
        return this;
    }

    TextTable row(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("expected " + header.length + " cells, got " + cells.length);
        }
        rows.add(cells.clone());
        return this;
    }

    /** The table, one line per row after the header, each line ending in a newline. */
    String render() {
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder s = new StringBuilder();
        line(s, header, widths);
        for (String[] row : rows) {
            line(s, row, widths);
        }
        return s.toString();
    }

    private void line(StringBuilder s, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(widths[c] - cells[c].length());
            line.append(rightAligned[c] ? pad + cells[c] : cells[c] + (c == cells.length - 1 ? "" : pad));
        }
        s.append(line.toString().stripTrailing()).append('\n');
    }

    /** A count with thousands separators: 15,470,264,320. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
