package org.pimsyn.synth.hardware;

/**
 * One combination of the design-space loops over crossbar size, cell resolution and DAC resolution, with the ADC
 * resolution it needs ({@link HardwareLibrary#requiredAdcBits}) and whether the library has such an ADC. The
 * search skips combinations without one.
 */
public record ConverterCombination(int xbSizeRows, int resRramBits, int resDacBits, int adcBits,
                                   boolean adcAvailable) {
}
