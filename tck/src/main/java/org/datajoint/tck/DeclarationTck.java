package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.datajoint.Attribute;
import org.datajoint.DataJointException;
import org.datajoint.DefinitionException;
import org.datajoint.ForeignKey;
import org.datajoint.Heading;
import org.datajoint.Instance;
import org.datajoint.MissingTableException;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.datajoint.Tier;
import org.junit.jupiter.api.Test;

/** Declaring tables from definition strings, and reading them back from the catalog. */
public interface DeclarationTck extends TckTarget {

    private static Schema schema(TckContext tck, String hint) {
        return tck.instance().schema(tck.schemaName(hint));
    }

    @Test
    default void everyCoreTypeIsDeclaredAndReadBack(TckContext tck) {
        Schema s = schema(tck, "types");
        Table t = s.manual("AllTypes", """
                # one attribute per core type
                id : int32               # the key
                ---
                a_int8 : int8
                a_int16 : int16
                a_int64 : int64
                a_float32 : float32
                a_float64 : float64
                a_bool : bool
                a_uuid : uuid
                a_bytes = null : bytes
                a_date : date
                a_datetime : datetime
                a_datetime6 : datetime(6)
                a_char : char(2)
                a_varchar : varchar(300)
                a_enum : enum('hit', 'miss', 'it''s')
                a_json = null : json
                a_decimal : decimal(7,3)
                """);
        Heading h = t.heading();
        assertEquals("one attribute per core type", h.tableComment());
        assertEquals(List.of("id"), h.primaryKey());
        Map<String, String> expected = Map.ofEntries(Map.entry("id", "int32"), Map.entry("a_int8", "int8"),
                Map.entry("a_int16", "int16"), Map.entry("a_int64", "int64"), Map.entry("a_float32", "float32"),
                Map.entry("a_float64", "float64"), Map.entry("a_bool", "bool"), Map.entry("a_uuid", "uuid"),
                Map.entry("a_bytes", "bytes"), Map.entry("a_date", "date"), Map.entry("a_datetime", "datetime"),
                Map.entry("a_datetime6", "datetime(6)"), Map.entry("a_char", "char(2)"),
                Map.entry("a_varchar", "varchar(300)"), Map.entry("a_json", "json"), Map.entry("a_decimal", "decimal(7,3)"));
        expected.forEach((name, type) -> assertEquals(type, h.attribute(name).type(), name));
        assertEquals("enum('hit','miss','it''s')", h.attribute("a_enum").type(), "every value, quoted, in declared order");
        assertEquals("the key", h.attribute("id").comment());
        assertTrue(h.attribute("a_json").nullable());
        assertFalse(h.attribute("a_char").nullable());
        assertEquals(Tier.MANUAL, t.tier());
        assertEquals("all_types", t.tableName());
        assertEquals("AllTypes", t.className());
    }

    @Test
    default void nativeTypesWrittenForEitherBackendDeclareOnBoth(TckContext tck) {
        Schema s = schema(tck, "native");
        Table term = s.manual("Term", """
                term_year : year
                omega = 0 : tinyint
                ---
                seats = null : int unsigned
                big = null : bigint(20) unsigned
                serial_no = null : int(11)
                ratio = null : double
                share = null : real
                note = null : longtext
                raw = null : longblob
                """);
        byte[] bytes = {0, 1, (byte) 0xff};
        term.insert1(Map.of("term_year", "2015", "seats", 4_000_000_000L, "big", new BigDecimal("18446744073709551615"),
                "serial_no", 7, "ratio", 0.5, "share", 0.25, "note", "x".repeat(70_000), "raw", bytes));
        Map<String, Object> row = term.fetch1();
        assertEquals(2015, ((Number) row.get("term_year")).intValue());
        assertEquals(0, ((Number) row.get("omega")).intValue(), "the default of a native key attribute");
        assertEquals(4_000_000_000L, ((Number) row.get("seats")).longValue(), "unsigned int holds its whole range");
        assertEquals(new BigDecimal("18446744073709551615"), new BigDecimal(row.get("big").toString()));
        assertEquals(7, ((Number) row.get("serial_no")).intValue());
        assertEquals(0.5, ((Number) row.get("ratio")).doubleValue());
        assertEquals(0.25, ((Number) row.get("share")).doubleValue());
        assertEquals(70_000, row.get("note").toString().length());
        assertTrue(java.util.Arrays.equals(bytes, (byte[]) row.get("raw")));
        assertEquals(1, term.restrict(Map.of("term_year", 2015, "omega", 0)).count());
    }

