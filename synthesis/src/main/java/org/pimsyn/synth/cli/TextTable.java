package org.pimsyn.synth.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table for terminal reports: padded columns, left-aligned unless marked right-aligned.
 * Cells may be any object; doubles print with at most six significant digits, whatever the locale.
 */
final class TextTable {
    private static final MathContext SIX_DIGITS = new MathContext(6);

    /** Null for a table of label-value rows without a header line. */
    private final String[] header;
    private boolean[] rightAligned = new boolean[0];
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = header.length == 0 ? null : header.clone();
    }

    static TextTable withHeader(String... header) {
        return new TextTable(header);
    }

    /** A table of label-value rows without a header line. */
    static TextTable plain() {
        return new TextTable();
    }

    TextTable alignRight(int... columns) {
        for (int c : columns) {
            if (c >= rightAligned.length) {
                rightAligned = Arrays.copyOf(rightAligned, c + 1);
            }
            rightAligned[c] = true;
        }
        return this;
    }

    TextTable row(Object... cells) {
        if (header != null && cells.length != header.length) {
            throw new IllegalArgumentException("expected " + header.length + " cells, got " + cells.length);
        }
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] instanceof Double d ? number(d) : String.valueOf(cells[i]);
        }
        rows.add(text);
        return this;
    }

    /** The table, one line per row after the header, each line ending in a newline. */
    String render() {
        return render("");
    }

    void print(PrintWriter out, String indent) {
        out.print(render(indent));
    }

    private String render(String indent) {
        List<String[]> all = new ArrayList<>();
        if (header != null) {
            all.add(header);
        }
        all.addAll(rows);
        int columns = all.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] r : all) {
            for (int c = 0; c < r.length; c++) {
                widths[c] = Math.max(widths[c], r[c].length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (String[] r : all) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < r.length; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(widths[c] - r[c].length());
                boolean right = c < rightAligned.length && rightAligned[c];
                line.append(right ? pad + r[c] : r[c] + pad);
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }
        return s.toString();
    }

    /** A number with at most six significant digits and no trailing zeros, independent of the locale. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new BigDecimal(v).round(SIX_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** A count with thousands separators: 15,470,264,320. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
