package org.datajoint;

/**
 * SQL text that the library refuses before it reaches the server: a restriction, a computed
 * attribute or a statement that could end early or run a second statement (a {@code ;}, a
 * comment running to the end, an unterminated quote, an unbalanced parenthesis, a clause of its
 * own). {@link #offset()} says where in the text the problem starts.
 *
 * <p>Compare with a value by restricting with a map or a record: values are sent as bound
 * parameters and may hold any character.
 */
public class SqlTextException extends QueryException {
    private static final long serialVersionUID = 1L;

    private final String text;
    private final int offset;

    /**
     * @param text the SQL text as the user wrote it
     * @param offset the index of the first character of the problem in {@code text}
     * @param problem what is wrong there, and how to write it instead
     */
    public SqlTextException(String text, int offset, String problem) {
        super("Cannot use the SQL text " + excerpt(text) + ": " + problem + " (at offset " + offset + ")");
        this.text = text;
        this.offset = offset;
    }

    /** The SQL text as the user wrote it. */
    public String text() {
        return text;
    }

    /** The index of the first character of the problem in {@link #text()}. */
    public int offset() {
        return offset;
    }

    private static String excerpt(String text) {
        String shown = text.length() <= 200 ? text : text.substring(0, 200) + "...";
        return '"' + shown.replace("\n", "\\n").replace("\r", "\\r") + '"';
    }
}