    @Test
    default void tiersNamePartsAndSingletons(TckContext tck) {
        Schema s = schema(tck, "tiers");
        Table subject = s.manual("Subject", "subject_id : varchar(16)\n---\nspecies : varchar(32)\n");
        Table species = s.lookup("SpeciesName", "species : varchar(32)\n",
                List.of(Map.of("species", "mouse"), Map.of("species", "rat")));
        Table session = s.manual("Session", "-> Subject\nsession_id : int32\n---\nsession_date : date\n");
        Table trial = session.part("Trial", "-> master\ntrial_id : int32\n---\noutcome : enum('hit', 'miss')\n");
        Table recording = s.imported("Recording", "-> Session\n---\nfile_name : varchar(255)\n");
        Table stats = s.computed("SessionStats", "-> Session\n---\nn_trials : int64\n");
        Table detail = stats.part("Detail", "-> master\n-> Session.Trial\n---\nscore : float64\n");
        Table settings = s.lookup("Settings", "# one row at most\n---\nlevel : int32\n");
        assertEquals(List.of("#settings", "#species_name", "__session_stats", "__session_stats__detail", "_recording",
                "session", "session__trial", "subject"), s.listTables().stream().filter(n -> !n.startsWith("~")).toList());
        assertEquals(Tier.LOOKUP, species.tier());
        assertEquals(Tier.IMPORTED, recording.tier());
        assertEquals(Tier.COMPUTED, stats.tier());
        assertEquals(Tier.PART, trial.tier());
        assertEquals("Session.Trial", trial.className());
        assertEquals("SessionStats.Detail", detail.className());
        assertEquals(session, trial.master().orElseThrow());
        assertEquals(List.of(trial), session.parts());
        assertEquals(2L, ((Number) s.instance().connection().query("SELECT COUNT(*) FROM " + species.fullTableName())
                .get(0).values().iterator().next()).longValue(), "lookup contents inserted");
        assertEquals(List.of(), settings.heading().primaryKey(), "singleton");
        assertTrue(settings.heading().allAttributes().stream().anyMatch(a -> a.name().equals("_singleton") && a.hidden()));
        assertEquals(List.of("level"), settings.heading().names());
        assertEquals(List.of("subject_id", "session_id", "trial_id"), detail.heading().primaryKey());
        List<String> order = s.tables().stream().map(Table::className).toList();
        assertEquals(List.of("Recording", "Session", "Session.Trial", "SessionStats", "SessionStats.Detail", "Settings",
                "SpeciesName", "Subject"), order.stream().sorted().toList());
        assertTrue(order.indexOf("Subject") < order.indexOf("Session"), order.toString());
        assertEquals(order.indexOf("Session") + 1, order.indexOf("Session.Trial"), order.toString());
        assertEquals(subject, s.table("Subject"));
        assertEquals(trial, s.table("session__trial"));
        assertThrows(MissingTableException.class, () -> s.table("Nope"));
    }

