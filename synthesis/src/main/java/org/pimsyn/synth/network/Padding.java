package org.pimsyn.synth.network;

/** Four-sided spatial padding, in elements. */
public record Padding(int top, int left, int bottom, int right) {
    public static final Padding NONE = new Padding(0, 0, 0, 0);

    public Padding {
        if (top < 0 || left < 0 || bottom < 0 || right < 0) {
            throw new IllegalArgumentException("padding must not be negative, got " + top + "," + left + "," + bottom + "," + right);
        }
    }

    public static Padding of(int all) {
        return new Padding(all, all, all, all);
    }

    public boolean isNone() {
        return top == 0 && left == 0 && bottom == 0 && right == 0;
    }

    @Override
    public String toString() {
        if (top == bottom && left == right && top == left) {
            return Integer.toString(top);
        }
        return top + "," + left + "," + bottom + "," + right;
    }
}
