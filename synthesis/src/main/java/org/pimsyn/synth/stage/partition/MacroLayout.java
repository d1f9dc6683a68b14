package org.pimsyn.synth.stage.partition;

import java.util.ArrayList;
import java.util.List;
import org.pimsyn.synth.stage.dataflow.LayerPlacement;
import org.pimsyn.synth.stage.dataflow.Placement;

/**
 * A gene made concrete: numbered macros on a mesh, and which crossbars of which layer each holds.
 *
 * <ul>
 * <li>Macros are numbered in weight-layer order: each layer that owns its macros takes the next ids; the later
 * layer of a sharing pair takes its partner's, in the same order, so both have the same home macro.</li>
 * <li>The mesh is near square: {@code rows = ceil(sqrt(M))}, {@code cols = ceil(M / rows)}. Where the library
 * limits the mesh (its largest mesh R x C, {@link org.pimsyn.synth.hardware.PhysicalLimits}) and that shape
 * exceeds it, the mesh takes the limit's rows (R, and ceil(M / R) columns) where the rows exceed it, otherwise its
 * columns (C, and ceil(M / C) rows). Macro ids run through it in serpentine order (row 0 left to right, row 1 right to left, ...), so consecutive ids, hence consecutive
 * layers, are always neighbours and routes between successive layers stay short.</li>
 * <li>A layer's crossbars spread as evenly as possible: each macro holds floor(c / n) and c mod n of them one
 * more. The earlier layer of a pair puts its extra crossbars on the first macros, the later one on the last, so
 * that no macro holds more than ceil((a + b) / n) of the two, which keeps unified macros within their size.</li>
 * </ul>
 * Immutable.
 */
public final class MacroLayout {
    private final int macroCount;
    private final int meshRows;
    private final int meshCols;
    private final int[] row;
    private final int[] col;
    private final int[][] layerMacros;
    private final int[][] layerCrossbars;
    /** Per macro the layers it serves, ascending, and its crossbars of each. */
    private final int[][] macroLayers;
    private final int[][] macroCrossbars;

    private MacroLayout(int macroCount, int meshRows, int meshCols, int[][] layerMacros, int[][] layerCrossbars) {
        this.macroCount = macroCount;
        this.meshRows = meshRows;
        this.meshCols = meshCols;
        this.row = new int[macroCount];
        this.col = new int[macroCount];
        for (int m = 0; m < macroCount; m++) {
            row[m] = m / meshCols;
            int along = m % meshCols;
            col[m] = row[m] % 2 == 0 ? along : meshCols - 1 - along;
        }
        this.layerMacros = layerMacros;
        this.layerCrossbars = layerCrossbars;
        int[] served = new int[macroCount];
        for (int[] ids : layerMacros) {
            for (int m : ids) {
                served[m]++;
            }
        }
        this.macroLayers = new int[macroCount][];
        this.macroCrossbars = new int[macroCount][];
        for (int m = 0; m < macroCount; m++) {
            macroLayers[m] = new int[served[m]];
            macroCrossbars[m] = new int[served[m]];
            served[m] = 0;
        }
        for (int k = 0; k < layerMacros.length; k++) {
            for (int i = 0; i < layerMacros[k].length; i++) {
                int m = layerMacros[k][i];
                macroLayers[m][served[m]] = k;
                macroCrossbars[m][served[m]++] = layerCrossbars[k][i];
            }
        }
    }

    /**
     * The mesh of M macros, {rows, cols}: near square, or within the largest mesh {@code maxRows x maxCols} where
     * the near-square shape exceeds it (see the class comment).
     *
     * @throws IllegalArgumentException where M exceeds maxRows x maxCols
     */
    public static int[] mesh(int macroCount, int maxRows, int maxCols) {
        if ((long) maxRows * maxCols < macroCount) {
            throw new IllegalArgumentException(macroCount + " macros do not fit a mesh of at most " + maxRows
                    + " x " + maxCols);
        }
        int rows = (int) Math.ceil(Math.sqrt(macroCount));
        int cols = (macroCount + rows - 1) / rows;
        if (rows > maxRows) {
            rows = maxRows;
            cols = (macroCount + rows - 1) / rows;
        } else if (cols > maxCols) {
            cols = maxCols;
            rows = (macroCount + cols - 1) / cols;
        }
        return new int[] {rows, cols};
    }