    @Test
    default void foreignKeyOptionsRenamesAndIndexes(TckContext tck) {
        Schema s = schema(tck, "fk");
        Schema other = schema(tck, "fkother");
        Table lab = other.manual("Lab", "lab_id : char(4)\n---\nlab_name : varchar(60)\n");
        Table person = s.manual("Person", "person_id : int32\n---\nname : varchar(60)\n");
        Table pairing = s.manual("Pairing", """
                -> Person.proj(mentor_id='person_id')
                -> Person.proj(mentee_id='person_id')
                ---
                -> [nullable, unique] %s.Lab
                started = CURRENT_TIMESTAMP : datetime
                rating = 3 : int16
                note = "it's fine" : varchar(40)
                index(rating)
                unique index(note, rating)
                """.formatted(other.name()));
        Heading h = pairing.heading();
        assertEquals(List.of("mentor_id", "mentee_id"), h.primaryKey());
        assertEquals("int32", h.attribute("mentor_id").type());
        assertTrue(h.attribute("lab_id").nullable());
        List<ForeignKey> fks = pairing.foreignKeys();
        assertEquals(3, fks.size(), fks.toString());
        assertEquals(2, fks.stream().filter(f -> f.parent().equals(person.fullTableName())).count(), "parallel edges");
        assertTrue(fks.stream().filter(f -> f.parent().equals(person.fullTableName())).allMatch(ForeignKey::renamed));
        ForeignKey toLab = fks.stream().filter(f -> f.parent().equals(lab.fullTableName())).findFirst().orElseThrow();
        assertTrue(toLab.nullable() && toLab.unique() && !toLab.primary());
        assertEquals(List.of(person, lab).stream().map(Table::fullTableName).sorted().toList(),
                pairing.parents().stream().map(Table::fullTableName).sorted().toList());
        assertEquals(List.of(pairing), person.children());
        assertTrue(h.indexes().stream().anyMatch(i -> !i.unique() && i.attributes().equals(List.of("rating"))));
        assertTrue(h.indexes().stream().anyMatch(i -> i.unique() && i.attributes().equals(List.of("note", "rating"))));
        assertEquals("CURRENT_TIMESTAMP", h.attribute("started").defaultValue());
        List<Map<String, Object>> lineage = s.instance().connection().query("SELECT attribute_name, lineage FROM "
                + s.instance().freeTable(s.name() + ".~lineage").fullTableName() + " WHERE table_name = ?"
                + " ORDER BY attribute_name", "pairing");
        assertEquals(List.of(List.of("lab_id", other.name() + ".lab.lab_id"),
                List.of("mentee_id", s.name() + ".person.person_id"), List.of("mentor_id", s.name() + ".person.person_id")),
                lineage.stream().map(r -> r.values().stream().map(String::valueOf).toList()).toList());
    }

