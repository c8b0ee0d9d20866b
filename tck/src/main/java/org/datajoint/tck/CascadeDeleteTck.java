package org.datajoint.tck;

import static org.datajoint.tck.QueryAssertions.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.datajoint.ConfirmationException;
import org.datajoint.Connection;
import org.datajoint.DataJointException;
import org.datajoint.DeleteOptions;
import org.datajoint.Diagram;
import org.datajoint.Instance;
import org.datajoint.IntegrityException;
import org.datajoint.PartIntegrity;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.junit.jupiter.api.Test;

/** Cascade deletes: transactions, part integrity row by row along every path, rows added while a delete runs. */
public interface CascadeDeleteTck extends TckTarget {

    @Test
    default void aDeleteThatWouldAskIsRefusedInsideAnOpenTransactionAndOneThatWouldNotJoinsIt(TckContext tck) {
        DiagramTck.Pipeline p = new DiagramTck.Pipeline(tck);
        List<String> asked = new ArrayList<>();
        p.instance.config().confirmer(q -> {
            asked.add(q);
            return false;
        });
        Table m1 = p.subject.restrict(Map.of("subject_id", "M001"));
        Connection c = p.instance.connection();
        ConfirmationException e = assertThrows(ConfirmationException.class,
                () -> c.transaction(tx -> m1.delete(DeleteOptions.prompt())));
        assertTrue(e.getMessage().contains("transaction") && e.getMessage().contains("noPrompt()")
                && e.getMessage().contains(p.subject.fullTableName()), e.getMessage());
        assertEquals(List.of(), asked, "refused before deleting or asking");
        assertEquals(2, p.subject.count());
        assertEquals(75, p.trial.count(), "nothing was deleted in the caller's transaction");
        p.instance.config().set("safemode", true);
        assertThrows(ConfirmationException.class, () -> c.transaction(tx -> Diagram.of(p.schema).cascade(m1).delete()));
        assertEquals(75, p.trial.count());
        assertThrows(IllegalStateException.class, () -> c.transaction(tx -> {
            assertEquals(1, m1.delete(DeleteOptions.noPrompt()));
            assertEquals(0, p.trial.restrict(Map.of("subject_id", "M001")).count(), "seen inside the transaction");
            throw new IllegalStateException("abort");
        }));
        assertEquals(75, p.trial.count(), "an unprompted delete joins the caller's transaction and rolls back with it");
        assertEquals(1L, (long) c.transaction(tx -> m1.delete(DeleteOptions.noPrompt())));
        assertEquals(30, p.trial.count(), "and commits with it");
        assertEquals(List.of(), asked);
    }

