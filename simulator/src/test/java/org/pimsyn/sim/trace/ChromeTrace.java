package org.pimsyn.sim.trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A Chrome trace parsed back with Jackson: its slices, counters and thread names, for assertions. */
final class ChromeTrace {
    final JsonNode root;
    final List<JsonNode> slices = new ArrayList<>();
    final List<JsonNode> counters = new ArrayList<>();
    final Map<Integer, String> threadNames = new HashMap<>();
    final Map<Integer, String> processNames = new HashMap<>();

    private ChromeTrace(JsonNode root) {
        this.root = root;
        for (JsonNode e : root.get("traceEvents")) {
            switch (e.get("ph").asText()) {
                case "X" -> slices.add(e);
                case "C" -> counters.add(e);
                case "M" -> {
                    if (e.get("name").asText().equals("thread_name")) {
                        threadNames.put(e.get("tid").asInt(), e.get("args").get("name").asText());
                    } else if (e.get("name").asText().equals("process_name")) {
                        processNames.put(e.get("pid").asInt(), e.get("args").get("name").asText());
                    }
                }
                default -> throw new AssertionError("unexpected event " + e);
            }
        }
    }

    static ChromeTrace parse(String json) {
        try {
            return new ChromeTrace(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String thread(JsonNode slice) {
        return threadNames.get(slice.get("tid").asInt());
    }

    /** A slice's ts or dur in nanoseconds (they are written with at most three decimals of a microsecond). */
    static long ns(JsonNode slice, String field) {
        return Math.round(slice.get(field).asDouble() * 1000);
    }

    /** The slices of one named thread, in time order. */
    List<JsonNode> on(String thread) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode s : slices) {
            if (thread(s).equals(thread)) {
                found.add(s);
            }
        }
        found.sort(Comparator.comparingLong(s -> ns(s, "ts")));
        return found;
    }

    /** Fails if two slices of one thread overlap, in cycles and in the nanoseconds the viewer reads. */
    void assertNoOverlapPerThread(String where) {
        Map<Integer, List<JsonNode>> byThread = new HashMap<>();
        for (JsonNode s : slices) {
            byThread.computeIfAbsent(s.get("tid").asInt(), k -> new ArrayList<>()).add(s);
        }
        for (List<JsonNode> list : byThread.values()) {
            list.sort(Comparator.comparingLong(s -> ns(s, "ts")));
            for (int i = 1; i < list.size(); i++) {
                JsonNode a = list.get(i - 1);
                JsonNode b = list.get(i);
                assertTrue(ns(a, "ts") + ns(a, "dur") <= ns(b, "ts"), where + ": slices overlap on " + thread(a)
                        + ": " + a + " and " + b);
                assertTrue(a.get("args").get("end_cycle").asLong() <= b.get("args").get("start_cycle").asLong(),
                        where + ": executions overlap on " + thread(a));
            }
        }
    }
}
