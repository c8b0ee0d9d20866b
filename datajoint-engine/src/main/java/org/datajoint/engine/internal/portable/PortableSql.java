package org.datajoint.engine.internal.portable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.datajoint.DataJointException;

/**
 * Rewrites SQL text written by users (restrictions, computed attributes) for the target backend.
 * It reads both quoting styles: backticks and double quotes around an attribute name are
 * identifiers, any other double-quoted text is a string literal (as in MySQL); single-quoted
 * literals and comments pass through untouched. Function calls are offered to the target, which
 * may translate them ({@code GROUP_CONCAT} and {@code STRING_AGG}, for instance). Lower-case
 * bare names that are not SQL words are reported as the attributes the text uses.
 */
public final class PortableSql {

    /** What the rewriting needs to know of the target backend and the query. */
    public interface Target {
        /** The name quoted for the backend. */
        String identifier(String name);

        /** Whether an attribute of this name is in scope (decides what double quotes mean). */
        boolean isAttribute(String name);

        /** The translation of a call of function {@code upperName}, or {@code null} to keep it. */
        String function(String upperName, List<String> args);
    }

    /** The rewritten text and the attribute names it uses. */
    public record Result(String sql, Set<String> columns) {
    }

    private static final Set<String> WORDS = Set.of("is", "in", "between", "like", "and", "or", "null", "not",
            "interval", "second", "minute", "hour", "day", "month", "week", "year", "quarter", "microsecond", "as",
            "case", "when", "then", "else", "end", "true", "false", "distinct", "asc", "desc", "from", "date",
            "time", "timestamp", "cast", "signed", "unsigned", "integer", "int", "char", "text", "varchar",
            "decimal", "numeric", "float", "double", "real", "boolean", "current_date", "current_timestamp",
            "current_time", "escape", "exists", "all", "any", "some", "separator", "regexp", "rlike", "div", "mod",
            "xor", "unknown", "collate", "binary", "using", "select", "where", "order", "by", "group", "having",
            "limit", "offset", "ilike", "similar", "to", "at", "zone", "nulls", "first", "last", "over",
            "partition", "localtime", "localtimestamp", "bigint", "smallint", "precision", "varying", "json",
            "jsonb", "uuid", "bytea", "both", "leading", "trailing", "for", "datetime", "character", "bit",
            "array", "row", "placing", "filter", "within");

    private final String text;
    private final Target target;
    private final Set<String> columns = new LinkedHashSet<>();
    private int pos;

    private PortableSql(String text, Target target) {
        this.text = text;
        this.target = target;
    }

    /**
     * Rewrites {@code text} for {@code target}.
     *
     * @throws DataJointException for an unterminated quote or an unbalanced parenthesis
     */
    public static Result rewrite(String text, Target target) {
        PortableSql p = new PortableSql(text, target);
        String out = p.sequence(false);
        if (p.pos < text.length()) {
            throw p.error("unbalanced ')'");
        }
        return new Result(out, java.util.Collections.unmodifiableSet(p.columns));
    }

    /** Rewrites up to the end, or to the closing parenthesis or top-level comma of an argument list. */
    private String sequence(boolean inArgs) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (inArgs && depth == 0 && (c == ')' || c == ',')) {
                break;
            }
            if (!inArgs && depth == 0 && c == ')') {
                break;
            }
            switch (c) {
                case '\'' -> out.append(text, pos, pos = endOfQuoted(pos, '\''));
                case '"' -> out.append(doubleQuoted());
                case '`' -> out.append(backticked());
                case '(' -> {
                    depth++;
                    out.append(c);
                    pos++;
                }
                case ')' -> {
                    depth--;
                    out.append(c);
                    pos++;
                }
                default -> {
                    if (startsComment()) {
                        out.append(comment());
                    } else if (Character.isLetter(c) || c == '_') {
                        out.append(word());
                    } else {
                        out.append(c);
                        pos++;
                    }
                }
            }
        }
        if (depth != 0) {
            throw error("unbalanced '('");
        }
        return out.toString();
    }

    private int endOfQuoted(int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw error("unterminated " + quote + " quote");
    }

    private String doubleQuoted() {
        int end = endOfQuoted(pos, '"');
        String content = text.substring(pos + 1, end - 1);
        pos = end;
        if (target.isAttribute(content)) {
            columns.add(content);
            return target.identifier(content);
        }
        String value = content.replace("\"\"", "\"").replace("\\\"", "\"");
        return "'" + value.replace("'", "''") + "'";
    }

    private String backticked() {
        int end = endOfQuoted(pos, '`');
        String name = text.substring(pos + 1, end - 1).replace("``", "`");
        pos = end;
        columns.add(name);
        return target.identifier(name);
    }

    private boolean startsComment() {
        return text.startsWith("--", pos) || text.startsWith("/*", pos);
    }

    private String comment() {
        int end;
        if (text.startsWith("--", pos)) {
            end = text.indexOf('\n', pos);
            end = end < 0 ? text.length() : end;
        } else {
            end = text.indexOf("*/", pos + 2);
            if (end < 0) {
                throw error("unterminated comment");
            }
            end += 2;
        }
        String s = text.substring(pos, end);
        pos = end;
        return s;
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '$')) {
            pos++;
        }
        String word = text.substring(start, pos);
        int after = pos;
        while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        boolean qualified = (start > 0 && text.charAt(start - 1) == '.')
                || (after < text.length() && text.charAt(after) == '.');
        if (after < text.length() && text.charAt(after) == '(' && !qualified) {
            pos = after + 1;
            return call(word);
        }
        if (!qualified && word.matches("[a-z][a-z0-9_]*") && !WORDS.contains(word)) {
            columns.add(word);
        }
        return word;
    }

    private String call(String name) {
        List<String> args = new ArrayList<>();
        while (true) {
            String arg = sequence(true);
            if (pos >= text.length()) {
                throw error("unbalanced '(' after " + name);
            }
            args.add(arg.strip());
            char c = text.charAt(pos++);
            if (c == ')') {
                break;
            }
        }
        if (args.size() == 1 && args.get(0).isEmpty()) {
            args = List.of();
        }
        String translated = target.function(name.toUpperCase(Locale.ROOT), args);
        return translated != null ? translated : name + "(" + String.join(", ", args) + ")";
    }

    private DataJointException error(String what) {
        return new DataJointException("Cannot read the SQL text \"" + text + "\": " + what);
    }
}