    @Test
    default void describeDeclaresAnIdenticalTable(TckContext tck) {
        Instance inst = tck.instance();
        Schema a = inst.schema(tck.schemaName("desca"));
        Schema b = inst.schema(tck.schemaName("descb"));
        List<String[]> definitions = List.of(
                new String[] {"Animal", "# animals\nanimal_id : int32\n---\nname : varchar(32)\n"},
                new String[] {"Keeper", "keeper_id : char(8)\n---\nhired : date\nsalary = null : decimal(9,2)\n"},
                new String[] {"Cage", "cage_id : int16\n---\n-> [nullable] Keeper\nsize = 'large' : enum('small','large')\n"},
                new String[] {"Housing", "-> Animal\n-> Cage\n---\nsince = CURRENT_TIMESTAMP : datetime\n"},
                new String[] {"Weighing", "-> Animal\nweigh_time : datetime(6)\n---\ngrams : float64  # weight\n"},
                new String[] {"Note", "-> Animal\nnote_id : int64\n---\ntext = \"\" : varchar(1000)\nflag = 0 : bool\n"},
                new String[] {"Pair", "-> Animal.proj(left_id='animal_id')\n-> Animal.proj(right_id='animal_id')\n---\nscore = 0.5 : float32\n"},
                new String[] {"Tag", "tag : varchar(20)\n---\nid_uuid : uuid\nunique index(id_uuid)\n"},
                new String[] {"Photo", "-> Animal\nphoto_id : int32\n---\ndata = null : bytes\nmeta = null : json\n"},
                new String[] {"Mate", "-> Animal\n---\n-> [unique] Animal.proj(mate_id='animal_id')\n"},
                new String[] {"Assign", "-> Keeper\n-> Cage\n---\nstarted : date\nindex(started)\n"},
                new String[] {"Reading", "reading_id : int32\n---\nt8 : int8\nt16 : int16\nt32 = -1 : int32\n"},
                new String[] {"Measure", "-> Reading\nchannel : int8\n---\nvalue = null : float64\nunit = 'mV' : char(2)\n"},
                new String[] {"Config", "# singleton\n---\nversion : varchar(16)\n"},
                new String[] {"Label", "label : varchar(64)  # text label\n---\ncolor = null : char(7)\n"},
                new String[] {"Labeling", "-> Animal\n-> Label\n"},
                new String[] {"Event", "event_id : int64\n---\nkind : enum('a','b','c')\nat = null : datetime(3)\n"},
                new String[] {"EventLink", "-> Event\n---\n-> [nullable] Event.proj(parent_event='event_id')\n"},
                new String[] {"Budget", "year : int16\n---\namount : decimal(12,2)\napproved = false : bool\n"},
                new String[] {"Plan", "-> Budget\n-> Keeper\nitem : varchar(50)\n---\ncost = 0 : decimal(10,2)\nindex(cost, item)\n"},
                new String[] {"Journal", "-> Animal\nentry_date : date\n---\nbody : varchar(4000)\nmood = null : enum('good','bad')\n"});
        for (String[] d : definitions) {
            a.manual(d[0], d[1]);
        }
        for (String[] d : definitions) {
            Table original = a.table(d[0]);
            String described = original.describe();
            Table copy = b.manual(d[0], described);
            assertEquals(described, copy.describe(), d[0] + " describes the same after a round trip");
            assertEquals(comparable(original.heading()), comparable(copy.heading()), d[0] + ":\n" + described);
            assertEquals(original.heading().indexes(), copy.heading().indexes(), d[0]);
            assertEquals(original.foreignKeys().size(), copy.foreignKeys().size(), d[0]);
        }
    }

    private static List<String> comparable(Heading h) {
        return h.allAttributes().stream().map(x -> String.join("|", x.name(), x.type(), String.valueOf(x.inPrimaryKey()),
                String.valueOf(x.nullable()), String.valueOf(x.defaultValue()), x.comment())).toList();
    }

