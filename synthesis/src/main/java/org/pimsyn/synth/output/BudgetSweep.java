package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.pimsyn.synth.design.DesignFigures;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.explore.RankedDesign;
import org.pimsyn.synth.io.AtomicFiles;
import org.pimsyn.synth.objective.Objective;

/**
 * The table of a budget sweep ({@code synthesize --power 10,25,49,100}): the best design of every budget and
 * objective, each synthesized into its own directory, as {@code sweep.json} and {@code sweep.md}. Everything but
 * the wall times (the JSON's {@code execution} section, the table's last column) is the same for the same inputs
 * and seed.
 */
public final class BudgetSweep {
    public static final String JSON_FILE = "sweep.json";
    public static final String TABLE_FILE = "sweep.md";
    public static final String FORMAT = "pimsyn-sweep";
    public static final int FORMAT_VERSION = 1;

    /**
     * One budget and objective of the sweep.
     *
     * @param directory          the synthesis's directory, relative to the sweep's; null where a run without a
     *                           design left none
     * @param best               its best design, or null where it found none
     * @param figures            that design's figures, or null
     * @param fitnessEvaluations the synthesis's fitness evaluations
     * @param noDesign           why it found no design, or null
     */
    public record Row(double powerMw, Objective objective, String directory, RankedDesign best,
            DesignFigures figures, long fitnessEvaluations, String noDesign, long wallTimeMs) {
        public static Row found(double powerMw, Objective objective, String directory, RankedDesign best,
                long fitnessEvaluations, long wallTimeMs) {
            return new Row(powerMw, objective, directory, best, DesignFigures.of(best.design()), fitnessEvaluations,
                    null, wallTimeMs);
        }

        public static Row none(double powerMw, Objective objective, String directory, String why) {
            return new Row(powerMw, objective, directory, null, null, 0, why, 0);
        }

        public boolean found() {
            return best != null;
        }
    }

    private final String network;
    private final String networkSource;
    private final long seed;
    private final List<Row> rows;

    public BudgetSweep(String network, String networkSource, long seed, List<Row> rows) {
        this.network = network;
        this.networkSource = networkSource;
        this.seed = seed;
        this.rows = List.copyOf(rows);
    }

    /** Writes both files into {@code dir}, each whole or not at all; returns their paths. */
    public List<Path> write(Path dir) {
        Path json = dir.resolve(JSON_FILE);
        Path table = dir.resolve(TABLE_FILE);
        AtomicFiles.writeString(json, json());
        AtomicFiles.writeString(table, table());
        return List.of(json, table);
    }

    public String json() {
        ObjectNode root = OutputJson.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        ObjectNode in = root.putObject("inputs");
        in.put("network", network);
        in.put("networkSource", networkSource);
        in.put("seed", seed);
        ArrayNode out = root.putArray("rows");
        for (Row r : rows) {
            ObjectNode o = out.addObject();
            o.put("powerMw", r.powerMw());
            o.put("objective", r.objective().name());
            o.put("directory", r.directory());
            o.put("found", r.found());
            if (!r.found()) {
                o.put("noDesignReason", r.noDesign());
                continue;
            }
            RunReports.putPoint(o, r.best().point(), r.best().candidateIndex(), r.best().candidates());
            o.put(r.objective().jsonKey(), r.best().fitness());
            ExplorationJournal.putFigures(o, r.figures());
            o.put("peakShareOfBudget", r.figures().peakPowerMw() / r.powerMw());
            o.put("macros", r.best().design().accelerator().macros().size());
            o.put("fitnessEvaluations", r.fitnessEvaluations());
        }
        ArrayNode wall = root.putObject("execution").putArray("wallTimeMs");
        rows.forEach(r -> wall.add(r.wallTimeMs()));
        return OutputJson.text(root);
    }

    /** The Markdown table, one row per budget and objective in the order they ran. */
    public String table() {
        StringBuilder s = new StringBuilder();
        s.append("# Budget sweep: ").append(network).append(" (").append(networkSource).append("), seed ")
                .append(seed).append("\n\n");
        s.append("| power W | objective | design point | candidate | macros | GOPS/W | GOPS | peak mW (of the budget) "
                + "| steady-state mW | area mm2 | objective's value | fitness evaluations | wall time s | directory "
                + "|\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %s | ", watts(r.powerMw() / 1000), r.objective().name()));
            if (!r.found()) {
                s.append("no design: ").append(headline(r.noDesign()).replace("|", "/"))
                        .append(" | | | | | | | | | | | ").append(r.directory() == null ? "-" : r.directory())
                        .append(" |\n");
                continue;
            }
            DesignPoint p = r.best().point();
            DesignFigures f = r.figures();
            s.append(String.format(Locale.ROOT, "RatioRram %s, ResRram %d, XbSize %d, ResDAC %d, ADC %d | %d of %d "
                    + "| %d | %,.2f | %,.2f | %,.2f (%.1f %%) | %,.2f | %s | %,.2f %s | %,d | %.1f | %s |%n",
                    number(p.ratioRram()), p.resRramBits(), p.xbSizeRows(), p.resDacBits(), p.adcBits(),
                    r.best().candidateIndex(), r.best().candidates(), r.best().design().accelerator().macros().size(),
                    f.gopsPerWatt(), f.throughputGops(), f.peakPowerMw(), 100 * f.peakPowerMw() / r.powerMw(),
                    f.steadyStatePowerMw(), f.areaMm2() == null ? "unknown" : String.format(Locale.ROOT, "%,.2f",
                            f.areaMm2()), r.best().fitness(), r.objective().unit(), r.fitnessEvaluations(),
                    r.wallTimeMs() / 1000.0, r.directory()));
        }
        return s.toString();
    }

    /**
     * A reason's first clause, for the table: {@code no design fits under 25 W: 724 design points searched, none
     * yielded a design within the budget}, without the most frequent reasons that follow (the JSON has them all).
     */
    private static String headline(String reason) {
        int cut = reason.indexOf("; ");
        return cut < 0 ? reason : reason.substring(0, cut) + " (sweep.json has the rest)";
    }

    /**
     * A budget in watts as the sweep spells it, in its directory names, its table and on the console: the shortest
     * decimal that reads back as the same number, e.g. {@code 49}, {@code 0.3}.
     */
    public static String watts(double powerW) {
        return number(powerW);
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
