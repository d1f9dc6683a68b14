package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.CrossbarGroup;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.energy.ComponentEnergy;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.engine.ResourceInfo;
import org.pimsyn.sim.engine.ResourceKind;
import org.pimsyn.sim.engine.ResourceTable;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.sim.report.ReportText;
import org.pimsyn.sim.report.SimulationReport;
import org.pimsyn.sim.report.SimulationReport.ResourceUsage;
import org.pimsyn.sim.trace.CycleWindow;
import org.pimsyn.sim.trace.UtilizationCsvWriter;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.PeakPowerModel;
import org.pimsyn.synth.explore.ExplorationStatistics;
import org.pimsyn.synth.io.AtomicFiles;

/**
 * {@code report.html}: one page that opens from disk with no network, its script (Apache ECharts, inlined from the
 * jar) and its data (one JSON block, {@code <script type="application/json" id="report-data">}) inside. It shows the
 * design at a glance, energy and power by component class, the pipeline of a short stream of images, utilization
 * over time per resource with the bottleneck, the mesh with its links coloured by load, and, for a synthesis, its
 * search.
 *
 * <p>The headline figures, energy and link loads are those of the command's own simulation, the one its JSON
 * report holds. The pipeline and the utilization heat map come from a further simulation of {@link #STREAM_IMAGES}
 * images, since a fitness run of one or two images shows no stream. The page holds no time or path of the machine,
 * so the same inputs and seed give the same file.
 */
public final class ReportHtml {
    public static final String FILE = "report.html";
    /** Images streamed for the pipeline and utilization charts: enough to see the pipeline fill and repeat. */
    public static final int STREAM_IMAGES = 4;
    /** About this many utilization windows across the stream: a heat map as wide as a screen, still readable. */
    static final int UTILIZATION_WINDOWS = 60;

    private static final String RESOURCES = "/org/pimsyn/synth/output/";
    private static final String ECHARTS = RESOURCES + "echarts/echarts.min.js";
    private static final String ECHARTS_NOTICE = RESOURCES + "echarts/NOTICE";

    /**
     * A synthesis run's search: the chosen design point's candidate, the chosen search's best fitness per
     * generation (initial population first) and what the exploration went through.
     *
     * @param chosen the objective and the chosen design's value in words, for the summary, where the run
     *               optimised another objective than power efficiency (which the summary shows anyway); else empty
     */
    public record Search(int candidateIndex, int candidates, String objective, String unit,
            double[] bestFitnessPerGeneration, ExplorationStatistics statistics, String chosen) {
        public Search {
            bestFitnessPerGeneration = bestFitnessPerGeneration.clone();
        }

        /** The search of a run of the default objective. */
        public Search(int candidateIndex, int candidates, String objective, String unit,
                double[] bestFitnessPerGeneration, ExplorationStatistics statistics) {
            this(candidateIndex, candidates, objective, unit, bestFitnessPerGeneration, statistics, "");
        }

        @Override
        public double[] bestFitnessPerGeneration() {
            return bestFitnessPerGeneration.clone();
        }
    }

    private ReportHtml() {
    }

    /** The page of a synthesis: {@code report} is the chosen design's simulation written to report.json. */
    public static String synthesis(Design design, IrProgram program, SimulationReport report, Search search) {
        return page("pimsyn synthesis report: " + design.spec().network().name(), "synthesize", design, program,
                report, search);
    }

    /** The page of {@code pimsyn simulate}: {@code report} is the one written to simulation-report.json. */
    public static String simulation(Design design, IrProgram program, SimulationReport report) {
        return page("pimsyn simulation report: " + design.spec().network().name(), "simulate", design, program,
                report, null);
    }

    /** Writes the page atomically into {@code directory} and returns its path. */
    public static Path write(Path directory, String html) {
        Path file = directory.resolve(FILE);
        AtomicFiles.writeString(file, html);
        return file;
    }