    /**
     * Lays a gene out on a near-square mesh.
     *
     * @param crossbars crossbars of each weight layer, which the gene's counts must allow (at least one per
     *                  macro)
     */
    public static MacroLayout of(MacroGene gene, int[] crossbars) {
        return within(gene, crossbars, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Lays a gene out on a mesh of exactly the given size (macros in serpentine order, as above), such as the mesh
     * a design of the original PIMSYN tool states.
     *
     * @throws IllegalArgumentException where the mesh has fewer positions than the gene has macros, or a layer
     *                                  fewer crossbars than macros
     */
    public static MacroLayout of(MacroGene gene, int[] crossbars, int meshRows, int meshCols) {
        if (meshRows < 1 || meshCols < 1) {
            throw new IllegalArgumentException("a mesh of " + meshRows + " x " + meshCols + " has no position");
        }
        return layout(gene, crossbars, meshRows, meshCols, true);
    }

    /**
     * Lays a gene out on a mesh of at most {@code maxRows x maxCols} (the library's largest mesh), near square
     * where that fits ({@link #mesh}).
     *
     * @throws IllegalArgumentException where the gene has more macros than that mesh holds
     */
    public static MacroLayout within(MacroGene gene, int[] crossbars, int maxRows, int maxCols) {
        return layout(gene, crossbars, maxRows, maxCols, false);
    }

    private static MacroLayout layout(MacroGene gene, int[] crossbars, int rowsAsked, int colsAsked,
            boolean exact) {
        int n = gene.layers();
        if (crossbars.length != n) {
            throw new IllegalArgumentException("the gene has " + n + " layers but " + crossbars.length
                    + " crossbar counts were given");
        }
        int[][] macros = new int[n][];
        int[][] split = new int[n][];
        int next = 0;
        for (int k = 0; k < n; k++) {
            int count = gene.macros(k);
            if (crossbars[k] < count) {
                throw new IllegalArgumentException("layer " + k + " has " + crossbars[k] + " crossbars for "
                        + count + " macros");
            }
            if (gene.ownsMacros(k)) {
                macros[k] = new int[count];
                for (int i = 0; i < count; i++) {
                    macros[k][i] = next++;
                }
            } else {
                macros[k] = macros[gene.partner(k)];
            }
            boolean extrasLast = gene.shares(k) && !gene.ownsMacros(k);
            split[k] = spread(crossbars[k], count, extrasLast);
        }
        if (exact) {
            if ((long) rowsAsked * colsAsked < next) {
                throw new IllegalArgumentException("a mesh of " + rowsAsked + " x " + colsAsked + " cannot hold "
                        + next + " macros");
            }
            return new MacroLayout(next, rowsAsked, colsAsked, macros, split);
        }
        int[] mesh = mesh(next, rowsAsked, colsAsked);
        return new MacroLayout(next, mesh[0], mesh[1], macros, split);
    }

    /** c over n macros, floor(c / n) each and one more on the first (or last) c mod n. */
    static int[] spread(int c, int n, boolean extrasLast) {
        int[] parts = new int[n];
        int base = c / n;
        int extra = c % n;
        for (int i = 0; i < n; i++) {
            int position = extrasLast ? n - 1 - i : i;
            parts[position] = base + (i < extra ? 1 : 0);
        }
        return parts;
    }

    public int macroCount() {
        return macroCount;
    }

    public int meshRows() {
        return meshRows;
    }

    public int meshCols() {
        return meshCols;
    }

    public int row(int macro) {
        return row[macro];
    }

    public int col(int macro) {
        return col[macro];
    }

    public int layers() {
        return layerMacros.length;
    }

    /** Macros of layer k, its home first. */
    public int[] macrosOf(int k) {
        return layerMacros[k].clone();
    }

    /** Crossbars of layer k in each of its macros, in the order of {@link #macrosOf}. */
    public int[] crossbarsOf(int k) {
        return layerCrossbars[k].clone();
    }

    /** Home macro of layer k, where its LOAD, STORE and non-crossbar ALU work runs. */
    public int home(int k) {
        return layerMacros[k][0];
    }

    /** Crossbars of layer k held by a macro; 0 where the macro does not serve it. */
    public int crossbarsIn(int macro, int k) {
        int[] served = macroLayers[macro];
        for (int i = 0; i < served.length; i++) {
            if (served[i] == k) {
                return macroCrossbars[macro][i];
            }
        }
        return 0;
    }

    /** Layers a macro serves, ascending. */
    public List<Integer> layersOf(int macro) {
        List<Integer> served = new ArrayList<>(macroLayers[macro].length);
        for (int k : macroLayers[macro]) {
            served.add(k);
        }
        return served;
    }

    /** The stage 2 placement: per weight layer its macros and crossbars. */
    public Placement placement() {
        List<LayerPlacement> layers = new ArrayList<>(layerMacros.length);
        for (int k = 0; k < layerMacros.length; k++) {
            layers.add(new LayerPlacement(layerMacros[k], layerCrossbars[k]));
        }
        return new Placement(layers);
    }

    /** Directional links between neighbouring mesh positions: 2 x (rows x (cols - 1) + cols x (rows - 1)). */
    public int meshLinks() {
        return 2 * (meshRows * (meshCols - 1) + meshCols * (meshRows - 1));
    }
}