    @Test
    default void malformedDefinitionsNameTheLine(TckContext tck) {
        Schema s = schema(tck, "errors");
        s.manual("Parent", "parent_id : int32\n");
        Map<String, String> cases = Map.of(
                "id : int32\n---\nspeed : int33\n", "line 3",
                "id : int32\n---\nx : int32\nx : int64\n", "line 4",
                "id = null : int32\n---\n", "line 1",
                "id : int32\n---\nblob = 'abc' : bytes\n", "line 3",
                "id : int32\n---\ndoc = '{}' : json\n", "line 3",
                "-> NoSuchTable\nid : int32\n", "line 1",
                "id : int32\n---\n_hidden : int32\n", "line 3",
                "-> [nullable] Parent\n---\n", "line 1");
        int n = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String name = "Bad" + n++;
            DefinitionException e = assertThrows(DefinitionException.class, () -> s.manual(name, c.getKey()),
                    c.getKey());
            assertTrue(e.getMessage().contains(c.getValue()), c.getKey() + " -> " + e.getMessage());
        }
        assertThrows(DefinitionException.class, () -> s.manual("bad_name", "id : int32\n"));
        assertThrows(DefinitionException.class, () -> s.manual("X".repeat(70), "id : int32\n"));
        assertThrows(DefinitionException.class, () -> s.computed("Native", "-> Parent\nextra_id : int32\n"));
        assertEquals(List.of("parent"), s.listTables().stream().filter(t -> !t.startsWith("~")).toList(),
                "nothing half-declared");
    }

    @Test
    default void aDeclarationThatFailsAfterItsCreateTableLeavesNothing(TckContext tck) {
        Instance inst = tck.instance();
        Schema s = inst.schema(tck.schemaName("halfdecl"));
        inst.connection().execute("CREATE TABLE " + inst.freeTable(s.name() + ".~lineage").fullTableName()
                + " (table_name VARCHAR(64) NOT NULL, attribute_name VARCHAR(64) NOT NULL, lineage VARCHAR(255) NOT NULL,"
                + " origin VARCHAR(8) NOT NULL, PRIMARY KEY (table_name, attribute_name))");
        assertThrows(DataJointException.class, () -> s.manual("Probe", "probe_id : int32\n---\nlabel : varchar(8)\n"),
                "the lineage rows written after CREATE TABLE do not fit this ~lineage table");
        assertEquals(List.of("~lineage"), s.listTables(), "the table created before the failure was dropped");
        assertFalse(inst.freeTable(s.name() + ".probe").isDeclared());

        Schema fresh = inst.schema(tck.schemaName("halflookup"));
        assertThrows(DataJointException.class, () -> fresh.lookup("Color", "color : varchar(4)\n",
                List.of(Map.of("color", "red"), Map.of("color", "far too long"))), "contents that do not fit");
        assertEquals(List.of(), fresh.listTables(), "neither the table nor the ~lineage it created is left");
        Table color = fresh.lookup("Color", "color : varchar(4)\n", List.of(Map.of("color", "red")));
        assertEquals(List.of(Map.of("color", "red")), color.toDicts());
        assertThrows(DataJointException.class, () -> fresh.lookup("Color", "color : varchar(4)\n",
                List.of(Map.of("color", "far too long"))));
        assertEquals(List.of(Map.of("color", "red")), color.toDicts(), "a table that existed before is kept");
        assertEquals(1, inst.connection().query("SELECT attribute_name FROM "
                + inst.freeTable(fresh.name() + ".~lineage").fullTableName()).size(), "its lineage is kept too");
    }

    @Test
    default void childrenInSchemasNeverOpenedAreFound(TckContext tck) {
        Instance declaring = tck.instance();
        Schema up = declaring.schema(tck.schemaName("up"));
        Schema down = declaring.schema(tck.schemaName("down"));
        Schema further = declaring.schema(tck.schemaName("further"));
        up.manual("Source", "source_id : int32\n");
        down.manual("Derived", "-> %s.Source\nderived_id : int32\n".formatted(up.name()));
        further.manual("Leaf", "-> %s.Derived\n".formatted(down.name()));
        Instance fresh = tck.instance();
        Table source = fresh.schema(up.name()).table("Source");
        assertEquals(List.of(down.name() + ".derived"), source.children().stream()
                .map(t -> t.schemaName() + "." + t.tableName()).toList());
        assertEquals(List.of(down.name() + ".derived", further.name() + ".leaf"), source.descendants().stream()
                .map(t -> t.schemaName() + "." + t.tableName()).toList());
        assertEquals(List.of(up.name() + ".source", down.name() + ".derived"), fresh.freeTable(further.name() + ".leaf")
                .ancestors().stream().map(t -> t.schemaName() + "." + t.tableName()).toList());
    }

    @Test
    default void nativeTypesAreAcceptedAndReadBack(TckContext tck) {
        Table t = schema(tck, "native").manual("Legacy", "id : bigint\n---\nnote = null : text\nstamp = null : timestamp\n");
        Heading h = t.heading();
        assertEquals("int64", h.attribute("id").type(), "a native type with a core equivalent reads back as the core type");
        assertEquals("text", h.attribute("note").type());
        assertTrue(h.attribute("stamp").nullable());
        t.insert1(Map.of("id", 7L, "note", "free text"));
        assertEquals("free text", t.fetch1().get("note"));
    }

    @Test
    default void generatedKeysAreInTheHeadingAndInsertsMayOmitThem(TckContext tck) {
        Instance inst = tck.instance();
        Schema s = inst.schema(tck.schemaName("autoinc"));
        List<String> types = generatedKeyColumnTypes();
        for (int i = 0; i < types.size(); i++) {
            inst.connection().execute("CREATE TABLE " + inst.freeTable(s.name() + ".counter" + i).fullTableName()
                    + " (id " + types.get(i) + " PRIMARY KEY, label VARCHAR(10) NOT NULL)");
        }
        for (int i = 0; i < types.size(); i++) {
            Table t = inst.freeTable(s.name() + ".counter" + i);
            Heading h = t.heading();
            assertTrue(h.attribute("id").autoIncrement(), types.get(i) + " is read as auto-increment");
            assertFalse(h.attribute("label").autoIncrement(), types.get(i));
            assertEquals(List.of("id"), h.primaryKey(), types.get(i));
            Map<String, Object> nullKey = new java.util.HashMap<>();
            nullKey.put("id", null);
            nullKey.put("label", "null");
            t.insert1(Map.of("label", "omitted"));
            t.insert1(nullKey);
            List<Map<String, Object>> bulk = new java.util.ArrayList<>();
            for (int r = 0; r < 1_200; r++) {
                bulk.add(Map.of("label", "b" + r));
            }
            t.insert(bulk);
            List<Long> ids = t.column("id", Number.class).stream().map(Number::longValue).toList();
            assertEquals(1_202, ids.size(), types.get(i));
            assertEquals(1_202, new java.util.HashSet<>(ids).size(), types.get(i) + ": every row got its own key");
            assertTrue(ids.stream().allMatch(id -> id > 0), types.get(i));
            DataJointException missing = assertThrows(DataJointException.class, () -> t.insert1(Map.of("id", 5_000)));
            assertTrue(missing.getMessage().contains("'label'"), "other attributes stay required: " + missing.getMessage());
        }
        Table entry = s.manual("Entry", "entry_id : int auto_increment\n---\nnote : varchar(20)\n");
        assertTrue(entry.heading().attribute("entry_id").autoIncrement(), "declared with auto_increment");
        entry.insert(List.of(Map.of("note", "first"), Map.of("note", "second")));
        assertEquals(2, new java.util.HashSet<>(entry.column("entry_id", Object.class)).size());
        String described = entry.describe();
        assertTrue(described.contains("entry_id : int auto_increment"), described);
        Table copy = inst.schema(tck.schemaName("autoinccopy")).manual("Entry", described);
        assertTrue(copy.heading().attribute("entry_id").autoIncrement(), "describe() keeps auto_increment:\n" + described);
        assertEquals(described, copy.describe());
        assertFalse(inst.schema(s.name()).manual("Plain", "plain_id : int32\n").heading().attribute("plain_id")
                .autoIncrement());
    }

    @Test
    default void redeclaringBindsToTheExistingTable(TckContext tck) {
        Schema s = schema(tck, "redeclare");
        Table first = s.manual("Thing", "thing_id : int32\n---\nlabel : varchar(20)\n");
        Table again = s.manual("Thing", "thing_id : int32\n---\nlabel : varchar(20)\n");
        assertEquals(first, again);
        String changed = "thing_id : int64\n---\nlabel = 'x' : varchar(20)\nextra : int32\n";
        Table different = s.manual("Thing", changed);
        assertEquals("int32", different.heading().attribute("thing_id").type(), "the existing table is kept");
        assertEquals(List.of(), first.definitionDifferences("thing_id : int32\n---\nlabel : varchar(20)\n"));
        List<String> differences = first.definitionDifferences(changed);
        assertEquals(3, differences.size(), differences.toString());
        assertTrue(differences.get(0).contains("thing_id") && differences.get(0).contains("int64"), differences.toString());
        assertTrue(differences.stream().anyMatch(d -> d.contains("label") && d.contains("'x'")), differences.toString());
        assertTrue(differences.stream().anyMatch(d -> d.contains("extra")), differences.toString());
    }

    @Test
    default void tablesDeclaredOutsideDataJointHaveHeadings(TckContext tck) {
        Instance inst = tck.instance();
        Schema s = inst.schema(tck.schemaName("foreign"));
        String parent = inst.freeTable(s.name() + ".legacy_parent").fullTableName();
        String child = inst.freeTable(s.name() + ".legacy_child").fullTableName();
        inst.connection().execute("CREATE TABLE " + parent + " (pid INTEGER NOT NULL, label VARCHAR(10), PRIMARY KEY (pid))");
        inst.connection().execute("CREATE TABLE " + child + " (pid INTEGER NOT NULL, cid BIGINT NOT NULL,"
                + " amount DECIMAL(6,2) DEFAULT 0, PRIMARY KEY (pid, cid), FOREIGN KEY (pid) REFERENCES " + parent + " (pid))");
        Table t = inst.freeTable(s.name() + ".legacy_child");
        Heading h = t.heading();
        assertEquals(List.of("pid", "cid"), h.primaryKey());
        assertEquals("int32", h.attribute("pid").type());
        assertEquals("int64", h.attribute("cid").type());
        assertEquals("decimal(6,2)", h.attribute("amount").type());
        assertEquals(1, t.foreignKeys().size());
        assertEquals("LegacyChild", t.className());
        Attribute label = inst.freeTable(s.name() + ".legacy_parent").heading().attribute("label");
        assertTrue(label.nullable());
        assertEquals("varchar(10)", label.type());
        assertEquals(List.of("LegacyParent", "LegacyChild"), inst.schema(s.name()).tables().stream()
                .map(Table::className).toList());
        assertThrows(MissingTableException.class, () -> inst.freeTable(s.name() + ".nope").heading());
    }

    @Test
    default void headingsOfAWholeSchemaCostAFewRoundTrips(TckContext tck) {
        Instance setup = tck.instance();
        Schema s = setup.schema(tck.schemaName("wide"));
        for (int i = 0; i < 200; i++) {
            setup.connection().execute("CREATE TABLE " + setup.freeTable(s.name() + ".t" + i).fullTableName()
                    + " (id INTEGER NOT NULL PRIMARY KEY, v" + i + " VARCHAR(20))");
        }
        Instance fresh = tck.instance();
        fresh.connection().query("SELECT 1");
        long before = fresh.connection().statementCount();
        Schema opened = fresh.schema(s.name());
        assertEquals(200, opened.tables().size());
        Heading h = opened.table("T150").heading();
        long cost = fresh.connection().statementCount() - before;
        assertTrue(cost <= 5, "opening a 200-table schema and reading a heading cost " + cost + " statements");
        assertEquals(List.of("id", "v150"), h.names());
        long warm = fresh.connection().statementCount();
        opened.table("T7").heading();
        opened.table("T199").describe();
        assertEquals(warm, fresh.connection().statementCount(), "headings are cached");
    }

    @Test
    default void definitionsMayUseBigDecimalContents(TckContext tck) {
        Schema s = schema(tck, "grades");
        Table grade = s.lookup("LetterGrade", "grade : char(2)\n---\npoints : decimal(3,2)\n",
                List.of(Map.of("grade", "A", "points", new BigDecimal("4.00")),
                        Map.of("grade", "B", "points", new BigDecimal("3.00"))));
        s.lookup("LetterGrade", "grade : char(2)\n---\npoints : decimal(3,2)\n",
                List.of(Map.of("grade", "A", "points", new BigDecimal("4.00"))));
        assertEquals(2L, ((Number) s.instance().connection().query("SELECT COUNT(*) FROM " + grade.fullTableName())
                .get(0).values().iterator().next()).longValue(), "existing contents kept, nothing duplicated");
    }
}
