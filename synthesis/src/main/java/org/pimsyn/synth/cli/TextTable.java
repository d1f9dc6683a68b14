package org.pimsyn.synth.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns, for terminal reports. */
final class TextTable {
    private static final MathContext SIX_DIGITS = new MathContext(6);

    private final List<String[]> rows = new ArrayList<>();

    private TextTable(String[] header) {
        if (header.length > 0) {
            rows.add(header);
        }
    }

    static TextTable withHeader(String... header) {
        return new TextTable(header);
    }

    /** A table of label-value rows without a header line. */
    static TextTable plain() {
        return new TextTable(new String[0]);
    }

    TextTable row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] instanceof Double d ? number(d) : String.valueOf(cells[i]);
        }
        rows.add(text);
        return this;
    }

    void print(PrintWriter out, String indent) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) {
                    line.append(" ".repeat(widths[i] - r[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** A number with at most six significant digits and no trailing zeros, independent of the locale. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new BigDecimal(v).round(SIX_DIGITS).stripTrailingZeros().toPlainString();
    }
}
