package org.pimsyn.synth.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the JSON parser's complaints in the words of a file's author: the parser names its own switches and limits
 * (a read feature to enable, the method that sets a limit), which the author can do nothing with.
 */
public final class JsonProblems {
    private static final Pattern NON_NUMERIC = Pattern.compile("Non-standard token '([^']*)'.*");
    private static final Pattern TOO_DEEP = Pattern.compile("Document nesting depth \\((\\d+)\\) exceeds the maximum "
            + "allowed \\((\\d+).*");
    private static final Pattern LIMIT = Pattern.compile("(.*) exceeds the maximum allowed \\(([\\d,]+).*");

    private JsonProblems() {
    }

    /** The first line of a parser message, without the parser's own names. */
    public static String plain(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        int newline = message.indexOf('\n');
        String line = (newline < 0 ? message : message.substring(0, newline)).trim();
        Matcher m = NON_NUMERIC.matcher(line);
        if (m.matches()) {
            return "'" + m.group(1) + "' is not a JSON number; numbers must be finite and written in digits";
        }
        m = TOO_DEEP.matcher(line);
        if (m.matches()) {
            return "arrays and objects nested more than " + m.group(2) + " deep";
        }
        m = LIMIT.matcher(line);
        if (m.matches()) {
            return m.group(1) + " exceeds the most pimsyn reads (" + m.group(2) + ")";
        }
        // Any other mention of the parser's API is in backquotes: drop it, with the clause around it.
        return line.replaceAll("\\s*\\(?[^(]*`[^`]*`[^)]*\\)?", "").trim();
    }
}
