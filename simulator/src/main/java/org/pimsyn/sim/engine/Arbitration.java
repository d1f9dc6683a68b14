package org.pimsyn.sim.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * The order in which IRs waiting for a resource get it. Every order is work-conserving and takes whole resource
 * sets at once; they differ in which image a free unit serves first, which decides how a stream of images settles.
 */
public enum Arbitration {
    /**
     * The oldest image in flight first; within an image, the IR that became ready first, then program order
     * (layer, block, id). A later image takes only units an earlier one cannot use now, as a pipeline controller
     * that tags work with its image number would. Images then flow through the pipeline one after another and the
     * interval settles near the busiest resource's busy time.
     */
    OLDEST_IMAGE_FIRST("oldestImageFirst"),
    /**
     * The IR that became ready first, then the older image, then program order: first come, first served. Images
     * released together move through the pipeline as a batch, so a stream's interval and each image's latency
     * grow with the number of images in flight.
     */
    EARLIEST_READY("earliestReady");

    private final String label;

    Arbitration(String label) {
        this.label = label;
    }

    /** The name every output and option uses. */
    public String label() {
        return label;
    }

    public static Optional<Arbitration> fromLabel(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst();
    }

    /** The labels, for messages listing what is allowed. */
    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(Arbitration::label).toList());
    }
}
