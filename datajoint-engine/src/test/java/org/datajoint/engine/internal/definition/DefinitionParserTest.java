package org.datajoint.engine.internal.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.datajoint.DefinitionException;
import org.datajoint.Tier;
import org.junit.jupiter.api.Test;

class DefinitionParserTest {

    @Test
    void parsesEveryKindOfLine() {
        TableDefinition d = DefinitionParser.parse("""
                # experimental subject
                subject_id : varchar(16)   # the id
                ---
                species : varchar(32)
                date_of_birth = null : date
                weight = 0.5 : decimal(5,2)   # grams
                note = "a: b # c" : varchar(100)
                outcome = 'it''s' : enum('it''s', 'other')
                -> [nullable, unique] Lab.proj(home_lab='lab_id')
                unique index(species, date_of_birth)
                index(species, (YEAR(date_of_birth)))
                """.replace("\n", "\r\n"));
        assertEquals("experimental subject", d.comment());
        List<TableDefinition.Line> lines = d.lines();
        assertEquals(9, lines.size());
        TableDefinition.Attribute id = assertInstanceOf(TableDefinition.Attribute.class, lines.get(0));
        assertTrue(id.inPrimaryKey());
        assertEquals("the id", id.comment());
        assertEquals(2, id.line());
        TableDefinition.Attribute dob = (TableDefinition.Attribute) lines.get(2);
        assertTrue(dob.nullable());
        assertEquals("null", dob.defaultValue());
        TableDefinition.Attribute weight = (TableDefinition.Attribute) lines.get(3);
        assertEquals("decimal(5,2)", weight.type().text());
        assertEquals(List.of("5", "2"), weight.type().args());
        assertEquals("grams", weight.comment());
        TableDefinition.Attribute note = (TableDefinition.Attribute) lines.get(4);
        assertEquals("\"a: b # c\"", note.defaultValue());
        assertEquals("", note.comment());
        TableDefinition.Attribute outcome = (TableDefinition.Attribute) lines.get(5);
        assertEquals("enum('it''s','other')", outcome.type().text());
        TableDefinition.Reference lab = assertInstanceOf(TableDefinition.Reference.class, lines.get(6));
        assertTrue(lab.nullable() && lab.unique() && !lab.inPrimaryKey());
        assertEquals("Lab", lab.reference());
        assertEquals(Map.of("home_lab", "lab_id"), lab.renames());
        TableDefinition.IndexLine unique = (TableDefinition.IndexLine) lines.get(7);
        assertTrue(unique.unique());
        assertEquals(List.of("species", "date_of_birth"), unique.items());
        TableDefinition.IndexLine byYear = (TableDefinition.IndexLine) lines.get(8);
        assertFalse(byYear.unique());
        assertEquals(List.of("species", "(YEAR(date_of_birth))"), byYear.items());
    }

    @Test
    void nativeTypesPassThroughAndCoreTypesAreCanonical() {
        assertFalse(DeclaredType.parse("INT UNSIGNED").isCore());
        assertEquals("int unsigned", DeclaredType.parse("INT   UNSIGNED").text());
        assertEquals("varchar(16)", DeclaredType.parse("VARCHAR ( 16 )").text());
        assertEquals("datetime(6)", DeclaredType.parse("datetime(6)").text());
        assertTrue(DeclaredType.parse("longblob").onlyNullDefault());
        assertThrows(IllegalArgumentException.class, () -> DeclaredType.parse("datetime(7)"));
        assertThrows(IllegalArgumentException.class, () -> DeclaredType.parse("decimal(3,4)"));
        assertThrows(IllegalArgumentException.class, () -> DeclaredType.parse("<blob>"));
    }

    @Test
    void errorsNameLineTextAndProblem() {
        Map<String, String> cases = Map.of(
                "id : int32\n---\nspeed : int33\n", "line 3 \"speed : int33\": unknown type 'int33'",
                "id : int32\nid : int64\n", "line 2 \"id : int64\": attribute 'id' is declared twice",
                "id = null : int32\n", "line 1 \"id = null : int32\": primary key attributes cannot be nullable",
                "id : int32\n---\nb = 'x' : bytes\n", "line 3",
                "id : int32\n---\n_x : int32\n", "starts with an underscore",
                "-> [optional] Parent\n", "unknown foreign-key option 'optional'",
                "id : int32  # :bad\n", "must not start with ':'",
                "id : int32 not null\n", "NOT NULL",
                "Id : int32\n", "lower case");
        cases.forEach((definition, expected) -> {
            DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionParser.parse(definition));
            assertTrue(e.getMessage().contains(expected), definition + " -> " + e.getMessage());
        });
    }

    @Test
    void tableNamesFollowDataJointForPython() {
        assertEquals("session_trial", TableNames.snakeCase("SessionTrial"));
        assertEquals("processed_e_m_g", TableNames.snakeCase("ProcessedEMG"));
        assertEquals("#species", TableNames.sqlName(Tier.LOOKUP, "Species", null));
        assertEquals("__stats", TableNames.sqlName(Tier.COMPUTED, "Stats", null));
        assertEquals("_scan", TableNames.sqlName(Tier.IMPORTED, "Scan", null));
        assertEquals("__stats__detail", TableNames.sqlName(Tier.PART, "Detail", "__stats"));
        assertThrows(DefinitionException.class, () -> TableNames.snakeCase("session"));
        assertThrows(DefinitionException.class, () -> TableNames.snakeCase("Bad_Name"));
        assertThrows(DefinitionException.class, () -> TableNames.sqlName(Tier.MANUAL, "A".repeat(65), null));
    }
}