    @Test
    default void aPartReachingItsMasterOnlyThroughRenamedColumnsIsCheckedRowByRow(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("renamed"));
        Table lab = s.manual("Lab", "lab : int32\n");
        Table subject = s.manual("Subject", "-> Lab\nsubject_id : int32\n");
        Table session = subject.part("Session", "-> master\nsession_id : int32\n");
        Table device = s.manual("Device", "-> Lab.proj(owner='lab')\ndevice_id : int32\n");
        Table recording = subject.part("Recording", "-> Subject.Session.proj(src_lab='lab', src_subject='subject_id',"
                + " src_session='session_id')\nrecording_id : int32\n---\n-> Device\n");
        lab.insert(List.of(Map.of("lab", 1), Map.of("lab", 2)));
        subject.insert(List.of(Map.of("lab", 1, "subject_id", 1), Map.of("lab", 2, "subject_id", 1)));
        session.insert(List.of(Map.of("lab", 1, "subject_id", 1, "session_id", 1),
                Map.of("lab", 2, "subject_id", 1, "session_id", 1)));
        device.insert1(Map.of("owner", 1, "device_id", 1));
        recording.insert(List.of(
                Map.of("src_lab", 1, "src_subject", 1, "src_session", 1, "recording_id", 5, "owner", 1, "device_id", 1),
                Map.of("src_lab", 2, "src_subject", 1, "src_session", 1, "recording_id", 7, "owner", 1, "device_id", 1)));
        Table lab1 = lab.restrict(Map.of("lab", 1));
        DataJointException e = assertThrows(DataJointException.class, () -> lab1.delete(DeleteOptions.noPrompt()));
        assertTrue(e.getMessage().contains("1 rows of part table " + recording.fullTableName())
                && e.getMessage().contains(subject.fullTableName()), e.getMessage());
        assertEquals(2, recording.count(), "recording 7 would go while its master, subject (2, 1), stays");
        assertEquals(2, lab.count());
        assertEquals(2L, Diagram.of(s).cascade(lab1, PartIntegrity.CASCADE).preview().get(subject.fullTableName()),
                "CASCADE reaches recording 7's master through the renamed key");
        assertEquals(1, subject.restrict(Map.of("lab", 1, "subject_id", 1)).delete(DeleteOptions.noPrompt()),
                "a master takes its own parts, reached through renamed columns");
        assertEquals(List.of(7), ids(recording, "recording_id"));
        assertEquals(1, session.count());
    }

    @Test
    default void aPartRowGoesOnlyWithEveryMasterRowItReferencesEvenThroughASecondRenamedKey(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("links"));
        Table mouse = s.manual("Mouse", "mouse : int32\n");
        Table link = mouse.part("Link", "-> master\n-> Mouse.proj(other='mouse')\n");
        mouse.insert(List.of(Map.of("mouse", 1), Map.of("mouse", 2), Map.of("mouse", 3)));
        link.insert(List.of(Map.of("mouse", 1, "other", 2), Map.of("mouse", 3, "other", 1)));
        Table two = mouse.restrict(Map.of("mouse", 2));
        DataJointException e = assertThrows(DataJointException.class, () -> two.delete(DeleteOptions.noPrompt()));
        assertTrue(e.getMessage().contains("1 rows of part table " + link.fullTableName()), e.getMessage());
        assertEquals(3, mouse.count());
        assertEquals(2, link.count(), "link (1, 2) belongs to mouse 1, which stays: nothing was deleted");
        Map<String, Long> cascade = Diagram.of(s).cascade(two, PartIntegrity.CASCADE).preview();
        assertEquals(3L, cascade.get(mouse.fullTableName()), "CASCADE follows both keys up, then down again");
        assertEquals(2L, cascade.get(link.fullTableName()));
        assertEquals(1, two.delete(DeleteOptions.noPrompt().partIntegrity(PartIntegrity.IGNORE)));
        assertEquals(List.of(3), ids(link, "mouse"));
    }

    @Test
    default void thePartWalkFollowsEveryPathToTheMaster(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("paths"));
        Table m = s.manual("M", "m : int32\n");
        Table a = m.part("A", "-> master\na : int32\n");
        Table b = m.part("B", "-> master\n-> M.A.proj(src_m='m', src_a='a')\nb : int32\n");
        m.insert(List.of(Map.of("m", 1), Map.of("m", 2), Map.of("m", 3)));
        a.insert(List.of(Map.of("m", 1, "a", 1), Map.of("m", 2, "a", 1), Map.of("m", 3, "a", 1)));
        b.insert(List.of(Map.of("m", 2, "src_m", 1, "src_a", 1, "b", 1), Map.of("m", 3, "src_m", 3, "src_a", 1, "b", 1)));
        Table seed = b.restrict(Map.of("m", 2, "b", 1));
        Map<String, Long> preview = Diagram.of(s).cascade(seed, PartIntegrity.CASCADE).preview();
        assertEquals(2L, preview.get(m.fullTableName()), "master 2 directly, master 1 through part A");
        assertEquals(2L, preview.get(a.fullTableName()));
        DataJointException e = assertThrows(DataJointException.class,
                () -> m.restrict(Map.of("m", 1)).delete(DeleteOptions.noPrompt()));
        assertTrue(e.getMessage().contains(b.fullTableName()), e.getMessage());
        assertEquals(1, seed.delete(DeleteOptions.noPrompt().partIntegrity(PartIntegrity.CASCADE)));
        assertEquals(List.of(3), ids(m, "m"));
        assertEquals(List.of(3), ids(b, "m"));
        assertEquals(1, m.restrict(Map.of("m", 3)).delete(DeleteOptions.noPrompt()), "one path, one master: allowed");
    }

    @Test
    default void diagramDeleteRefusesOptionsContradictingThePartIntegrityItWasPlannedWith(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("planned"));
        Table mouse = s.manual("Mouse", "mouse : int32\n");
        Table link = mouse.part("Link", "-> master\n-> Mouse.proj(other='mouse')\n");
        mouse.insert(List.of(Map.of("mouse", 1), Map.of("mouse", 2)));
        link.insert1(Map.of("mouse", 1, "other", 2));
        Table two = mouse.restrict(Map.of("mouse", 2));
        Diagram enforce = Diagram.of(s).cascade(two);
        DataJointException e = assertThrows(DataJointException.class,
                () -> enforce.delete(DeleteOptions.noPrompt().partIntegrity(PartIntegrity.IGNORE)));
        assertTrue(e.getMessage().contains("IGNORE") && e.getMessage().contains("ENFORCE"), e.getMessage());
        assertEquals(1, link.count());
        Diagram cascade = Diagram.of(s).cascade(two, PartIntegrity.CASCADE);
        assertThrows(DataJointException.class,
                () -> cascade.delete(DeleteOptions.noPrompt().partIntegrity(PartIntegrity.ENFORCE)));
        assertEquals(2, mouse.count());
        Diagram ignore = Diagram.of(s).cascade(two, PartIntegrity.IGNORE);
        assertEquals(1, ignore.delete(DeleteOptions.noPrompt().partIntegrity(PartIntegrity.IGNORE)), "same mode: runs");
        assertEquals(List.of(1), ids(mouse, "mouse"));
        assertEquals(0, link.count());
        mouse.insert1(Map.of("mouse", 2));
        link.insert1(Map.of("mouse", 1, "other", 2));
        assertEquals(2, Diagram.of(s).cascade(two, PartIntegrity.CASCADE).delete(DeleteOptions.noPrompt()),
                "options that leave the mode out follow the plan: mouse 1 goes with its link to mouse 2");
        assertEquals(0, mouse.count());
    }

    @Test
    default void rowsInsertedIntoAPlannedChildBeforeOrWhileTheDeleteRunsAreDeletedOrRefused(TckContext tck) {
        DiagramTck.Pipeline p = new DiagramTck.Pipeline(tck);
        Diagram planned = Diagram.of(p.schema).cascade(p.subject.restrict(Map.of("subject_id", "M001")));
        assertEquals(45L, planned.preview().get(p.trial.fullTableName()));
        try (Instance other = tck.builder().build()) {
            other.schema(p.schema.name()).table("Trial").insert1(Map.of("subject_id", "M001", "session_idx", 1,
                    "trial_idx", 99));
        }
        assertEquals(1, planned.delete(DeleteOptions.noPrompt()));
        assertEquals(0, p.trial.restrict(Map.of("subject_id", "M001")).count(), "a row added after planning goes too");
        assertEquals(30, p.trial.count());
        AtomicReference<Throwable> insertFailure = new AtomicReference<>();
        Thread[] inserter = new Thread[1];
        try (Instance other = tck.builder().build()) {
            Table trial = other.schema(p.schema.name()).table("Trial");
            p.instance.config().confirmer(q -> {
                inserter[0] = new Thread(() -> {
                    try {
                        trial.insert1(Map.of("subject_id", "M002", "session_idx", 1, "trial_idx", 99));
                    } catch (Throwable t) {
                        insertFailure.set(t);
                    }
                });
                inserter[0].start();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                return true;
            });
            assertEquals(1, p.subject.restrict(Map.of("subject_id", "M002")).delete(DeleteOptions.prompt()));
            try {
                inserter[0].join(60_000);
            } catch (InterruptedException ex) {
                throw new AssertionError(ex);
            }
            assertFalse(inserter[0].isAlive());
        }
        assertTrue(insertFailure.get() instanceof IntegrityException, "the concurrent insert waited for the delete,"
                + " then found its session gone: " + insertFailure.get());
        assertEquals(0, p.trial.count());
        assertEquals(0, p.session.count());
        assertEquals(0, p.subject.count());
    }

    @Test
    default void aDescendantHiddenByPrivilegesFailsTheDeleteNamingItsSchema(TckContext tck) {
        Instance admin = tck.instance();
        Schema visible = admin.schema(tck.schemaName("visible"));
        Schema hidden = admin.schema(tck.schemaName("hidden"));
        Table subject = visible.manual("Subject", "subject_id : int32\n");
        Table note = hidden.manual("Note", "-> " + visible.name() + ".Subject\nnote : int32\n");
        subject.insert1(Map.of("subject_id", 1));
        note.insert1(Map.of("subject_id", 1, "note", 1));
        String user = "dj_tck_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin.connection().execute(createUserSql(user, "Right1234"));
        try {
            for (String grant : grantSchemaSql(visible.name(), user)) {
                admin.connection().execute(grant);
            }
            Instance limited = tck.track(tck.builder().user(user).password("Right1234").build());
            Table mine = limited.freeTable(visible.name() + ".subject");
            DataJointException e = assertThrows(DataJointException.class,
                    () -> mine.restrict(Map.of("subject_id", 1)).delete(DeleteOptions.noPrompt()));
            String ours = e.getMessage().contains("Server said") ? e.getMessage().split("Server said", 2)[0] : "";
            assertTrue(ours.contains(hidden.name()) && ours.contains(visible.name()),
                    "names the hidden schema, not only in the server's words: " + e.getMessage());
            assertEquals(1, subject.count(), "nothing was deleted");
            assertEquals(1, note.count());
        } finally {
            hidden.drop(org.datajoint.DropOptions.noPrompt());
            visible.drop(org.datajoint.DropOptions.noPrompt());
            admin.connection().execute(dropUserSql(user));
        }
    }
}
