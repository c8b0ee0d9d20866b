package org.datajoint.engine.internal.portable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.datajoint.SqlTextException;
import org.datajoint.engine.internal.portable.SqlLexer.Kind;
import org.datajoint.engine.internal.portable.SqlLexer.Token;
import org.datajoint.engine.spi.SqlSyntax;

/**
 * Reads SQL text written by users (restrictions, computed attributes) as one expression and
 * writes it anew for the target backend. The text is split as the target server would split it
 * ({@link SqlSyntax}); every literal is written again by the target ({@link Target#literal}),
 * every quoted name is quoted again, and comments are left out, so the server reads exactly the
 * tokens seen here. Backticks and double quotes around an attribute name are identifiers; other
 * double-quoted text is a string literal (as in MySQL). Function calls are offered to the target,
 * which may translate them ({@code GROUP_CONCAT} and {@code STRING_AGG}, for instance). Lower-case
 * bare names that are not SQL words are reported as the attributes the text uses.
 *
 * <p>Refused, with {@link SqlTextException}: what the lexer refuses (see {@link SqlLexer}),
 * unbalanced parentheses, and a clause keyword ({@code SELECT}, {@code UNION}, {@code FROM}, ...)
 * outside parentheses. A subquery in parentheses is an expression and is accepted.
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

        /** A string literal holding {@code value}, written for the backend. */
        String literal(String value);

        /** How the backend reads SQL text. */
        SqlSyntax syntax();
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

    /** Keywords that begin a clause of a statement; outside parentheses they would end the expression. */
    private static final Set<String> CLAUSES = Set.of("SELECT", "FROM", "WHERE", "GROUP", "HAVING", "WINDOW",
            "ORDER", "LIMIT", "OFFSET", "FETCH", "FOR", "INTO", "UNION", "INTERSECT", "EXCEPT", "RETURNING");

    /** Words that, written right before a quote, make a literal of another kind. */
    private static final Set<String> PREFIXES = Set.of("N", "X", "B");

    private final String text;
    private final Target target;
    private final List<Token> tokens;
    private final Set<String> columns = new LinkedHashSet<>();
    private int i;

    private PortableSql(String text, Target target) {
        this.text = text;
        this.target = target;
        this.tokens = SqlLexer.tokens(text, target.syntax(), SqlLexer.Mode.EXPRESSION);
    }

    /**
     * Rewrites {@code text}, one expression, for {@code target}.
     *
     * @throws SqlTextException when the text is not one expression
     */
    public static Result rewrite(String text, Target target) {
        PortableSql p = new PortableSql(text, target);
        String out = p.sequence(false);
        if (p.i < p.tokens.size()) {
            throw p.refuse(p.tokens.get(p.i).offset(), "this ')' closes no '('");
        }
        if (out.isBlank()) {
            throw new SqlTextException(text, 0, "the text holds no expression");
        }
        verifyWritten(text, out, target.syntax());
        return new Result(out, Collections.unmodifiableSet(p.columns));
    }

    /**
     * Checks that {@code sql} is one statement for a server reading text by {@code syntax}: no
     * {@code ;} outside quotes and comments but, optionally, one at the end.
     *
     * @throws SqlTextException for a second statement, or an unterminated literal or comment
     */
    public static void checkStatement(String sql, SqlSyntax syntax) {
        List<Token> tokens = SqlLexer.tokens(sql, syntax, SqlLexer.Mode.STATEMENT);
        int end = -1;
        for (Token t : tokens) {
            if (end >= 0 && t.kind() != Kind.SPACE && t.kind() != Kind.COMMENT) {
                throw new SqlTextException(sql, end, "a ';' outside quotes ends the statement and more follows;"
                        + " run one statement per call");
            }
            if (t.is(Kind.SYMBOL, ";")) {
                end = t.offset();
            }
        }
    }

    /** Rewrites up to the end, or to the closing parenthesis or top-level comma of an argument list. */
    private String sequence(boolean inArgs) {
        StringBuilder out = new StringBuilder();
        Deque<Integer> open = new ArrayDeque<>();
        String previousWord = "";
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (open.isEmpty() && (t.is(Kind.SYMBOL, ")") || (inArgs && t.is(Kind.SYMBOL, ",")))) {
                break;
            }
            i++;
            switch (t.kind()) {
                case STRING -> separated(out).append(target.literal(t.value()));
                case DOUBLE_QUOTED -> separated(out).append(doubleQuoted(t.value()));
                case BACKTICKED -> {
                    columns.add(t.value());
                    separated(out).append(target.identifier(t.value()));
                }
                case WORD -> {
                    String upper = t.value().toUpperCase(Locale.ROOT);
                    if (!inArgs && open.isEmpty() && CLAUSES.contains(upper) && !(upper.equals("FROM")
                            && previousWord.equals("DISTINCT")) && !(upper.equals("GROUP") && previousWord.equals("WITHIN"))) {
                        throw refuse(t.offset(), "'" + t.value() + "' begins a clause of its own; SQL text is one"
                                + " expression (a subquery goes in parentheses)");
                    }
                    previousWord = upper;
                    out.append(word(t));
                }
                case SYMBOL -> {
                    if (t.value().equals("(")) {
                        open.push(t.offset());
                    } else if (t.value().equals(")")) {
                        open.pop();
                    }
                    if (t.value().equals("-") && out.length() > 0 && out.charAt(out.length() - 1) == '-') {
                        out.append(' ');
                    }
                    out.append(t.value());
                }
                case NUMBER, SPACE, COMMENT -> out.append(t.value());
                default -> throw new IllegalStateException(t.kind().name());
            }
        }
        if (!open.isEmpty()) {
            throw refuse(open.peek(), "this '(' is never closed");
        }
        return out.toString();
    }

    /**
     * {@code out}, with a space added when it ends in a name or number that is not a literal's
     * prefix ({@code N}, {@code X}, {@code B}, a {@code _charset}): no lexer may then read what
     * precedes a literal as part of it (as {@code E} before a quote is read on PostgreSQL).
     */
    private StringBuilder separated(StringBuilder out) {
        if (out.length() == 0 || !(Character.isLetterOrDigit(out.charAt(out.length() - 1))
                || out.charAt(out.length() - 1) == '_' || out.charAt(out.length() - 1) == '$')) {
            return out;
        }
        Token before = i >= 2 ? tokens.get(i - 2) : null;
        boolean prefix = before != null && before.kind() == Kind.WORD
                && (PREFIXES.contains(before.value().toUpperCase(Locale.ROOT)) || before.value().startsWith("_"));
        return prefix ? out : out.append(' ');
    }

    private String doubleQuoted(String content) {
        if (target.isAttribute(content)) {
            columns.add(content);
            return target.identifier(content);
        }
        return target.literal(content);
    }

    private String word(Token t) {
        String word = t.value();
        int before = solid(i - 2, -1);
        int after = solid(i, 1);
        boolean qualified = (before >= 0 && tokens.get(before).is(Kind.SYMBOL, "."))
                || (after >= 0 && tokens.get(after).is(Kind.SYMBOL, "."));
        if (after >= 0 && tokens.get(after).is(Kind.SYMBOL, "(") && !qualified) {
            i = after + 1;
            return call(word, tokens.get(after).offset());
        }
        boolean prefix = i < tokens.size() && tokens.get(i).kind() == Kind.STRING;
        if (!qualified && !prefix && word.matches("[a-z][a-z0-9_]*") && !WORDS.contains(word)) {
            columns.add(word);
        }
        return word;
    }

    /** The index of the nearest token from {@code j} on, in {@code step}'s direction, that is not a space; or -1. */
    private int solid(int j, int step) {
        for (int k = j; k >= 0 && k < tokens.size(); k += step) {
            Kind kind = tokens.get(k).kind();
            if (kind != Kind.SPACE && kind != Kind.COMMENT) {
                return k;
            }
        }
        return -1;
    }

    private String call(String name, int offset) {
        List<String> args = new ArrayList<>();
        while (true) {
            String arg = sequence(true);
            if (i >= tokens.size()) {
                throw refuse(offset, "the '(' after " + name + " is never closed");
            }
            args.add(arg.strip());
            Token t = tokens.get(i++);
            if (t.is(Kind.SYMBOL, ")")) {
                break;
            }
        }
        if (args.size() == 1 && args.get(0).isEmpty()) {
            args = List.of();
        }
        String translated = target.function(name.toUpperCase(Locale.ROOT), args);
        return translated != null ? translated : name + "(" + String.join(", ", args) + ")";
    }

    /**
     * Reads the written text again as the server will: it must hold no comment and no
     * refused token. A failure here is a defect of the rewriting, never of the user's text.
     */
    private static void verifyWritten(String text, String written, SqlSyntax syntax) {
        List<Token> again;
        try {
            again = SqlLexer.tokens(written, syntax, SqlLexer.Mode.EXPRESSION);
        } catch (SqlTextException e) {
            throw new IllegalStateException("SQL text " + text + " was rewritten as " + written + ", which "
                    + e.getMessage(), e);
        }
        if (again.stream().anyMatch(t -> t.kind() == Kind.COMMENT)) {
            throw new IllegalStateException("SQL text " + text + " was rewritten with a comment: " + written);
        }
    }

    private SqlTextException refuse(int offset, String problem) {
        return new SqlTextException(text, offset, problem);
    }
}
