package org.pimsyn.sim.engine;

/**
 * When a stream of images has reached its steady state. Images are streamed back to back (each image's IRs may
 * start as soon as their inputs and resources allow); after image {@code k} ends, with gaps {@code g_i = end_i -
 * end_(i-1)}, the stream has converged when at least {@code warmupImages} gaps precede two windows of
 * {@code windowImages} gaps each and the windows' mean gaps differ by at most {@code tolerance} of the larger. The
 * stream then stops; its interval is the mean of the two windows' gaps, rounded up to whole cycles. A stream that
 * reaches {@code maxImages} without converging reports the same mean, marked as not converged.
 *
 * <p>Two windows rather than two gaps, because a pipeline whose layers take turns on shared units may settle into a
 * pattern of a few gaps that repeats (alternating long and short gaps); the mean over an even window of such a
 * pattern is its true rate, a single gap is not.
 *
 * @param warmupImages gaps ignored before the windows: the pipeline filling
 * @param windowImages gaps per window
 * @param tolerance    relative difference the two windows may have, e.g. 0.005 for 0.5 %
 * @param maxImages    the most images a run ends (it streams an admission window beyond them)
 */
public record SteadyStateRule(int warmupImages, int windowImages, double tolerance, int maxImages) {
    /**
     * Three gaps of warm-up, windows of twelve gaps within 0.5 %, at most 64 images. Pipelines whose layers share
     * units settle into gaps of two or three lengths mixed without a short period (AlexNet at 49 W: 242,112 and
     * 253,120 cycles), and pipelines held back by their sample-and-hold settle slowly, their gaps falling by a few
     * tenths of a percent per image; windows of eight within 1 % stopped such runs up to 1.1 % early.
     */
    public static final SteadyStateRule DEFAULT = new SteadyStateRule(3, 12, 0.005, 64);

    public SteadyStateRule {
        if (warmupImages < 0 || windowImages < 1) {
            throw new IllegalArgumentException("warm-up images must be >= 0 and window images >= 1, got "
                    + warmupImages + " and " + windowImages);
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1), got " + tolerance);
        }
        if (maxImages < minImages()) {
            throw new IllegalArgumentException("max images must be at least warm-up + 2 windows + 1 = " + minImages()
                    + ", got " + maxImages);
        }
    }

    /** Images of the shortest stream that can converge: warm-up and two windows of gaps. */
    public int minImages() {
        return minImages(warmupImages, windowImages);
    }

    /** {@link #minImages()} of a rule with this warm-up and window, before making one. */
    public static int minImages(int warmupImages, int windowImages) {
        return warmupImages + 2 * windowImages + 1;
    }

    /**
     * Whether the stream has converged once image {@code last} (0-based) has ended, its images' ends being
     * {@code ends[0..last]}.
     */
    public boolean converged(long[] ends, int last) {
        if (last < warmupImages + 2 * windowImages) {
            return false;
        }
        long recent = ends[last] - ends[last - windowImages];
        long before = ends[last - windowImages] - ends[last - 2 * windowImages];
        return Math.abs(recent - before) <= tolerance * Math.max(recent, before);
    }
}
