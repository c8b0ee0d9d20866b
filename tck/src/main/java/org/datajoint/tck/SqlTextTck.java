package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datajoint.Connection;
import org.datajoint.DataJointException;
import org.datajoint.DefinitionException;
import org.datajoint.Proj;
import org.datajoint.QueryException;
import org.datajoint.QueryExpression;
import org.datajoint.Schema;
import org.datajoint.SqlTextException;
import org.datajoint.Table;
import org.junit.jupiter.api.Test;

/**
 * SQL text is one expression: restrictions, computed attributes, aggregates, orderings, defaults,
 * comments and index expressions cannot end the statement, hide the rest of it, or run another.
 * Each case is judged by how the server itself reads the text, asked of the server: whether a
 * backslash escapes in {@code '...'} and whether {@code $$...$$} is a string.
 */
public interface SqlTextTck extends TckTarget {

    /** What a piece of SQL text must give: a row count, a refusal at an offset, or the server's own error. */
    record Outcome(long rows, int refusedAt, boolean serverError) {
        static Outcome count(long n) {
            return new Outcome(n, -1, false);
        }

        static Outcome refused(String text, String at) {
            int offset = text.indexOf(at);
            assertTrue(offset >= 0, at + " in " + text);
            return new Outcome(-1, offset, false);
        }

        static Outcome refusedAtLast(String text, String at) {
            return new Outcome(-1, text.lastIndexOf(at), false);
        }

        /** The outcome of the anti-restriction of {@code all} rows by the same text. */
        public Outcome anti(long all) {
            return rows >= 0 ? count(all - rows) : this;
        }

        static Outcome serverRefuses() {
            return new Outcome(-1, -1, true);
        }
    }

    /** A canary in a schema of its own: a table with one row, which no text may touch. */
    record Canary(Schema schema, Table table) {
        static Canary plant(TckContext tck) {
            Schema s = tck.instance().schema(tck.schemaName("canary"));
            Table t = s.manual("Victim", "victim_id : int32\n---\nword : varchar(16)\n");
            t.insert1(Map.of("victim_id", 1, "word", "alive"));
            return new Canary(s, t);
        }

        void assertAlive() {
            assertEquals(List.of(Map.of("victim_id", 1, "word", "alive")), table.toDicts(), "the canary table");
        }
    }

    private static boolean serverReadsBackslashEscapes(Connection c) {
        return c.query("SELECT 'a\\\\b' AS x").get(0).get("x").equals("a\\b");
    }

    private static boolean serverReadsDollarQuotes(Connection c) {
        try {
            return c.query("SELECT $q$x$q$ AS x").get(0).get("x").equals("x");
        } catch (QueryException notAString) {
            return false;
        }
    }

    private static void check(String text, Outcome expected, java.util.function.LongSupplier run) {
        if (expected.refusedAt() >= 0) {
            SqlTextException e = assertThrows(SqlTextException.class, run::getAsLong, text);
            assertEquals(expected.refusedAt(), e.offset(), text + ": " + e.getMessage());
            assertEquals(text, e.text());
        } else if (expected.serverError()) {
            QueryException e = assertThrows(QueryException.class, run::getAsLong, text);
            assertTrue(!(e instanceof SqlTextException), text + " is the server's to refuse: " + e.getMessage());
        } else {
            try {
                assertEquals(expected.rows(), run.getAsLong(), text);
            } catch (DataJointException e) {
                fail(text + " should give " + expected.rows() + " rows: " + e.getMessage(), e);
            }
        }
    }

