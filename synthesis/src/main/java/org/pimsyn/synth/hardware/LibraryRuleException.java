package org.pimsyn.synth.hardware;

/**
 * A broken rule across the tables of a {@link HardwareLibrary}, located by the JSON path of the offending part
 * of a library file (such as {@code $.crossbars} or {@code $.search.designSpace.resDacBits[2]}).
 */
public final class LibraryRuleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    LibraryRuleException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
