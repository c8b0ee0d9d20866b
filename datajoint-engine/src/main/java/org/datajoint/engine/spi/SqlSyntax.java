package org.datajoint.engine.spi;

/**
 * How a server's lexer reads SQL text, as far as it decides where a literal, an identifier or a
 * comment ends. The engine reads user SQL text (restrictions, computed attributes) by these rules,
 * so that it sees the text as the server would, and refuses what could end the expression early.
 *
 * <p>Describe the server as the engine's own sessions leave it: a dialect that fixes
 * {@code sql_mode} or {@code standard_conforming_strings} per session describes that setting.
 *
 * @param backslashEscapes whether a backslash escapes the next character inside {@code '...'}
 *     and {@code "..."} (MySQL unless {@code NO_BACKSLASH_ESCAPES}; PostgreSQL only in
 *     {@code E'...'} strings)
 * @param escapeStrings whether {@code E'...'} strings with backslash escapes exist (PostgreSQL)
 * @param dollarQuotes whether {@code $tag$...$tag$} is a string literal (PostgreSQL)
 * @param nestedComments whether block comments nest (PostgreSQL)
 * @param hashComments whether {@code #} starts a comment to the end of the line (MySQL)
 * @param dashCommentNeedsSpace whether {@code --} starts a comment only when a space or a control
 *     character follows (MySQL)
 * @param executableComments whether {@code /*!...*}{@code /} comments are run as SQL (MySQL, MariaDB)
 */
public record SqlSyntax(boolean backslashEscapes, boolean escapeStrings, boolean dollarQuotes,
        boolean nestedComments, boolean hashComments, boolean dashCommentNeedsSpace, boolean executableComments) {

    /** Standard SQL: doubled quotes only, {@code --} and non-nesting block comments. */
    public static final SqlSyntax STANDARD = new SqlSyntax(false, false, false, false, false, false, false);

    /** MySQL and MariaDB with backslash escapes (no {@code NO_BACKSLASH_ESCAPES} in {@code sql_mode}). */
    public static final SqlSyntax MYSQL = new SqlSyntax(true, false, false, false, true, true, true);

    /** PostgreSQL with {@code standard_conforming_strings} on. */
    public static final SqlSyntax POSTGRESQL = new SqlSyntax(false, true, true, true, false, false, false);
}