    @Test
    default void restrictionTextIsOneExpressionAsTheServerReadsIt(TckContext tck) {
        Lab lab = new Lab(tck);
        Canary canary = Canary.plant(tck);
        Connection c = tck.instance().connection();
        boolean backslashes = serverReadsBackslashEscapes(c);
        boolean dollars = serverReadsDollarQuotes(c);
        assertTrue(backslashes != dollars, "the suite knows MySQL-like and PostgreSQL-like servers");
        String victim = canary.schema().name() + ".victim";
        List<Object[]> cases = new ArrayList<>();
        String issue = "species = 'x\\' ) ; DROP TABLE " + victim + " ; SELECT ( 1 -- '\n";
        cases.add(new Object[] {issue, backslashes ? Outcome.count(0) : Outcome.refused(issue, ";")});
        String plain = "species = 'mouse'; DROP TABLE " + victim;
        cases.add(new Object[] {plain, Outcome.refused(plain, ";")});
        String toEnd = "species = 'mouse' -- and the rest";
        cases.add(new Object[] {toEnd, Outcome.refused(toEnd, "--")});
        cases.add(new Object[] {"species = 'mouse' -- dropped\n OR species = 'rat'", Outcome.count(4)});
        cases.add(new Object[] {"species = 'mouse' /* ; DROP TABLE " + victim + "; */", Outcome.count(2)});
        String open = "species = 'mouse' /* never closed";
        cases.add(new Object[] {open, Outcome.refused(open, "/*")});
        String nested = "species = 'mouse' /* a /* b */ OR species = 'rat' */";
        cases.add(new Object[] {nested, dollars ? Outcome.count(2) : Outcome.serverRefuses()});
        String escaped = "species = 'mo\\'use'";
        cases.add(new Object[] {escaped, backslashes ? Outcome.count(0) : Outcome.refusedAtLast(escaped, "'")});
        String quoteAfterBackslash = "species = 'x\\' OR 1 = 1 OR species = '";
        cases.add(new Object[] {quoteAfterBackslash, backslashes ? Outcome.count(0)
                : Outcome.refusedAtLast(quoteAfterBackslash, "'")});
        String glued = "species = 0x27e'\\'";
        cases.add(new Object[] {glued, backslashes ? Outcome.refused(glued, "'") : Outcome.serverRefuses()});
        String dashes = "subject_id = 3--1";
        cases.add(new Object[] {dashes, backslashes ? Outcome.count(1) : Outcome.refused(dashes, "--")});
        String hash = "species = 'mouse' # OR 1 = 1";
        cases.add(new Object[] {hash, backslashes ? Outcome.refused(hash, "#") : Outcome.serverRefuses()});
        String dollar = "species = $$mouse$$";
        cases.add(new Object[] {dollar, dollars ? Outcome.count(2) : Outcome.serverRefuses()});
        String dollarSemicolon = "species = $$x$$; DROP TABLE " + victim;
        cases.add(new Object[] {dollarSemicolon, Outcome.refused(dollarSemicolon, ";")});
        String tagged = "species = $a$ $$ ; DROP TABLE " + victim + " $a$";
        cases.add(new Object[] {tagged, dollars ? Outcome.count(0) : Outcome.refused(tagged, ";")});
        String estring = "species = E'mo\\x75se'";
        cases.add(new Object[] {estring, dollars ? Outcome.count(2) : Outcome.serverRefuses()});
        String executable = "subject_id = 1 /*! OR 1 = 1 */";
        cases.add(new Object[] {executable, backslashes ? Outcome.refused(executable, "/*!") : Outcome.count(1)});
        String union = "subject_id = 1 UNION SELECT victim_id FROM " + victim;
        cases.add(new Object[] {union, Outcome.refused(union, "UNION")});
        cases.add(new Object[] {"subject_id IN (SELECT 1)", Outcome.count(1)});
        String marker = "subject_id = ?";
        cases.add(new Object[] {marker, Outcome.refused(marker, "?")});
        String closes = "subject_id = 1) OR (1 = 1";
        cases.add(new Object[] {closes, Outcome.refused(closes, ")")});
        String unclosed = "subject_id IN (1, 2";
        cases.add(new Object[] {unclosed, Outcome.refused(unclosed, "(")});
        String fullwidthSemicolon = "species = 'mouse'\uFF1B DROP TABLE " + victim;
        cases.add(new Object[] {fullwidthSemicolon, Outcome.refused(fullwidthSemicolon, "\uFF1B")});
        String fullwidthQuote = "species = \uFF07mouse\uFF07";
        cases.add(new Object[] {fullwidthQuote, Outcome.refused(fullwidthQuote, "\uFF07")});
        cases.add(new Object[] {"species = \u02BCmouse\u02BC", Outcome.serverRefuses()});
        cases.add(new Object[] {"species = 'mouse\uFF1B'", Outcome.count(0)});
        for (Object[] k : cases) {
            String text = (String) k[0];
            Outcome expected = (Outcome) k[1];
            check(text, expected, () -> lab.subject.restrict(text).toDicts().size());
            check(text, expected.anti(4), () -> lab.subject.antiRestrict(text).count());
        }
        canary.assertAlive();
        assertEquals(4, lab.subject.count());
    }

    @Test
    default void computedAttributesAggregatesAndOrderingsAreOneExpressionEach(TckContext tck) {
        Lab lab = new Lab(tck);
        Canary canary = Canary.plant(tck);
        String victim = canary.schema().name() + ".victim";
        List<String> hostile = List.of("1 FROM " + victim + " UNION SELECT 1", "1) AS x FROM " + victim + " -- ",
                "1; DROP TABLE " + victim, "'a' -- ", "count(*)) FROM " + victim + " WHERE (1", "1 /* ");
        for (String e : hostile) {
            assertThrows(SqlTextException.class, () -> lab.subject.proj(Proj.key().compute("x", e)).toDicts(), e);
            assertThrows(SqlTextException.class,
                    () -> lab.subject.aggr(lab.session, Map.of("n", e)).toDicts(), e);
        }
        for (String o : List.of("species; DROP TABLE " + victim, "species -- ", "species DESC, (SELECT 1)",
                "species) UNION SELECT 1 --")) {
            DataJointException e = assertThrows(DataJointException.class, () -> lab.subject.orderBy(o).toDicts(), o);
            assertTrue(e.getMessage().contains(o), e.getMessage());
        }
        assertEquals(List.of(Map.of("subject_id", 1, "x", "a;b")),
                lab.subject.restrict(Map.of("subject_id", 1)).proj(Proj.key().compute("x", "'a;b'")).toDicts());
        assertEquals(List.of(Map.of("subject_id", 1, "n", 2L)), lab.subject.restrict(Map.of("subject_id", 1))
                .aggr(lab.session, Map.of("n", "count(*) /* sessions */")).toDicts());
        canary.assertAlive();
    }

