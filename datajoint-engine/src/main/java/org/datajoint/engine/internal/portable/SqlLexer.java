package org.datajoint.engine.internal.portable;

import java.util.ArrayList;
import java.util.List;
import org.datajoint.SqlTextException;
import org.datajoint.engine.spi.SqlSyntax;

/**
 * Splits SQL text into tokens the way the target server's lexer would ({@link SqlSyntax}):
 * literals with their escapes decoded, quoted identifiers, words, numbers and single symbols.
 * Comments become {@link Kind#COMMENT} tokens of one space, so that nothing of them need reach the server.
 *
 * <p>In {@link Mode#EXPRESSION} only what an expression may hold is accepted: no {@code ;},
 * no bind markers ({@code ?}), no braces or backslashes outside literals, no character outside
 * ASCII except in literals, quoted identifiers and letters of names, no executable comment, and
 * no comment that runs to the end of the text. {@link Mode#STATEMENT} accepts everything and
 * only finds the statement ends.
 */
final class SqlLexer {

    /** What the text must be. */
    enum Mode { EXPRESSION, STATEMENT }

    /** The kinds of tokens. */
    enum Kind {
        /** A name or keyword; {@code value} is the text. */
        WORD,
        /** A number as written. */
        NUMBER,
        /** A string literal; {@code value} is its content with escapes decoded. */
        STRING,
        /** A {@code "..."} text: an identifier or (on MySQL) a string; {@code value} decoded. */
        DOUBLE_QUOTED,
        /** A {@code `...`} identifier; {@code value} is the name. */
        BACKTICKED,
        /** One character of punctuation or an operator. */
        SYMBOL,
        /** Whitespace. */
        SPACE,
        /** A comment, dropped: its value is one space. */
        COMMENT
    }

    /** A token: its kind, its decoded value, and where it starts in the text. */
    record Token(Kind kind, String value, int offset) {
        boolean is(Kind k, String v) {
            return kind == k && value.equals(v);
        }
    }

    private static final String SYMBOLS = "+-*/%=<>!|&^~.,()[]:@#";

    private final String text;
    private final SqlSyntax syntax;
    private final Mode mode;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private SqlLexer(String text, SqlSyntax syntax, Mode mode) {
        this.text = text;
        this.syntax = syntax;
        this.mode = mode;
    }

    /**
     * The tokens of {@code text}.
     *
     * @throws SqlTextException for an unterminated literal or comment, and in
     *     {@link Mode#EXPRESSION} for anything an expression cannot hold
     */
    static List<Token> tokens(String text, SqlSyntax syntax, Mode mode) {
        SqlLexer lexer = new SqlLexer(text, syntax, mode);
        while (lexer.pos < text.length()) {
            lexer.next();
        }
        return lexer.tokens;
    }

