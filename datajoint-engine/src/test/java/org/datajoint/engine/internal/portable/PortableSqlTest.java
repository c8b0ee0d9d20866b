package org.datajoint.engine.internal.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.datajoint.DataJointException;
import org.datajoint.SqlTextException;
import org.datajoint.engine.spi.SqlSyntax;
import org.junit.jupiter.api.Test;

class PortableSqlTest {

    /** A target quoting with brackets, knowing two attributes, upper-casing one function. */
    private static final PortableSql.Target TARGET = new PortableSql.Target() {
        @Override
        public String identifier(String name) {
            return "[" + name + "]";
        }

        @Override
        public boolean isAttribute(String name) {
            return name.equals("species") || name.equals("n");
        }

        @Override
        public String function(String upperName, List<String> args) {
            return upperName.equals("GROUP_CONCAT") ? "AGG(" + String.join("|", args) + ")" : null;
        }

        @Override
        public String literal(String value) {
            return "'" + value.replace("'", "''") + "'";
        }

        @Override
        public SqlSyntax syntax() {
            return SqlSyntax.STANDARD;
        }
    };

    @Test
    void quotesAreReadInBothStyles() {
        PortableSql.Result r = PortableSql.rewrite("`species` = \"mouse\" AND \"species\" <> 'it''s \"x\"'", TARGET);
        assertEquals("[species] = 'mouse' AND [species] <> 'it''s \"x\"'", r.sql());
        assertEquals(Set.of("species"), r.columns());
        assertEquals("x = 'say \"hi\"' + 'o''k'", PortableSql.rewrite("x = \"say \"\"hi\"\"\" + \"o'k\"", TARGET).sql());
    }

    @Test
    void functionsAreOfferedWithRewrittenArguments() {
        PortableSql.Result r = PortableSql.rewrite("group_concat(`n`, lower(\"a,b\")) > 1", TARGET);
        assertEquals("AGG([n]|lower('a,b')) > 1", r.sql());
        assertEquals("count(*) + f()", PortableSql.rewrite("count(*) + f()", TARGET).sql());
    }

    @Test
    void bareLowerCaseNamesAreReportedButKeywordsFunctionsAndQualifiedNamesAreNot() {
        PortableSql.Result r = PortableSql.rewrite("a > 1 AND b is not null and t.c = YEAR(d) -- e\n/* g */ OR h"
                + " BETWEEN 1 AND 2 AND x in (1, 2) AND Upper = 'q'", TARGET);
        assertEquals(Set.of("a", "b", "d", "h", "x"), r.columns());
    }

    @Test
    void malformedTextIsRefusedWithTheText() {
        for (String bad : List.of("a = 'open", "f(a", "a)", "x = `y", "/* never closed")) {
            DataJointException e = assertThrows(DataJointException.class, () -> PortableSql.rewrite(bad, TARGET), bad);
            assertEquals(true, e.getMessage().contains(bad), e.getMessage());
        }
    }

    /** The same target reading text as MySQL or PostgreSQL would. */
    private static PortableSql.Target reading(SqlSyntax syntax) {
        return new PortableSql.Target() {
            @Override
            public String identifier(String name) {
                return TARGET.identifier(name);
            }

            @Override
            public boolean isAttribute(String name) {
                return TARGET.isAttribute(name);
            }

            @Override
            public String function(String upperName, List<String> args) {
                return null;
            }

            @Override
            public String literal(String value) {
                return TARGET.literal(value);
            }

            @Override
            public SqlSyntax syntax() {
                return syntax;
            }
        };
    }

    @Test
    void literalsAreDecodedAsTheServerReadsThemAndWrittenAgain() {
        PortableSql.Target mysql = reading(SqlSyntax.MYSQL);
        PortableSql.Target postgres = reading(SqlSyntax.POSTGRESQL);
        assertEquals("species = 'it''s\n'", PortableSql.rewrite("species = 'it\\'s\\n'", mysql).sql());
        assertEquals("species = 'a%\\%'", PortableSql.rewrite("species = 'a%\\%'", mysql).sql());
        assertEquals("species = 'mouse'", PortableSql.rewrite("species = E'mo\\x75s\\145'", postgres).sql());
        assertEquals("species = ' $$ '", PortableSql.rewrite("species = $q$ $$ $q$", postgres).sql());
        assertEquals("species = 'a\\'", PortableSql.rewrite("species = 'a\\'", postgres).sql());
        assertEquals("n = 3- -1", PortableSql.rewrite("n = 3--1", mysql).sql());
        assertEquals("n = 0x27e '\\'", PortableSql.rewrite("n = 0x27e'\\'", postgres).sql());
        assertEquals("n = X'41' OR n = _utf8mb4'a' OR n = e 'b'", PortableSql.rewrite("n = X'41' OR n = _utf8mb4'a' OR n = e'b'",
                mysql).sql());
        assertEquals("n = 1   OR n = 2", PortableSql.rewrite("n = 1 /* a /* b */ */ OR n = 2", postgres).sql());
        assertEquals("n = 1  \n", PortableSql.rewrite("n = 1 # note\n", mysql).sql());
    }

    @Test
    void whatCouldEndTheExpressionIsRefusedWhereItStarts() {
        PortableSql.Target mysql = reading(SqlSyntax.MYSQL);
        PortableSql.Target postgres = reading(SqlSyntax.POSTGRESQL);
        record Case(String text, PortableSql.Target target, int offset) {
        }
        for (Case c : List.of(new Case("n = 1; x", postgres, 5), new Case("n = 'a\\'; x'", postgres, 8),
                new Case("n = ?", mysql, 4), new Case("n = 1 -- x", postgres, 6), new Case("n = 1 --x", postgres, 6),
                new Case("n = 1 # x", mysql, 6), new Case("n = 1 /*! OR 1 */", mysql, 6), new Case("n = $1", postgres, 4),
                new Case("n = 1 UNION SELECT 2", postgres, 6), new Case("n = 1 FROM t", mysql, 6),
                new Case("n = \uFF1B", mysql, 4), new Case("n = {fn now()}", mysql, 4), new Case("", mysql, 0),
                new Case("n = 'x", postgres, 4), new Case("n IN (1", mysql, 5))) {
            SqlTextException e = assertThrows(SqlTextException.class, () -> PortableSql.rewrite(c.text(), c.target()),
                    c.text());
            assertEquals(c.offset(), e.offset(), c.text() + ": " + e.getMessage());
        }
        assertEquals("n IS DISTINCT FROM 1", PortableSql.rewrite("n IS DISTINCT FROM 1", postgres).sql());
        assertEquals("n IN(SELECT 1 FROM t)", PortableSql.rewrite("n IN (SELECT 1 FROM t)", postgres).sql());
    }

    @Test
    void aStatementIsOneUnlessASemicolonOutsideQuotesIsFollowedByMore() {
        PortableSql.checkStatement("SELECT 'a;b', \"c;d\" FROM t -- ; no\n;", SqlSyntax.POSTGRESQL);
        PortableSql.checkStatement("SELECT 'a\\';' FROM t", SqlSyntax.MYSQL);
        SqlTextException e = assertThrows(SqlTextException.class,
                () -> PortableSql.checkStatement("SELECT 'a\\';' FROM t", SqlSyntax.POSTGRESQL));
        assertEquals(12, e.offset(), "the quote after the semicolon is never closed");
        assertThrows(SqlTextException.class, () -> PortableSql.checkStatement("SELECT $$;$$; DROP t", SqlSyntax.POSTGRESQL));
    }
}
