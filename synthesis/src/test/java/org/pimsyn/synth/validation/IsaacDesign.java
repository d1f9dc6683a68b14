package org.pimsyn.synth.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AdcBank;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.CrossbarGroup;
import org.pimsyn.sim.arch.DacArray;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.arch.Scratchpad;
import org.pimsyn.sim.component.ComponentInstance;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.design.AcceleratorBuilder;
import org.pimsyn.synth.design.ComponentLibraries;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.json.NetworkJsonReader;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.dataflow.DataflowSpec;
import org.pimsyn.synth.stage.dataflow.LayerPlacement;
import org.pimsyn.synth.stage.dataflow.Placement;

/**
 * The ISAAC chip (Shafiee et al., ISCA 2016) as a pimsyn design, from {@code configs/hardware/isaac.json}: the
 * generator of {@code configs/validation/isaac/design.json} ({@code IsaacValidationTest} checks the file against
 * it and rewrites it with {@code -Dpimsyn.regenerateIsaac=true}).
 *
 * <ul>
 * <li>168 tiles as 168 macros on a 12 x 14 mesh, one router per position (ISAAC shares one among 4 tiles; the
 * library charges each position a quarter of ISAAC's router).</li>
 * <li>Each tile: 12 IMAs of 8 crossbars of 128 x 128 two-bit cells (96 crossbars), a 1-bit DAC per crossbar row
 * (12 x 8 x 128 = 12,288), 8 ADCs of 8 bits per IMA (96), 4 shift-and-add units per IMA and one of the tile's (49),
 * 2 sigmoid units and a max-pool unit, a 64 KB eDRAM scratchpad with a 256-bit bus; and the library's other
 * components: a sample-and-hold per column (12,288), an input and an output register per IMA, the eDRAM-to-IMA bus
 * and the tile's output register. The chip's HyperTransport links sit in the first macro.</li>
 * <li>The network, which the area and peak figures do not depend on: a chain of 168 convolutions of 1 x 1, 128 to
 * 128 channels, on a 3 x 4 map, one per tile as ISAAC pipelines a network's layers over its tiles. A layer's
 * 128 x 128 16-bit weights fill one IMA (8 crossbars of 2-bit cells); duplicated once per output position (12) they
 * fill the tile's 12 IMAs. The tiles follow the chain row by row, every other row right to left, so that each layer
 * sends its output one hop.</li>
 * </ul>
 */
final class IsaacDesign {
    static final Path LIBRARY = Path.of("..", "configs", "hardware", "isaac.json");
    static final Path DESIGN = Path.of("..", "configs", "validation", "isaac", "design.json");
    static final int MESH_ROWS = 12;
    static final int MESH_COLS = 14;
    static final int TILES = MESH_ROWS * MESH_COLS;
    static final int IMAS_PER_TILE = 12;
    static final int CROSSBARS_PER_IMA = 8;
    static final int XB_SIZE = 128;
    static final int CELL_BITS = 2;
    static final int DAC_BITS = 1;
    static final int ADC_BITS = 8;
    /** Its 65.8 W: a simulation checks its power against it. */
    static final double POWER_BUDGET_MW = 65_800;
    /** Images of the recorded simulation, as a synthesis records two. */
    static final int FITNESS_IMAGES = 2;

    private IsaacDesign() {
    }

    /** Output positions of every layer: 3 x 4 = 12, one copy of the layer's weights per IMA of its tile. */
    static final int MAP_ROWS = 3;
    static final int MAP_COLS = 4;

    /** The chain of {@link #TILES} convolutions, in the PIMSYN network JSON format. */
    static String networkJson() {
        StringBuilder s = new StringBuilder("[\n  {\"name\": \"input\", \"operation\": \"OP_INPUT\", \"output_dim\": [1, 128, "
                + MAP_ROWS + ", " + MAP_COLS + "], \"provider\": []}");
        for (int k = 1; k <= TILES; k++) {
            s.append(",\n  {\"name\": \"").append(layerName(k)).append("\", \"operation\": \"OP_CONV\", \"output_dim\": [1, 128, ")
                    .append(MAP_ROWS).append(", ").append(MAP_COLS).append("], \"provider\": [\"")
                    .append(k == 1 ? "input" : layerName(k - 1)).append("\"], \"param\": {\"kernel_h\": 1, "
                            + "\"kernel_w\": 1, \"stride_h\": 1, \"stride_w\": 1, \"input_channel\": 128, "
                            + "\"output_channel\": 128}}");
        }
        return s.append("\n]\n").toString();
    }

    private static String layerName(int k) {
        return "conv" + k;
    }

    static Design build() {
        HardwareLibrary library = HardwareLibrary.load(LIBRARY);
        ComponentLibrary components = ComponentLibraries.from(library);
        Network network = NetworkJsonReader.parse(networkJson(), "the ISAAC validation network",
                "isaac-layer-per-tile");
        int[] copies = new int[TILES];
        java.util.Arrays.fill(copies, IMAS_PER_TILE);
        DataflowSpec spec = DataflowSpec.of(network, copies, DAC_BITS, XB_SIZE, CELL_BITS, library.precision());
        int crossbarsPerTile = IMAS_PER_TILE * CROSSBARS_PER_IMA;
        List<LayerPlacement> layers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int m = 0; m < TILES; m++) {
            layers.add(LayerPlacement.single(m, crossbarsPerTile));
            names.add(layerName(m + 1));
        }
        Placement placement = new Placement(layers);
        List<ComponentInstance> perTile = AcceleratorBuilder.otherComponents(library.otherComponents(), false,
                crossbarsPerTile, XB_SIZE);
        List<ComponentInstance> firstTile = AcceleratorBuilder.otherComponents(library.otherComponents(), true,
                crossbarsPerTile, XB_SIZE);
        List<Macro> tiles = new ArrayList<>();
        for (int m = 0; m < TILES; m++) {
            int row = m / MESH_COLS;
            int col = row % 2 == 0 ? m % MESH_COLS : MESH_COLS - 1 - m % MESH_COLS;
            tiles.add(new Macro(row, col, List.of(m),
                    List.of(new CrossbarGroup(m, crossbarsPerTile, XB_SIZE, CELL_BITS)),
                    new DacArray(crossbarsPerTile * XB_SIZE, DAC_BITS),
                    new AdcBank(IMAS_PER_TILE * CROSSBARS_PER_IMA, ADC_BITS),
                    List.of(new AluUnits(AluKind.SHIFT_ADD, 4 * IMAS_PER_TILE + 1, 1),
                            new AluUnits(AluKind.POOL, 1, 1), new AluUnits(AluKind.SIGMOID, 2, 1)),
                    new Scratchpad(64, library.scratchpads().get(0).busWidthBits(), 1),
                    m == 0 ? firstTile : perTile));
        }
        Accelerator accelerator = new Accelerator(library.clockGhz(), MESH_ROWS, MESH_COLS,
                library.precision().activationBits(), TILES, names, tiles,
                ComponentLibraries.noc(library), POWER_BUDGET_MW, network.totalMacs());
        IrProgram program = DataflowSkeleton.of(spec).compile(placement).program();
        Activity activity = new Simulator().simulate(accelerator, components, program, RunPlan.images(FITNESS_IMAGES),
                SimulationObserver.NONE);
        Performance performance = Performance.of(activity, Simulator.price(activity, components));
        return new Design(new DesignPoint(library.search().designSpace().ratioRram().get(0), CELL_BITS, XB_SIZE,
                DAC_BITS, ADC_BITS), spec, placement, accelerator, components, RunPlan.images(FITNESS_IMAGES), performance);
    }
}
