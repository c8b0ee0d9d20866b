package org.datajoint.engine.internal.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.datajoint.DataJointException;
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
}
