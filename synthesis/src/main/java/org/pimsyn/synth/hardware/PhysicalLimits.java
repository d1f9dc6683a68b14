package org.pimsyn.synth.hardware;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a buildable design may not exceed, the library's optional {@code limits} section: the most crossbars in one
 * macro, the most crossbar columns one ADC serves, and the largest mesh of macros (rows and columns). Each limit is
 * optional; an absent one does not limit. A library without the section has {@link #NONE}: designs as before the
 * section existed.
 *
 * <p>Other parts of a macro follow from these: its DACs are one per crossbar row, so at most
 * {@code crossbarsPerMacro x XbSize}; its sample-and-hold circuits, registers and the like are the library's
 * {@code otherComponents}, a fixed number per macro; its scratchpad is at most the library's largest; its ADC and
 * ALU units never exceed what its widest operation can use at once (stage 4). The mesh bounds the chip's
 * macros, hence its crossbars ({@code meshRows x meshCols x crossbarsPerMacro}).
 *
 * @param crossbarsPerMacro the most crossbars (of any size) one macro holds, null for no limit
 * @param columnsPerAdc     the most crossbar columns one ADC serves: a macro of c columns has at least
 *                          ceil(c / max) ADCs; null for no limit
 * @param meshRows          the most rows of the mesh of macros, null for no limit
 * @param meshCols          the most columns of the mesh of macros, null for no limit
 * @param note              a remark on the section as a whole, empty for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhysicalLimits(PhysicalLimit crossbarsPerMacro, PhysicalLimit columnsPerAdc, PhysicalLimit meshRows,
                             PhysicalLimit meshCols, String note) {
    /** No limits: a library without the section. */
    public static final PhysicalLimits NONE = new PhysicalLimits(null, null, null, null, "");

    public PhysicalLimits {
        note = note == null ? "" : note;
    }

    /** Whether any limit is set. */
    @JsonIgnore
    public boolean any() {
        return crossbarsPerMacro != null || columnsPerAdc != null || meshRows != null || meshCols != null;
    }

    /** The most crossbars per macro, {@link Integer#MAX_VALUE} without a limit. */
    @JsonIgnore
    public int maxCrossbarsPerMacro() {
        return crossbarsPerMacro == null ? Integer.MAX_VALUE : crossbarsPerMacro.max();
    }

    /** The most crossbar columns per ADC, {@link Integer#MAX_VALUE} without a limit. */
    @JsonIgnore
    public int maxColumnsPerAdc() {
        return columnsPerAdc == null ? Integer.MAX_VALUE : columnsPerAdc.max();
    }

    /** The most mesh rows, {@link Integer#MAX_VALUE} without a limit. */
    @JsonIgnore
    public int maxMeshRows() {
        return meshRows == null ? Integer.MAX_VALUE : meshRows.max();
    }

    /** The most mesh columns, {@link Integer#MAX_VALUE} without a limit. */
    @JsonIgnore
    public int maxMeshCols() {
        return meshCols == null ? Integer.MAX_VALUE : meshCols.max();
    }

    /** The most macros the largest mesh holds, rows x columns; {@link Long#MAX_VALUE} where either is unlimited. */
    @JsonIgnore
    public long maxMacros() {
        return meshRows == null || meshCols == null ? Long.MAX_VALUE : (long) meshRows.max() * meshCols.max();
    }

    /** Whether the largest mesh is limited at all. */
    @JsonIgnore
    public boolean meshLimited() {
        return meshRows != null || meshCols != null;
    }

    /**
     * The least ADCs a macro of {@code crossbars} crossbars of {@code columns} columns each needs: ceil(columns x
     * crossbars / columnsPerAdc), at least 1 where it holds any crossbar; 1 without a limit.
     */
    public int leastAdcs(long crossbars, int columns) {
        if (crossbars <= 0) {
            return 0;
        }
        if (columnsPerAdc == null) {
            return 1;
        }
        long total = crossbars * columns;
        long adcs = (total + columnsPerAdc.max() - 1) / columnsPerAdc.max();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, adcs));
    }

    /** The mesh as it reads in messages: "12 x 14 (168 macros)", or with "any" for an unlimited side. */
    public String describeMesh() {
        String rows = meshRows == null ? "any number of" : Integer.toString(meshRows.max());
        String cols = meshCols == null ? "any number of" : Integer.toString(meshCols.max());
        return rows + " rows x " + cols + " columns" + (maxMacros() == Long.MAX_VALUE ? ""
                : " (" + maxMacros() + " macros)");
    }
}