    private void next() {
        int start = pos;
        char c = text.charAt(pos);
        if (c == '\'') {
            add(Kind.STRING, quoted('\'', syntax.backslashEscapes()), start);
        } else if (c == '"') {
            add(Kind.DOUBLE_QUOTED, quoted('"', syntax.backslashEscapes()), start);
        } else if (c == '`') {
            add(Kind.BACKTICKED, quoted('`', false), start);
        } else if (startsBlockComment()) {
            blockComment();
        } else if (startsLineComment()) {
            lineComment();
        } else if (c == '$' && syntax.dollarQuotes()) {
            dollar();
        } else if (isWordStart(c)) {
            word();
        } else if (isDigit(c) || (c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            number();
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            while (pos < text.length() && " \t\n\r\f".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            add(Kind.SPACE, text.substring(start, pos), start);
        } else {
            symbol(c);
        }
    }

    private void symbol(char c) {
        if (mode == Mode.EXPRESSION) {
            if (c == ';') {
                throw refuse(pos, "a ';' outside quotes would end the statement; SQL text is one expression");
            }
            if (c == '?') {
                throw refuse(pos, "'?' is a bind marker; restrict by a map or a record to compare with a value");
            }
            if (SYMBOLS.indexOf(c) < 0) {
                throw refuse(pos, "the character " + describe(c) + " cannot appear outside quotes in an expression");
            }
        }
        add(Kind.SYMBOL, String.valueOf(c), pos);
        pos++;
    }

    private static String describe(char c) {
        String code = String.format(java.util.Locale.ROOT, "U+%04X", (int) c);
        return Character.isISOControl(c) || Character.isWhitespace(c) ? code : "'" + c + "' (" + code + ")";
    }

    private boolean isWordStart(char c) {
        return c == '_' || (c == '$' && !syntax.dollarQuotes()) || Character.isLetter(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordPart(char c) {
        return c == '_' || c == '$' || Character.isLetterOrDigit(c);
    }

    private void word() {
        int start = pos;
        while (pos < text.length() && isWordPart(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (syntax.escapeStrings() && word.equalsIgnoreCase("E") && pos < text.length() && text.charAt(pos) == '\'') {
            add(Kind.STRING, quoted('\'', true), start);
            return;
        }
        add(Kind.WORD, word, start);
    }

    private void number() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            boolean exponentSign = (c == '+' || c == '-') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')
                    && isDigit(text.charAt(start)) && !text.startsWith("0x", start) && !text.startsWith("0X", start);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign)) {
                break;
            }
            pos++;
        }
        add(Kind.NUMBER, text.substring(start, pos), start);
    }

    /** Reads a literal from its opening quote; returns its content with doubled quotes and escapes undone. */
    private String quoted(char quote, boolean backslashes) {
        int start = pos;
        StringBuilder value = new StringBuilder();
        int i = pos + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && backslashes && i + 1 < text.length()) {
                i = escape(i, value);
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                } else {
                    pos = i + 1;
                    return value.toString();
                }
            } else {
                value.append(c);
                i++;
            }
        }
        throw refuse(start, "the " + quote + " quote opened here is never closed");
    }

    /** Decodes the backslash escape at {@code i}; returns the index after it. */
    private int escape(int i, StringBuilder value) {
        char e = text.charAt(i + 1);
        if (syntax.escapeStrings()) {
            return EscapeStrings.decode(text, i, value);
        }
        switch (e) {
            case '0' -> value.append('\0');
            case 'b' -> value.append('\b');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'Z' -> value.append('\u001a');
            case '%', '_' -> value.append('\\').append(e);
            default -> value.append(e);
        }
        return i + 2;
    }

    private void dollar() {
        int start = pos;
        int tagEnd = pos + 1;
        while (tagEnd < text.length() && (text.charAt(tagEnd) == '_' || Character.isLetter(text.charAt(tagEnd))
                || (tagEnd > pos + 1 && isDigit(text.charAt(tagEnd))))) {
            tagEnd++;
        }
        if (tagEnd >= text.length() || text.charAt(tagEnd) != '$') {
            if (mode == Mode.EXPRESSION) {
                throw refuse(start, "'$' starts neither a dollar-quoted string nor a name; positional parameters"
                        + " are not written in SQL text");
            }
            add(Kind.SYMBOL, "$", start);
            pos++;
            return;
        }
        String tag = text.substring(start, tagEnd + 1);
        int close = text.indexOf(tag, tagEnd + 1);
        if (close < 0) {
            throw refuse(start, "the dollar quote " + tag + " opened here is never closed");
        }
        add(Kind.STRING, text.substring(tagEnd + 1, close), start);
        pos = close + tag.length();
    }

    private boolean startsBlockComment() {
        return text.startsWith("/*", pos);
    }

    private boolean startsLineComment() {
        if (syntax.hashComments() && text.charAt(pos) == '#') {
            return true;
        }
        if (!text.startsWith("--", pos)) {
            return false;
        }
        if (!syntax.dashCommentNeedsSpace() || pos + 2 >= text.length()) {
            return true;
        }
        char after = text.charAt(pos + 2);
        return Character.isWhitespace(after) || Character.isISOControl(after);
    }

    private void blockComment() {
        int start = pos;
        if (syntax.executableComments() && (text.startsWith("/*!", pos) || text.startsWith("/*M!", pos))
                && mode == Mode.EXPRESSION) {
            throw refuse(start, "the server would run the text of this /*! comment; write it as SQL or leave it out");
        }
        int depth = 0;
        int i = pos;
        while (i < text.length()) {
            if (text.startsWith("/*", i) && (depth == 0 || syntax.nestedComments())) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    pos = i;
                    add(Kind.COMMENT, " ", start);
                    return;
                }
            } else {
                i++;
            }
        }
        throw refuse(start, "the comment opened here is never closed and would hide the rest of the statement");
    }

    private void lineComment() {
        int start = pos;
        int end = text.indexOf('\n', pos);
        int cr = syntax.hashComments() ? -1 : text.indexOf('\r', pos);
        if (cr >= 0 && (end < 0 || cr < end)) {
            end = cr;
        }
        if (end < 0) {
            if (mode == Mode.EXPRESSION) {
                throw refuse(start, "a comment running to the end of the text would hide the rest of the statement;"
                        + " end it with a line break or leave it out");
            }
            end = text.length();
        }
        pos = end;
        add(Kind.COMMENT, " ", start);
    }

    private void add(Kind kind, String value, int offset) {
        tokens.add(new Token(kind, value, offset));
    }

    private SqlTextException refuse(int offset, String problem) {
        return new SqlTextException(text, offset, problem);
    }
}
