package org.pimsyn.synth.network.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.network.Padding;
import org.pimsyn.synth.network.Window;

class WindowRulesTest {

    @Test
    void samePadsPutTheOddPixelAtTheEndForUpperAndAtTheStartForLower() {
        // 8 wide, kernel 3, stride 2: 4 outputs need (4-1)*2+3 = 9 columns, one more than 8.
        assertArrayEquals(new int[] {0, 1}, WindowRules.samePads(8, 3, 2, 1, true));
        assertArrayEquals(new int[] {1, 0}, WindowRules.samePads(8, 3, 2, 1, false));
        // 7 wide, kernel 5, stride 1: 4 pixels of padding split evenly.
        assertArrayEquals(new int[] {2, 2}, WindowRules.samePads(7, 5, 1, 1, true));
        // Dilation 2 makes a 3-kernel span 5.
        assertArrayEquals(new int[] {2, 2}, WindowRules.samePads(7, 3, 1, 2, false));
        // A stride larger than the kernel can need no padding at all.
        assertArrayEquals(new int[] {0, 0}, WindowRules.samePads(7, 1, 4, 1, true));
    }

    @Test
    void samePaddingAlwaysGivesCeilOfInputOverStride() {
        Random random = new Random(11);
        for (int trial = 0; trial < 2000; trial++) {
            int in = 1 + random.nextInt(60);
            int kernel = 1 + random.nextInt(7);
            int stride = 1 + random.nextInt(4);
            int dilation = 1 + random.nextInt(3);
            boolean upper = random.nextBoolean();
            int[] pads = WindowRules.samePads(in, kernel, stride, dilation, upper);
            Window w = new Window(kernel, 1, stride, 1, new Padding(pads[0], 0, pads[1], 0), dilation, 1);

            assertEquals((in + stride - 1) / stride, w.outputH(in, false), "in " + in + " k " + kernel + " s " + stride
                    + " d " + dilation);
            assertEquals(true, pads[1] - pads[0] == (upper ? 1 : -1) || pads[0] == pads[1]);
        }
    }
}
