package org.pimsyn.synth.network;

import java.util.Locale;

/** A tensor shape in NCHW order; vectors (FC outputs) are (N, C, 1, 1). */
public record Shape(int n, int c, int h, int w) {
    public Shape {
        if (n <= 0 || c <= 0 || h <= 0 || w <= 0) {
            throw new IllegalArgumentException("shape dimensions must be positive, got " + n + "x" + c + "x" + h + "x" + w);
        }
    }

    public static Shape vector(int n, int features) {
        return new Shape(n, features, 1, 1);
    }

    /** Elements of one image (C x H x W). */
    public long elementsPerImage() {
        return (long) c * h * w;
    }

    public long elements() {
        return n * elementsPerImage();
    }

    /** Parses "1x3x224x224". */
    public static Shape parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
        if (parts.length != 4) {
            throw new IllegalArgumentException("expected NxCxHxW such as 1x3x224x224, got '" + text + "'");
        }
        int[] d = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                d[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected NxCxHxW such as 1x3x224x224, got '" + text + "'");
            }
        }
        return new Shape(d[0], d[1], d[2], d[3]);
    }

    @Override
    public String toString() {
        return n + "x" + c + "x" + h + "x" + w;
    }
}
