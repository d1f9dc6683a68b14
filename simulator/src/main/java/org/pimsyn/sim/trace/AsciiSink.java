package org.pimsyn.sim.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A byte buffer in front of an output stream for the trace formats, which are plain ASCII: numbers are
 * written digit by digit into the buffer, so the writers make no strings per event.
 */
final class AsciiSink implements AutoCloseable {
    private static final int CAPACITY = 1 << 16;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000, 1_000_000_000};

    private final OutputStream out;
    private final byte[] buffer = new byte[CAPACITY];
    private final byte[] digits = new byte[20];
    private int size;

    AsciiSink(OutputStream out) {
        this.out = out;
    }

    AsciiSink put(char c) {
        if (size == CAPACITY) {
            drain();
        }
        buffer[size++] = (byte) (c < 128 ? c : '?');
        return this;
    }

    /** Characters outside ASCII become {@code ?}; the writers only pass names they made themselves. */
    AsciiSink put(String s) {
        int n = s.length();
        if (n > CAPACITY - size) {
            drain();
            if (n > CAPACITY) {
                for (int i = 0; i < n; i++) {
                    put(s.charAt(i));
                }
                return this;
            }
        }
        byte[] b = buffer;
        int at = size;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b[at++] = (byte) (c < 128 ? c : '?');
        }
        size = at;
        return this;
    }

    AsciiSink put(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                return put(Long.toString(value));
            }
            put('-');
            value = -value;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        if (size + n > CAPACITY) {
            drain();
        }
        while (n > 0) {
            buffer[size++] = digits[--n];
        }
        return this;
    }

    /**
     * A non-negative fixed-point number {@code scaled / 10^decimals}, e.g. (1250, 3) as {@code 1.25} when
     * {@code trim}, {@code 1.250} otherwise; trimming also drops a bare point ({@code 2000, 3} gives {@code 2}).
     */
    AsciiSink putFixed(long scaled, int decimals, boolean trim) {
        long unit = POWERS_OF_TEN[decimals];
        put(scaled / unit);
        long fraction = scaled % unit;
        int shown = decimals;
        if (trim) {
            while (shown > 0 && fraction % 10 == 0) {
                fraction /= 10;
                shown--;
            }
        }
        if (shown > 0) {
            put('.');
            for (long p = POWERS_OF_TEN[shown - 1]; p > 0; p /= 10) {
                put((char) ('0' + fraction / p % 10));
            }
        }
        return this;
    }

    /** A JSON string literal, quotes included. */
    AsciiSink putJsonString(String s) {
        put('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                put('\\').put(c);
            } else if (c < 0x20 || c >= 0x7f) {
                put("\\u");
                for (int shift = 12; shift >= 0; shift -= 4) {
                    put(Character.forDigit((c >> shift) & 0xf, 16));
                }
            } else {
                put(c);
            }
        }
        return put('"');
    }

    void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace: " + e.getMessage(), e);
        }
    }

    private void drain() {
        try {
            out.write(buffer, 0, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace: " + e.getMessage(), e);
        }
        size = 0;
    }
}
