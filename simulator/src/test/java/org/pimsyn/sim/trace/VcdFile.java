package org.pimsyn.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A value change dump read back: the variables by hierarchical path and every value change. Reading checks the
 * structure a viewer relies on: declarations before {@code $enddefinitions}, time lines strictly increasing, no
 * variable changed twice at one time, and an initial value for every variable in {@code $dumpvars}.
 */
final class VcdFile {
    record Var(String id, String type, int width, String path) {
    }

    record Change(long time, String id, long value) {
    }

    String timescale;
    final Map<String, Var> byPath = new HashMap<>();
    final Map<String, Var> byId = new HashMap<>();
    final List<Long> times = new ArrayList<>();
    final List<Change> changes = new ArrayList<>();

    static VcdFile parse(String text) {
        VcdFile f = new VcdFile();
        String[] lines = text.split("\n", -1);
        assertEquals("", lines[lines.length - 1], "ends with a newline");
        Deque<String> scopes = new ArrayDeque<>();
        int i = 0;
        for (; i < lines.length; i++) {
            String[] w = lines[i].trim().split("\\s+");
            if (w[0].equals("$timescale")) {
                f.timescale = w[1] + " " + w[2];
            } else if (w[0].equals("$scope")) {
                scopes.addLast(w[2]);
            } else if (w[0].equals("$upscope")) {
                scopes.removeLast();
            } else if (w[0].equals("$var")) {
                String path = String.join(".", scopes) + "." + w[4];
                Var v = new Var(w[3], w[1], Integer.parseInt(w[2]), path);
                assertTrue(f.byId.put(v.id(), v) == null, "identifier " + v.id() + " used twice");
                assertTrue(f.byPath.put(path, v) == null, "variable " + path + " declared twice");
            } else if (w[0].equals("$enddefinitions")) {
                break;
            }
        }
        assertTrue(scopes.isEmpty(), "every scope closed");
        long time = -1;
        Set<String> changedNow = new HashSet<>();
        boolean inDump = false;
        Set<String> dumped = new HashSet<>();
        for (i++; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                long t = Long.parseLong(line.substring(1));
                assertTrue(t > time, "time " + t + " after " + time);
                time = t;
                f.times.add(t);
                changedNow.clear();
            } else if (line.equals("$dumpvars")) {
                inDump = true;
            } else if (line.equals("$end")) {
                assertEquals(f.byId.keySet(), dumped, "$dumpvars gives every variable");
                inDump = false;
            } else {
                String id;
                long value;
                if (line.charAt(0) == 'b') {
                    int space = line.indexOf(' ');
                    value = Long.parseLong(line.substring(1, space), 2);
                    id = line.substring(space + 1);
                } else {
                    value = line.charAt(0) - '0';
                    id = line.substring(1);
                }
                assertTrue(f.byId.containsKey(id), "unknown identifier " + id);
                assertTrue(changedNow.add(id), "variable " + id + " changed twice at time " + time);
                if (inDump) {
                    dumped.add(id);
                }
                f.changes.add(new Change(time, id, value));
            }
        }
        return f;
    }

    /** The sum of value x time over the dump, from its first time line to its last. */
    long integral(String path) {
        String id = byPath.get(path).id();
        long sum = 0;
        long value = 0;
        long since = times.get(0);
        for (Change c : changes) {
            if (c.id().equals(id)) {
                sum += value * (c.time() - since);
                value = c.value();
                since = c.time();
            }
        }
        return sum + value * (times.get(times.size() - 1) - since);
    }

    /** The value a variable holds at a time. */
    long valueAt(String path, long time) {
        String id = byPath.get(path).id();
        long value = -1;
        for (Change c : changes) {
            if (c.id().equals(id) && c.time() <= time) {
                value = c.value();
            }
        }
        return value;
    }

    /** The path of a resource's variable: {@code m0.adc} busy is {@code accelerator.m0.adc.busy}. */
    static String path(String resourceName, String variable) {
        int dot = resourceName.indexOf('.');
        return "accelerator." + resourceName.substring(0, dot) + "." + VcdWriter.scopeName(resourceName) + "."
                + variable;
    }
}
