package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.datajoint.DataJointException;
import org.datajoint.DefinitionException;
import org.datajoint.DeleteOptions;
import org.datajoint.Diagram;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.PopulateOptions;
import org.datajoint.Proj;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.junit.jupiter.api.Test;

/**
 * Names beyond ASCII: accepted where every server stores them as written (schema names, and the
 * table and column names of tables made outside DataJoint), refused with a message saying what is
 * allowed where DataJoint's grammar is ASCII (class and attribute names in definitions) or where a
 * server would refuse or cut the name.
 */
public interface UnicodeNamesTck extends TckTarget {

    @Test
    default void aPipelineWorksInASchemaNamedInAnyScript(TckContext tck) {
        String name = tck.schemaName("größe_名前");
        Lab lab = new Lab(tck.instance(), name);
        assertEquals(name, lab.schema.name());
        assertEquals(4, lab.subject.count());
        assertEquals(Lab.totalTrials(), lab.session.join(lab.trial).count());
        assertEquals(List.of(3L), lab.subject.restrict(Map.of("subject_id", 3)).aggr(lab.session, Map.of("n", "count(*)"))
                .column("n", Long.class));
        Table stats = lab.schema.computed("SessionStats", "-> Session\n---\nn_trials : int64\n",
                ctx -> ctx.insert1(ctx.key().with("n_trials", lab.trial.restrict(ctx.key()).count())));
        assertEquals(6, stats.populate(PopulateOptions.defaults().reserveJobs(true)).success());
        assertEquals(6, stats.count());
        assertEquals(name, stats.jobs().table().schemaName(), "the job queue lives in the same schema");

        Schema other = lab.instance.schema(tck.schemaName("notes"));
        Table note = other.manual("Note", "-> " + name + ".Subject\nnote_id : int32\n---\ntext : varchar(32)\n");
        note.insert1(Map.of("subject_id", 1, "note_id", 1, "text", "first"));
        assertEquals(List.of(name + ".subject"), note.parents().stream().map(t -> t.schemaName() + "." + t.tableName()).toList());

        Instance fresh = tck.instance();
        assertEquals(4, fresh.freeTable(name + ".subject").count());
        assertEquals(4, fresh.freeTable("`" + name + "`.`subject`").count());
        assertEquals(4, fresh.schema(name).table("Subject").count());
        assertTrue(Diagram.of(fresh.schema(name)).tables().stream().allMatch(t -> t.contains(name)),
                Diagram.of(fresh.schema(name)).tables().toString());
        assertTrue(Diagram.of(fresh.schema(name)).toMermaid().contains("SessionStats"));

        assertEquals(1, fresh.schema(name).table("Subject").restrict(Map.of("subject_id", 1)).delete(DeleteOptions.noPrompt()));
        assertEquals(0, note.count(), "the cascade crossed into the schema that references this one");
        assertEquals(4, stats.count());
        assertTrue(other.drop(DropOptions.noPrompt()));
        assertTrue(lab.schema.drop(DropOptions.noPrompt()));
        assertFalse(lab.schema.exists());
    }

    @Test
    default void tablesAndAttributesMadeOutsideDataJointMayBeNamedInAnyScript(TckContext tck) {
        Instance setup = tck.instance();
        Schema s = setup.schema(tck.schemaName("outside"));
        String full = setup.freeTable(s.name() + ".maß").fullTableName();
        setup.connection().execute("CREATE TABLE " + full + " (größe INTEGER NOT NULL PRIMARY KEY, 名前 VARCHAR(10))");
        assertEquals(List.of("maß"), s.listTables());

        Table t = tck.instance().freeTable(s.name() + ".maß");
        assertEquals(List.of("größe", "名前"), t.heading().names());
        assertEquals(List.of("größe"), t.heading().primaryKey());
        t.insert(List.of(Map.of("größe", 1, "名前", "eins"), Map.of("größe", 2, "名前", "zwei"),
                Map.of("größe", 3, "名前", "drei")));
        t.update1(Map.of("größe", 3, "名前", "trois"));
        assertEquals("zwei", t.restrict(Map.of("größe", 2)).fetch1().get("名前"));
        assertEquals(List.of(2), t.restrict("größe = 2").column("größe", Integer.class), "unquoted in SQL text");
        assertEquals(List.of(1), t.restrict("`名前` = 'eins'").column("größe", Integer.class), "quoted in SQL text");
        assertEquals(List.of("zwei", "trois", "eins"), t.orderBy("名前 DESC").column("名前", String.class));
        assertEquals(4L, t.restrict(Map.of("größe", 1)).proj(Proj.key().compute("länge", "char_length(名前)"))
                .fetch1().get("länge"), "a computed attribute named in any script");
        assertEquals(List.of("eins"), t.proj(Proj.key().rename("name", "名前")).restrict(Map.of("größe", 1))
                .column("name", String.class));
        assertEquals(List.of("size_of"), t.proj(Proj.all().rename("size_of", "größe")).heading().primaryKey(),
                "a bare name in any script renames the attribute, as in DataJoint for Python, keeping it in the key");
        assertTrue(t.describe().contains("größe : int32"), t.describe());
        assertEquals(1, t.restrict(Map.of("größe", 1)).deleteQuick());
        assertEquals(2, t.count());
    }

