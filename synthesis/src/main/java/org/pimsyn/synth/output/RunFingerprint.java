package org.pimsyn.synth.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.explore.ExplorationSettings;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.json.NetworkJsonWriter;
import org.pimsyn.synth.objective.Objective;
import org.pimsyn.synth.stage.allocation.AllocationMode;
import org.pimsyn.synth.stage.duplication.DuplicationMode;

/**
 * What decides the result of a synthesis run, as a checkpoint's header records it: the network and the hardware
 * library by a SHA-256 of their content, the request's other inputs, the seed and the number of top designs as they
 * are, and the objective by its name. Neither the thread count nor the time budget is part of it: they never change
 * what a design point's search gives.
 *
 * @param network    SHA-256 of the network's name and its PIMSYN network JSON, as {@code sha256:<hex>}
 * @param library    SHA-256 of the library's figures and search settings (not of where it was read from)
 * @param topDesigns designs the run keeps, which decides the designs it lists and the points it prunes
 * @param objective  the name of what the run optimises ({@link Objective#name()})
 * @param areaLimitMm2 the run's area limit, 0 for none; written only where there is one, so that checkpoints of
 *                   runs without one read as before it existed
 * @param duplication how stage 1 chose the candidates ({@link DuplicationMode#label()}): they decide the design points
 * @param allocation how stage 4 spent the power left ({@link AllocationMode#label()}): it decides every fitness
 */
public record RunFingerprint(String network, String library, double powerMw, String macroMode, boolean macroSharing,
        int genes, int generations, String fitnessRun, long seed, int topDesigns, String objective,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) double areaLimitMm2, String duplication, String allocation) {
    /**
     * The ALU kinds as the library was hashed before they took their present names, in {@link AluKind} order: the
     * same library keeps its hash, so checkpoints written before still resume.
     */
    private static final List<String> HASHED_ALU_NAMES = List.of("SHIFT_ADD", "ADDER", "POOLING", "RELU",
            "SIGMOID", "ELTWISE");

    /** A run without an area limit, with annealed candidates and units up to the latency floor. */
    public RunFingerprint(String network, String library, double powerMw, String macroMode, boolean macroSharing,
            int genes, int generations, String fitnessRun, long seed, int topDesigns, String objective) {
        this(network, library, powerMw, macroMode, macroSharing, genes, generations, fitnessRun, seed, topDesigns,
                objective, 0, DuplicationMode.SA.label(), AllocationMode.FLOOR.label());
    }

    /** The fingerprint of a run keeping the default number of top designs. */
    public static RunFingerprint of(SynthesisRequest request, long seed) {
        return of(request, seed, ExplorationSettings.DEFAULT_TOP_DESIGNS);
    }

    public static RunFingerprint of(SynthesisRequest request, long seed, int topDesigns) {
        return new RunFingerprint(network(request.network()), library(request.library()), request.totalPowerMw(),
                request.macroMode().label(), request.macroSharing(), request.genes(), request.generations(),
                request.fitnessRun().describe(), seed, topDesigns, request.objective().name(),
                request.areaLimitMm2().orElse(0), request.duplication().label(), request.allocation().label());
    }

    static String network(Network network) {
        return sha256(network.name() + "\n" + NetworkJsonWriter.toJson(network));
    }

    static String library(HardwareLibrary library) {
        ObjectNode tree = (ObjectNode) OutputJson.tree(library);
        tree.remove("origin");
        if (library.otherComponents().isEmpty()) {
            // Libraries without other components hash as they did before the section existed.
            tree.remove("otherComponents");
        }
        if (!library.limits().any()) {
            // Libraries without physical limits hash as they did before the section existed.
            tree.remove("limits");
        }
        for (JsonNode alu : tree.path("alus")) {
            ((ObjectNode) alu).put("kind", HASHED_ALU_NAMES.get(AluKind.fromLabel(alu.path("kind").asText())
                    .orElseThrow().ordinal()));
        }
        try {
            return sha256(OutputJson.MAPPER.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