    @Test
    default void aStatementOfYourOwnIsOneStatement(TckContext tck) {
        Canary canary = Canary.plant(tck);
        Connection c = tck.instance().connection();
        String victim = canary.schema().name() + ".victim";
        String two = "SELECT 1 AS x; DROP TABLE " + victim;
        SqlTextException e = assertThrows(SqlTextException.class, () -> c.query(two));
        assertEquals(two.indexOf(';'), e.offset());
        assertThrows(SqlTextException.class, () -> c.execute("DELETE FROM " + victim + "; DELETE FROM " + victim));
        assertEquals(List.of(Map.of("x", "a;b")), c.query("SELECT 'a;b' AS x;"));
        assertEquals(1L, c.query("SELECT count(*) AS n FROM " + victim + " WHERE word <> ?", "x;y").get(0).get("n")
                instanceof Number n ? n.longValue() : -1L);
        canary.assertAlive();
    }

    @Test
    default void definitionTextCannotReachBeyondItsLiteral(TckContext tck) {
        Canary canary = Canary.plant(tck);
        String victim = canary.schema().name() + ".victim";
        Schema s = tck.instance().schema(tck.schemaName("hostile_def"));
        String value = "x'); DROP TABLE " + victim + "; -- \\' \" $$";
        String comment = "'); DROP TABLE " + victim + "; -- \\ $$ */";
        Table t = s.manual("Note", "# table " + comment + "\nnote_id : int32\n---\n"
                + "text = \"" + value.replace("\"", "\\\"") + "\" : varchar(120) # " + comment + "\n"
                + "kind = 'a\\b' : enum('a\\b', 'b'';--', 'c)')\n");
        t.insert1(Map.of("note_id", 1));
        t.insert1(Map.of("note_id", 2, "kind", "b';--"));
        t.insert1(Map.of("note_id", 3, "kind", "c)"));
        assertEquals(List.of(Map.of("note_id", 1, "text", value, "kind", "a\\b"),
                Map.of("note_id", 2, "text", value, "kind", "b';--"), Map.of("note_id", 3, "text", value, "kind", "c)")),
                t.orderBy("note_id").toDicts());
        assertEquals(comment, t.heading().attribute("text").comment());
        for (String bad : List.of("n = 'a' || 'b' : varchar(8)", "n = 'a'); DROP TABLE " + victim + "; --' : varchar(8)",
                "n = 1; DROP TABLE " + victim + " : int32")) {
            assertThrows(DefinitionException.class, () -> s.manual("Bad", "id : int32\n---\n" + bad + "\n"), bad);
        }
        String index = "index((1); DROP TABLE " + victim + "; SELECT (1))";
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> s.manual("BadIndex", "id : int32\n---\nn : int32\n" + index + "\n"));
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
        canary.assertAlive();
        assertEquals(List.of("note"), s.listTables().stream().filter(n -> !n.startsWith("~")).toList());
    }

    /** Restricting by a record of values compares them as bound parameters, whatever they hold. */
    @Test
    default void hostileValuesInMapsStayValues(TckContext tck) {
        Lab lab = new Lab(tck);
        Canary canary = Canary.plant(tck);
        for (String v : List.of("x' ) ; DROP TABLE victim ; --", "x\\' OR 1=1 --", "$$ ; $$", "*/ ; /*")) {
            QueryExpression q = lab.subject.restrict(Map.of("species", v));
            assertEquals(0, q.count(), v);
            assertEquals(4, lab.subject.antiRestrict(Map.of("species", v)).count(), v);
        }
        DataJointException lone = assertThrows(DataJointException.class,
                () -> lab.subject.insert1(Map.of("subject_id", 9, "species", "mo\uD800use", "sex", "F")));
        assertTrue(lone.getMessage().contains("'species'") && lone.getMessage().contains("U+D800"), lone.getMessage());
        assertEquals(4, lab.subject.count(), "a lone surrogate is refused, not stored as '?'");
        canary.assertAlive();
    }
}