    @Test
    default void namesNoServerKeepsAsWrittenAreRefusedSayingWhatIsAllowed(TckContext tck) {
        Instance inst = tck.instance();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        for (String bad : List.of("tck_😀_" + unique, "tck with space", "tck-dash", "tck;drop", "t".repeat(65), "")) {
            DataJointException e = assertThrows(DataJointException.class, () -> inst.schema(bad), bad);
            assertTrue(bad.isEmpty() ? e.getMessage().contains("must not be empty")
                    : e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("letters and digits of any script"),
                    e.getMessage());
        }
        DataJointException table = assertThrows(DataJointException.class, () -> inst.freeTable("tck_x.t😀"));
        assertTrue(table.getMessage().contains("Basic Multilingual Plane"), table.getMessage());

        String longest = tck.schemaName("ü".repeat(25));
        assertEquals(63, longest.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        Table kept = inst.schema(longest).manual("Item", "item_id : int32\n");
        kept.insert1(Map.of("item_id", 1));
        assertEquals(1, tck.instance().freeTable(longest + ".item").count(), "a name of 63 bytes is kept whole everywhere");
        String oneMore = "tck_" + unique + "_" + "ü".repeat(25) + "x";
        Schema taken = null;
        try {
            taken = inst.schema(oneMore);
        } catch (DataJointException e) {
            assertTrue(e.getMessage().contains("'" + oneMore + "'") && e.getMessage().contains("64 bytes"), e.getMessage());
        }
        if (taken != null) {
            try {
                taken.manual("Item", "item_id : int32\n").insert1(Map.of("item_id", 2));
                assertEquals(2, tck.instance().freeTable(oneMore + ".item").fetch1().get("item_id"),
                        "a server that takes a name of 64 bytes keeps it whole");
            } finally {
                taken.drop(DropOptions.noPrompt());
            }
        }
        String cut = oneMore.substring(0, oneMore.length() - 1);
        assertFalse(tck.instance().freeTable(cut + ".item").isDeclared(), "no schema was made under the name cut short");

        Schema s = inst.schema(tck.schemaName("grammar"));
        DefinitionException cls = assertThrows(DefinitionException.class, () -> s.manual("Größe", "id : int32\n"));
        assertTrue(cls.getMessage().contains("'Größe'") && cls.getMessage().contains("ASCII"), cls.getMessage());
        DefinitionException attr = assertThrows(DefinitionException.class, () -> s.manual("Thing", "id : int32\n---\ngröße : int32\n"));
        assertTrue(attr.getMessage().contains("'größe'") && attr.getMessage().contains("ASCII"), attr.getMessage());
        Table thing = s.manual("Thing", "id : int32\n---\nsize : int32\n");
        DataJointException emoji = assertThrows(DataJointException.class,
                () -> thing.proj(Proj.key().compute("n😀", "size + 1")).toDicts());
        assertTrue(emoji.getMessage().contains("'n😀'") && emoji.getMessage().contains("Basic Multilingual Plane"),
                emoji.getMessage());
        DefinitionException part = assertThrows(DefinitionException.class, () -> thing.part("Über", "-> master\n"));
        assertTrue(part.getMessage().contains("'Über'") && part.getMessage().contains("ASCII"), part.getMessage());
        assertEquals(List.of("thing"), s.listTables().stream().filter(n -> !n.startsWith("~")).toList(), "nothing was declared");
    }
}
