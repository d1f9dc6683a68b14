package org.pimsyn.sim.engine;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.AbstractList;
import java.util.List;
import org.pimsyn.sim.ir.AluKind;

/**
 * The resources of one simulation, as parallel arrays indexed by resource id: per macro its crossbar sets
 * (one per layer), its ADC bank, its ALU kinds and its scratchpad, in macro order; then the NoC links the
 * program's routes use, in (source position, direction) order. Names are made only when asked for.
 */
public final class ResourceTable {
    private static final ResourceKind[] KINDS = ResourceKind.values();

    private final ByteArrayList kind = new ByteArrayList();
    private final IntArrayList macro = new IntArrayList();
    private final IntArrayList layer = new IntArrayList();
    private final ByteArrayList alu = new ByteArrayList();
    private final IntArrayList capacity = new IntArrayList();
    /** Mesh positions (row * cols + col) of a link's ends; -1 for other kinds. */
    private final IntArrayList linkFrom = new IntArrayList();
    private final IntArrayList linkTo = new IntArrayList();
    private final int meshCols;

    ResourceTable(int meshCols) {
        this.meshCols = meshCols;
    }

    int add(ResourceKind k, int macroId, int layerId, AluKind aluKind, int units) {
        kind.add((byte) k.ordinal());
        macro.add(macroId);
        layer.add(layerId);
        alu.add((byte) (aluKind == null ? -1 : aluKind.ordinal()));
        capacity.add(units);
        linkFrom.add(-1);
        linkTo.add(-1);
        return kind.size() - 1;
    }

    int addLink(int fromPosition, int toPosition) {
        int id = add(ResourceKind.NOC_LINK, -1, -1, null, 1);
        linkFrom.set(id, fromPosition);
        linkTo.set(id, toPosition);
        return id;
    }

    public int size() {
        return kind.size();
    }

    public ResourceKind kind(int id) {
        return KINDS[kind.getByte(id)];
    }

    public int macro(int id) {
        return macro.getInt(id);
    }

    public int layer(int id) {
        return layer.getInt(id);
    }

    public AluKind aluKind(int id) {
        int a = alu.getByte(id);
        return a < 0 ? null : AluKind.ofCode(a);
    }

    public int capacity(int id) {
        return capacity.getInt(id);
    }

    /**
     * Short unique name, after the component classes: {@code m3.crossbar.L2}, {@code m3.adc},
     * {@code m3.alu.shiftAdd}, {@code m3.scratchpad},
     * {@code noc.r1c2>r1c3}.
     */
    public String name(int id) {
        int m = macro(id);
        return switch (kind(id)) {
            case CROSSBARS -> "m" + m + ".crossbar.L" + layer(id);
            case ADC_BANK -> "m" + m + ".adc";
            case ALU -> "m" + m + ".alu." + aluKind(id).label();
            case SCRATCHPAD -> "m" + m + ".scratchpad";
            case NOC_LINK -> "noc.r" + linkFrom.getInt(id) / meshCols + "c" + linkFrom.getInt(id) % meshCols
                    + ">r" + linkTo.getInt(id) / meshCols + "c" + linkTo.getInt(id) % meshCols;
        };
    }

    public ResourceInfo info(int id) {
        boolean link = kind(id) == ResourceKind.NOC_LINK;
        return new ResourceInfo(id, kind(id), name(id), macro(id), layer(id), aluKind(id), capacity(id),
                link ? linkFrom.getInt(id) / meshCols : -1, link ? linkFrom.getInt(id) % meshCols : -1,
                link ? linkTo.getInt(id) / meshCols : -1, link ? linkTo.getInt(id) % meshCols : -1);
    }

    /** All resources as descriptions (made on access). */
    public List<ResourceInfo> infos() {
        return new AbstractList<>() {
            @Override
            public ResourceInfo get(int index) {
                return info(index);
            }

            @Override
            public int size() {
                return ResourceTable.this.size();
            }
        };
    }
}
