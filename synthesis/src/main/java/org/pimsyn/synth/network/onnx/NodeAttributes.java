package org.pimsyn.synth.network.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.HashMap;
import java.util.Map;

/** Typed access to a node's attributes; a wrong type is an {@link OnnxNodeException} naming the attribute. */
final class NodeAttributes {
    private final Map<String, AttributeProto> byName = new HashMap<>();

    NodeAttributes(NodeProto node) {
        for (AttributeProto a : node.getAttributeList()) {
            byName.put(a.getName(), a);
        }
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    long integer(String name, long absent) {
        AttributeProto a = byName.get(name);
        if (a == null) {
            return absent;
        }
        // Files from before typed attributes leave the type UNDEFINED and set only the value field.
        if (a.getType() == AttributeType.INT || a.getType() == AttributeType.UNDEFINED && a.hasI()) {
            return a.getI();
        }
        throw wrongType(a, "an integer");
    }

    /** A small non-negative integer attribute (a flag, a group count). */
    int smallInt(String name, int absent) {
        long v = integer(name, absent);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new OnnxNodeException("attribute '" + name + "' is " + v + "; it must be 0 to " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    /** The integer list, or null when absent. */
    long[] ints(String name) {
        AttributeProto a = byName.get(name);
        if (a == null) {
            return null;
        }
        if (a.getType() == AttributeType.INTS || a.getType() == AttributeType.UNDEFINED && !a.hasI()) {
            long[] out = new long[a.getIntsCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.getInts(i);
            }
            return out;
        }
        throw wrongType(a, "a list of integers");
    }

    /** The list of floats, or null when absent. */
    double[] floats(String name) {
        AttributeProto a = byName.get(name);
        if (a == null) {
            return null;
        }
        if (a.getType() == AttributeType.FLOATS || a.getType() == AttributeType.UNDEFINED && a.getFloatsCount() > 0) {
            double[] out = new double[a.getFloatsCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.getFloats(i);
            }
            return out;
        }
        throw wrongType(a, "a list of floats");
    }

    String string(String name, String absent) {
        AttributeProto a = byName.get(name);
        if (a == null) {
            return absent;
        }
        if (a.getType() == AttributeType.STRING || a.getType() == AttributeType.UNDEFINED && a.hasS()) {
            return a.getS().toStringUtf8();
        }
        throw wrongType(a, "a string");
    }

    /** The attribute itself, for the few that take several forms (Constant's value). */
    AttributeProto raw(String name) {
        return byName.get(name);
    }

    TensorProto tensor(String name) {
        AttributeProto a = byName.get(name);
        if (a == null) {
            return null;
        }
        if (a.getType() == AttributeType.TENSOR || a.getType() == AttributeType.UNDEFINED && a.hasT()) {
            return a.getT();
        }
        throw wrongType(a, "a tensor");
    }

    private static OnnxNodeException wrongType(AttributeProto a, String expected) {
        return new OnnxNodeException("attribute '" + a.getName() + "' is of type " + a.getType() + "; expected "
                + expected);
    }
}
