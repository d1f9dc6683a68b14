package org.pimsyn.synth.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.energy.ComponentEnergy;
import org.pimsyn.sim.engine.ResourceKind;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.report.SimulationReport;
import org.pimsyn.sim.report.SimulationReport.LayerTiming;
import org.pimsyn.sim.report.SimulationReport.ResourceUsage;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.PeakPowerModel;
import org.pimsyn.synth.explore.ExplorationStatistics;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;

class ReportHtmlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExplorationStatistics STATISTICS = new ExplorationStatistics(4, 1, 0, 120, 12, 90, 0, 14, 4,
            13, 321);
    private static final double[] HISTORY = {100.5, 120.25, 120.25, 131.0};

    private static Design design;
    private static IrProgram program;
    private static SimulationReport report;
    private static String synthesisHtml;
    private static String simulationHtml;

    @BeforeAll
    static void render() {
        design = SmallDesign.design();
        program = DataflowSkeleton.of(design.spec()).compile(design.placement()).program();
        report = new Simulator().report(design.accelerator(), design.library(), program, design.fitnessRun(),
                SimulationObserver.NONE);
        synthesisHtml = ReportHtml.synthesis(design, program, report, search());
        simulationHtml = ReportHtml.simulation(design, program, report);
    }

    private static ReportHtml.Search search() {
        return new ReportHtml.Search(3, 56, "power efficiency", "GOPS/W", HISTORY, STATISTICS);
    }

    private static JsonNode data(Document doc) throws Exception {
        Element block = doc.getElementById("report-data");
        assertNotNull(block, "the data block");
        assertEquals("application/json", block.attr("type"));
        return JSON.readTree(block.data());
    }

    @Test
    void theHeadlineFiguresAreTheReports() throws Exception {
        Document doc = Jsoup.parse(synthesisHtml);
        JsonNode s = data(doc).get("summary");
        assertEquals("small", s.get("network").textValue());
        assertEquals(report.performance().gopsPerWatt(), s.get("gopsPerWatt").doubleValue());
        assertEquals(report.performance().throughputGops(), s.get("throughputGops").doubleValue());
        assertEquals(report.performance().powerBudgetMw(), s.get("powerBudgetMw").doubleValue());
        assertEquals(report.performance().steadyStatePowerMw(), s.get("steadyStatePowerMw").doubleValue());
        assertEquals(PeakPowerModel.of(design).totalMw(), s.get("peakPowerMw").doubleValue());
        assertEquals(report.run().images(), s.get("images").intValue());
        assertEquals(0.3, s.get("designPoint").get("ratioRram").doubleValue());
        assertEquals(11, s.get("designPoint").get("adcBits").intValue());
        assertEquals(design.accelerator().macros().size(), s.get("macros").intValue());
        String glance = doc.getElementById("glance").text();
        assertTrue(glance.contains(String.format(java.util.Locale.ROOT, "%,.2f GOPS/W",
                report.performance().gopsPerWatt())), glance);
        assertTrue(glance.contains("duplication candidate index 3 of 56"), glance);
        assertFalse(glance.toLowerCase(java.util.Locale.ROOT).contains("area"), "area comes with another change");
    }

    @Test
    void theEnergyListIsTheSimulations() throws Exception {
        JsonNode energy = data(Jsoup.parse(simulationHtml)).get("energy");
        assertEquals(report.energy().size(), energy.size());
        for (int i = 0; i < energy.size(); i++) {
            ComponentEnergy e = report.energy().get(i);
            assertEquals(e.component(), energy.get(i).get("component").textValue());
            assertEquals(e.dynamicPj(), energy.get(i).get("dynamicPj").doubleValue());
            assertEquals(e.staticPj(), energy.get(i).get("staticPj").doubleValue());
            assertEquals(e.dynamicPj() / report.run().timeNs(), energy.get(i).get("dynamicPowerMw").doubleValue(),
                    1e-9);
        }
    }

    /**
     * The stream's first image is timed as a report of the same number of images has it (later images compete with
     * it for resources, so not as the 2-image report does), and each image starts and ends a layer no earlier than
     * the image before.
     */
    @Test
    void thePipelineStreamsImagesInOrderAndItsFirstImageIsAStreamReports() throws Exception {
        JsonNode p = data(Jsoup.parse(simulationHtml)).get("pipeline");
        assertEquals(ReportHtml.STREAM_IMAGES, p.get("images").intValue());
        SimulationReport stream = new Simulator().report(design.accelerator(), design.library(), program,
                ReportHtml.STREAM_IMAGES, SimulationObserver.NONE);
        assertEquals(stream.run().cycles(), p.get("cycles").longValue());
        List<LayerTiming> layers = stream.layers();
        assertEquals(layers.size(), p.get("layers").size());
        assertEquals(ReportHtml.STREAM_IMAGES * layers.size(), p.get("bars").size());
        for (JsonNode bar : p.get("bars")) {
            int image = bar.get(0).intValue();
            int row = bar.get(1).intValue();
            LayerTiming t = layers.get(row);
            assertEquals(t.name(), p.get("layers").get(row).textValue());
            if (image == 0) {
                assertEquals(t.firstStartCycle(), bar.get(2).longValue(), t.name());
                assertEquals(t.lastEndCycle(), bar.get(3).longValue(), t.name());
            } else {
                JsonNode before = p.get("bars").get((image - 1) * layers.size() + row);
                assertTrue(bar.get(2).longValue() >= before.get(2).longValue(), bar + " after " + before);
                assertTrue(bar.get(3).longValue() >= before.get(3).longValue(), bar + " after " + before);
            }
            assertTrue(bar.get(3).longValue() <= p.get("cycles").longValue());
        }
        assertEquals(p.get("cycles").longValue(),
                p.get("imageEndCycles").get(ReportHtml.STREAM_IMAGES - 1).longValue());
    }

    /** Summed over the windows, the heat map holds the stream's busy cycles: the report's per image, 4 times. */
    @Test
    void theHeatMapAddsUpToTheStreamsBusyCyclesAndNamesTheBottleneck() throws Exception {
        JsonNode d = data(Jsoup.parse(simulationHtml));
        JsonNode u = d.get("utilization");
        long window = u.get("windowCycles").longValue();
        long cycles = d.get("pipeline").get("cycles").longValue();
        JsonNode starts = u.get("windowStarts");
        assertEquals((cycles + window - 1) / window, starts.size());
        assertTrue(starts.size() <= ReportHtml.UTILIZATION_WINDOWS, starts.toString());
        for (int w = 0; w < starts.size(); w++) {
            assertEquals(w * window, starts.get(w).longValue());
        }
        List<ResourceUsage> resources = report.resources();
        assertEquals(resources.size(), u.get("resources").size());
        double[] busy = new double[resources.size()];
        for (JsonNode cell : u.get("cells")) {
            int w = cell.get(0).intValue();
            int r = cell.get(1).intValue();
            long length = Math.min(cycles, (w + 1) * window) - w * window;
            double utilization = cell.get(2).doubleValue();
            assertTrue(utilization > 0 && utilization <= 1, cell.toString());
            busy[r] += utilization * length * resources.get(r).capacity();
        }
        int images = report.run().images();
        for (int r = 0; r < busy.length; r++) {
            ResourceUsage usage = resources.get(r);
            assertEquals(usage.name(), u.get("resources").get(r).textValue());
            double expected = (double) usage.busyCycles() / images * ReportHtml.STREAM_IMAGES;
            assertEquals(expected, busy[r], 1e-4 * window * starts.size() * usage.capacity() + 1e-9, usage.name());
        }
        ResourceUsage worst = resources.get(0);
        for (ResourceUsage r : resources) {
            if ((double) r.busyCycles() / r.capacity() > (double) worst.busyCycles() / worst.capacity()) {
                worst = r;
            }
        }
        assertEquals(worst.name(), u.get("bottleneck").get("name").textValue());
    }

    @Test
    void theMeshHoldsEveryMacroAndLinkWithItsLoad() throws Exception {
        JsonNode mesh = data(Jsoup.parse(simulationHtml)).get("mesh");
        assertEquals(design.accelerator().meshRows(), mesh.get("rows").intValue());
        assertEquals(design.accelerator().macros().size(), mesh.get("macros").size());
        for (int m = 0; m < mesh.get("macros").size(); m++) {
            JsonNode macro = mesh.get("macros").get(m);
            assertEquals(design.accelerator().macros().get(m).crossbarCount(), macro.get("crossbars").intValue());
            assertEquals(design.accelerator().macros().get(m).adcs().count(), macro.get("adcs").intValue());
            assertEquals(design.accelerator().macros().get(m).scratchpad().capacityKb(),
                    macro.get("scratchpadKb").intValue());
            assertFalse(macro.get("layers").isEmpty());
        }
        List<ResourceUsage> links = new ArrayList<>();
        for (ResourceUsage r : report.resources()) {
            if (r.kind() == ResourceKind.NOC_LINK) {
                links.add(r);
            }
        }
        assertFalse(links.isEmpty(), "the small design moves data between its macros");
        assertEquals(links.size(), mesh.get("links").size());
        for (int i = 0; i < links.size(); i++) {
            JsonNode l = mesh.get("links").get(i);
            assertEquals(links.get(i).name(), l.get("name").textValue());
            assertEquals(links.get(i).busyCycles(), l.get("busyCycles").longValue());
            assertEquals(l.get("name").textValue(), "noc.r" + l.get("fromRow") + "c" + l.get("fromCol") + ">r"
                    + l.get("toRow") + "c" + l.get("toCol"));
        }
    }

    @Test
    void onlyASynthesisShowsItsSearch() throws Exception {
        Document synthesis = Jsoup.parse(synthesisHtml);
        JsonNode search = data(synthesis).get("search");
        assertEquals(HISTORY.length, search.get("bestFitnessPerGeneration").size());
        for (int g = 0; g < HISTORY.length; g++) {
            assertEquals(HISTORY[g], search.get("bestFitnessPerGeneration").get(g).doubleValue());
        }
        JsonNode points = search.get("designPoints");
        assertEquals(STATISTICS.designPointsSearched(), points.get("searched").intValue());
        assertEquals(STATISTICS.designPointsReused(), points.get("shared").intValue());
        assertEquals(STATISTICS.designPointsPruned(), points.get("pruned").intValue());
        assertEquals(STATISTICS.fitnessEvaluations(), search.get("fitnessEvaluations").longValue());
        for (String id : List.of("chart-energy", "chart-power", "chart-pipeline", "chart-utilization", "chart-mesh",
                "chart-search", "chart-points")) {
            assertNotNull(synthesis.getElementById(id), id);
        }
        Document simulation = Jsoup.parse(simulationHtml);
        assertNull(data(simulation).get("search"));
        assertNull(simulation.getElementById("chart-search"));
        assertEquals(5, simulation.select("div.chart").size());
        assertEquals("simulate", data(simulation).get("command").textValue());
    }

    @Test
    void thePageNeedsNoNetworkAndCarriesEChartsWithItsNotice() {
        Document doc = Jsoup.parse(synthesisHtml);
        assertTrue(doc.select("script[src], link[href], img[src], iframe").isEmpty(), "nothing is fetched");
        List<Element> inline = doc.select("script:not([type])");
        assertEquals(2, inline.size(), "ECharts and the page's own script");
        assertTrue(inline.get(0).data().contains("Licensed to the Apache Software Foundation"));
        assertTrue(inline.get(0).data().length() > 900_000, "the whole minified library");
        assertTrue(synthesisHtml.contains("Copyright 2017-2022 The Apache Software Foundation"), "the NOTICE");
        assertTrue(inline.get(1).data().contains("echarts.init"));
        assertTrue(synthesisHtml.length() < 1_200_000, "the library and little more: " + synthesisHtml.length());
    }

    @Test
    void theSameInputsGiveTheSameFile() {
        assertEquals(synthesisHtml, ReportHtml.synthesis(design, program, report, search()));
        assertEquals(simulationHtml, ReportHtml.simulation(design, program, report));
    }

    @Test
    void dataCannotCloseItsScriptElement() throws Exception {
        ObjectNode node = JSON.createObjectNode().put("name", "</script><b>conv</b>");
        String text = ReportHtml.json(node);
        assertFalse(text.contains("<"), text);
        assertEquals("</script><b>conv</b>", JSON.readTree(text).get("name").textValue());
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", ReportHtml.escape("a <b> & \"c\""));
    }
}