    private static String page(String title, String command, Design design, IrProgram program,
            SimulationReport report, Search search) {
        ObjectNode data = data(title, command, design, program, report, search);
        String echarts = resource(ECHARTS);
        // A closing script tag inside the library would end the inline script early.
        if (echarts.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException("the bundled ECharts holds a closing script tag and cannot be inlined");
        }
        StringBuilder h = new StringBuilder(echarts.length() + 200_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n")
                .append(resource(RESOURCES + "report.css")).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(escape(title)).append("</h1>\n");
        glance(h, data.get("summary"), search);
        section(h, "energy", "Energy and power by component class",
                "Over the " + intText(report.run().images()) + "-image run of the figures above: dynamic and static "
                        + "energy, and the power they amount to over the run.", "chart-energy", "chart-power");
        section(h, "pipeline", "Pipeline of a stream of " + STREAM_IMAGES + " images",
                "A separate simulation of " + STREAM_IMAGES + " images streamed through the design: per layer, "
                        + "the first start and last end of each image, in cycles.", "chart-pipeline");
        section(h, "utilization", "Utilization over time per resource",
                "The same " + STREAM_IMAGES + "-image stream, in windows of " + intText(
                        data.get("utilization").get("windowCycles").asLong()) + " cycles (the windows of the "
                        + "utilization CSV trace). Bottleneck: " + escape(data.get("utilization").get("bottleneck")
                        .get("name").asText()) + ", busy " + intText(data.get("utilization").get("bottleneck")
                        .get("busyCyclesPerImage").asLong()) + " cycles per image.", "chart-utilization");
        section(h, "mesh", "Mesh", "Each macro with its layers, crossbars, ADCs and scratchpad; NoC links "
                + "coloured by their busy cycles in the run of the figures above.", "chart-mesh");
        if (search != null) {
            section(h, "search", "Search", "Best " + escape(search.objective()) + " after each generation of the "
                    + "chosen design point's search (initial population first), and what became of the design "
                    + "points.", "chart-search", "chart-points");
        }
        String notice = resource(ECHARTS_NOTICE).strip();
        h.append("<footer>Charts drawn with Apache ECharts 5.3.1, inlined (Apache License 2.0).</footer>\n");
        h.append("<script type=\"application/json\" id=\"report-data\">\n").append(json(data))
                .append("\n</script>\n");
        h.append("<!-- Apache ECharts 5.3.1, Apache License 2.0 (http://www.apache.org/licenses/LICENSE-2.0).\n")
                .append(notice.replace("--", "- -")).append("\n-->\n");
        h.append("<script>\n").append(echarts).append("\n</script>\n");
        h.append("<script>\n").append(resource(RESOURCES + "report.js")).append("</script>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** The figures, as the page's JSON block holds them. */
    static ObjectNode data(String title, String command, Design design, IrProgram program, SimulationReport report,
            Search search) {
        ObjectNode root = OutputJson.MAPPER.createObjectNode();
        root.put("format", "pimsyn-report-html");
        root.put("formatVersion", 1);
        root.put("title", title);
        root.put("command", command);
        root.set("summary", summary(design, report));
        root.set("energy", energy(report));
        Simulator simulator = new Simulator();
        Activity stream = simulator.simulate(design.accelerator(), design.library(), program, STREAM_IMAGES,
                SimulationObserver.NONE);
        root.set("pipeline", pipeline(stream));
        root.set("utilization", utilization(simulator, design, program, stream, report));
        root.set("mesh", mesh(design.accelerator(), stream.resources(), report));
        if (search != null) {
            root.set("search", search(search));
        }
        return root;
    }

    private static ObjectNode summary(Design design, SimulationReport report) {
        Performance p = report.performance();
        ObjectNode s = OutputJson.MAPPER.createObjectNode();
        s.put("network", design.spec().network().name());
        s.put("images", report.run().images());
        s.put("clockGhz", report.run().clockGhz());
        s.put("powerBudgetMw", p.powerBudgetMw());
        s.put("peakPowerMw", PeakPowerModel.of(design).totalMw());
        s.put("steadyStatePowerMw", p.steadyStatePowerMw());
        s.put("averagePowerMw", p.averagePowerMw());
        s.put("withinPowerBudget", p.withinPowerBudget());
        s.put("throughputGops", p.throughputGops());
        s.put("gopsPerWatt", p.gopsPerWatt());
        s.put("intervalCycles", p.intervalCycles());
        s.put("intervalBasis", ReportText.basis(report));
        s.put("boundIntervalCycles", p.boundIntervalCycles());
        s.put("latencyAloneCycles", report.run().latencyAloneCycles());
        s.put("streamLatencyCycles", p.streamLatencyCycles());
        s.put("energyPerImagePj", p.energyPerImagePj());
        s.put("scratchpadsFit", p.scratchpadsFit());
        s.set("designPoint", OutputJson.tree(design.point()));
        Accelerator acc = design.accelerator();
        s.put("meshRows", acc.meshRows());
        s.put("meshCols", acc.meshCols());
        s.put("macros", acc.macros().size());
        return s;
    }

    private static ArrayNode energy(SimulationReport report) {
        ArrayNode list = OutputJson.MAPPER.createArrayNode();
        double ns = report.run().timeNs();
        for (ComponentEnergy e : report.energy()) {
            ObjectNode o = list.addObject();
            o.put("component", e.component());
            o.put("dynamicPj", e.dynamicPj());
            o.put("staticPj", e.staticPj());
            // pJ per ns is mW.
            o.put("dynamicPowerMw", ns == 0 ? 0 : e.dynamicPj() / ns);
            o.put("staticPowerMw", e.staticPowerMw());
        }
        return list;
    }

    /** Per image and layer with IRs: [image, layer row, first start, last end]. */
    private static ObjectNode pipeline(Activity stream) {
        ObjectNode o = OutputJson.MAPPER.createObjectNode();
        o.put("images", stream.images());
        o.put("cycles", stream.cycles());
        ArrayNode layers = o.putArray("layers");
        ArrayNode bars = o.putArray("bars");
        Accelerator acc = stream.accelerator();
        List<Integer> shown = new ArrayList<>();
        for (int l = 0; l < stream.layerCount(); l++) {
            if (stream.layerFirstStart(0, l) >= 0) {
                shown.add(l);
                layers.add(acc.layerName(l));
            }
        }
        for (int image = 0; image < stream.images(); image++) {
            for (int row = 0; row < shown.size(); row++) {
                int l = shown.get(row);
                bars.addArray().add(image).add(row).add(stream.layerFirstStart(image, l))
                        .add(stream.layerLastEnd(image, l));
            }
        }
        ArrayNode ends = o.putArray("imageEndCycles");
        for (int image = 0; image < stream.images(); image++) {
            ends.add(stream.imageEndCycle(image));
        }
        return o;
    }

    /**
     * The stream again, through the utilization CSV writer, so that the heat map's windows are those of
     * {@code --trace csv}; cells of an idle window are left out.
     */
    private static ObjectNode utilization(Simulator simulator, Design design, IrProgram program, Activity stream,
            SimulationReport report) {
        long windowCycles = Math.max(1, (stream.cycles() + UTILIZATION_WINDOWS - 1) / UTILIZATION_WINDOWS);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (UtilizationCsvWriter writer = new UtilizationCsvWriter(csv, CycleWindow.ALL, windowCycles)) {
            simulator.simulate(design.accelerator(), design.library(), program, STREAM_IMAGES, writer);
        }
        ResourceTable table = stream.resources();
        ObjectNode o = OutputJson.MAPPER.createObjectNode();
        o.put("windowCycles", windowCycles);
        ArrayNode names = o.putArray("resources");
        ArrayNode kinds = o.putArray("kinds");
        for (int r = 0; r < table.size(); r++) {
            names.add(table.name(r));
            kinds.add(table.kind(r).name());
        }
        ArrayNode starts = o.putArray("windowStarts");
        ArrayNode cells = o.putArray("cells");
        String[] lines = csv.toString(StandardCharsets.US_ASCII).split("\n");
        long lastStart = -1;
        int r = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            long start = Long.parseLong(f[0]);
            if (start != lastStart) {
                starts.add(start);
                lastStart = start;
                r = 0;
            }
            // Rows come in resource order within a window; names repeat the table's.
            if (!f[2].equals(table.name(r))) {
                throw new IllegalStateException("utilization row " + i + " names " + f[2] + ", expected "
                        + table.name(r));
            }
            double u = Double.parseDouble(f[6]);
            if (u > 0) {
                cells.addArray().add(starts.size() - 1).add(r).add(Math.round(u * 1e4) / 1e4);
            }
            r++;
        }
        o.set("bottleneck", bottleneck(report));
        return o;
    }

    /** The resource with the most busy cycles per unit: the one that sets the interval between images. */
    private static ObjectNode bottleneck(SimulationReport report) {
        ResourceUsage worst = null;
        long worstPerImage = -1;
        int images = report.run().images();
        for (ResourceUsage u : report.resources()) {
            long perImage = (u.busyCycles() + (long) images * u.capacity() - 1) / ((long) images * u.capacity());
            if (perImage > worstPerImage) {
                worst = u;
                worstPerImage = perImage;
            }
        }
        ObjectNode o = OutputJson.MAPPER.createObjectNode();
        o.put("name", worst == null ? "none" : worst.name());
        o.put("kind", worst == null ? "" : worst.kind().name());
        o.put("busyCyclesPerImage", Math.max(worstPerImage, 0));
        o.put("utilization", worst == null ? 0 : worst.utilization());
        return o;
    }

    private static ObjectNode mesh(Accelerator acc, ResourceTable table, SimulationReport report) {
        ObjectNode o = OutputJson.MAPPER.createObjectNode();
        o.put("rows", acc.meshRows());
        o.put("cols", acc.meshCols());
        ArrayNode macros = o.putArray("macros");
        for (int m = 0; m < acc.macros().size(); m++) {
            Macro macro = acc.macros().get(m);
            ObjectNode j = macros.addObject();
            j.put("id", m);
            j.put("row", macro.row());
            j.put("col", macro.col());
            ArrayNode layers = j.putArray("layers");
            for (int l : macro.layers()) {
                layers.add(acc.layerName(l));
            }
            ArrayNode groups = j.putArray("crossbarsByLayer");
            for (CrossbarGroup g : macro.crossbars()) {
                groups.addObject().put("layer", acc.layerName(g.layer())).put("crossbars", g.count());
            }
            j.put("crossbars", macro.crossbarCount());
            j.put("crossbarSize", macro.crossbars().isEmpty() ? 0 : macro.crossbars().get(0).size());
            j.put("adcs", macro.adcs().count());
            j.put("adcBits", macro.adcs().resolutionBits());
            j.put("scratchpadKb", macro.scratchpad().capacityKb());
            ArrayNode alus = j.putArray("alus");
            for (AluUnits a : macro.alus()) {
                alus.addObject().put("kind", a.kind().label()).put("units", a.count());
            }
        }
        ArrayNode links = o.putArray("links");
        for (ResourceUsage u : report.resources()) {
            if (u.kind() != ResourceKind.NOC_LINK) {
                continue;
            }
            ResourceInfo info = table.info(u.id());
            if (!info.name().equals(u.name())) {
                throw new IllegalStateException("resource " + u.id() + " is " + u.name() + " in the report and "
                        + info.name() + " in the stream");
            }
            ObjectNode j = links.addObject();
            j.put("name", u.name());
            j.put("fromRow", info.fromRow());
            j.put("fromCol", info.fromCol());
            j.put("toRow", info.toRow());
            j.put("toCol", info.toCol());
            j.put("busyCycles", u.busyCycles());
            j.put("utilization", u.utilization());
        }
        return o;
    }

    private static ObjectNode search(Search search) {
        ObjectNode o = OutputJson.MAPPER.createObjectNode();
        o.put("objective", search.objective());
        o.put("unit", search.unit());
        o.put("candidateIndex", search.candidateIndex());
        o.put("candidates", search.candidates());
        ArrayNode history = o.putArray("bestFitnessPerGeneration");
        for (double f : search.bestFitnessPerGeneration()) {
            history.add(f);
        }
        ExplorationStatistics st = search.statistics();
        ObjectNode points = o.putObject("designPoints");
        points.put("total", st.designPoints());
        points.put("searched", st.designPointsSearched());
        points.put("shared", st.designPointsReused());
        points.put("pruned", st.designPointsPruned());
        points.put("withoutAdc", st.designPointsWithoutAdc());
        points.put("notVisited", st.designPointsNotVisited());
        points.put("found", st.designPointsFound());
        o.put("fitnessEvaluations", st.fitnessEvaluations());
        return o;
    }

    /** The design at a glance, as plain HTML: readable before, or without, any script. */
    private static void glance(StringBuilder h, com.fasterxml.jackson.databind.JsonNode s, Search search) {
        com.fasterxml.jackson.databind.JsonNode p = s.get("designPoint");
        double budget = s.get("powerBudgetMw").asDouble();
        h.append("<section id=\"glance\">\n<h2>Design at a glance</h2>\n<table class=\"glance\">\n");
        row(h, "Network", escape(s.get("network").asText()));
        row(h, "Power budget", watts(budget));
        row(h, "Peak power", watts(s.get("peakPowerMw").asDouble()) + " (" + percent(s.get("peakPowerMw")
                .asDouble() / budget) + " of the budget)");
        row(h, "Simulated power", watts(s.get("steadyStatePowerMw").asDouble()) + " steady state ("
                + percent(s.get("steadyStatePowerMw").asDouble() / budget) + " of the budget), "
                + watts(s.get("averagePowerMw").asDouble()) + " run average" + (s.get("withinPowerBudget").asBoolean() ? ", within the budget"
                : ", over the budget"));
        row(h, "Throughput", String.format(Locale.ROOT, "%,.1f GOPS; an image every %,d cycles (%s)",
                s.get("throughputGops").asDouble(), s.get("intervalCycles").asLong(),
                s.get("intervalBasis").asText()));
        row(h, "Bound on the interval", String.format(Locale.ROOT, "%,d cycles (busiest resource); interval / bound "
                + "= %.3f", s.get("boundIntervalCycles").asLong(), s.get("intervalCycles").asDouble()
                / s.get("boundIntervalCycles").asDouble()));
        row(h, "Power efficiency", String.format(Locale.ROOT, "%,.2f GOPS/W", s.get("gopsPerWatt").asDouble()));
        if (search != null && !search.chosen().isEmpty()) {
            row(h, "Objective", escape(search.chosen()));
        }
        row(h, "Latency", intText(s.get("latencyAloneCycles").asLong()) + " cycles for one image alone, "
                + intText(s.get("streamLatencyCycles").asLong()) + " in the stream, at " + s.get("clockGhz").asDouble()
                + " GHz");
        row(h, "Design point", String.format(Locale.ROOT,
                "RatioRram %s, ResRram %d bits, XbSize %d, ResDAC %d bits, ADC %d bits",
                p.get("ratioRram").asText(), p.get("resRramBits").asInt(), p.get("xbSizeRows").asInt(),
                p.get("resDacBits").asInt(), p.get("adcBits").asInt())
                + (search == null ? "" : "; duplication candidate index " + search.candidateIndex() + " of "
                        + search.candidates()));
        row(h, "Mesh", s.get("meshRows").asInt() + " x " + s.get("meshCols").asInt() + ", " + s.get("macros")
                .asInt() + " macros");
        row(h, "Simulated", intText(s.get("images").asLong()) + " image" + (s.get("images").asInt() == 1 ? ""
                : "s") + (s.get("scratchpadsFit").asBoolean() ? "; scratchpads fit"
                : "; a scratchpad overflows"));
        h.append("</table>\n</section>\n");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(key).append("</th><td>").append(value).append("</td></tr>\n");
    }

    private static void section(StringBuilder h, String id, String heading, String text, String... charts) {
        h.append("<section id=\"").append(id).append("\">\n<h2>").append(escape(heading)).append("</h2>\n<p>")
                .append(text).append("</p>\n<div class=\"charts\">");
        for (String c : charts) {
            h.append("<div class=\"chart\" id=\"").append(c).append("\"></div>");
        }
        h.append("</div>\n</section>\n");
    }

    private static String watts(double mw) {
        return String.format(Locale.ROOT, "%,.3f W", mw / 1000);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    private static String intText(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** JSON that cannot end its script element: '<' only ever occurs inside strings, where an escape is equal. */
    static String json(ObjectNode data) {
        return OutputJson.line(data).replace("<", "\\u003c");
    }

    private static String resource(String name) {
        try (InputStream in = ReportHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
