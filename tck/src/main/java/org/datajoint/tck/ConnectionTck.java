package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.datajoint.Connection;
import org.datajoint.ConnectionLostException;
import org.datajoint.DataJointException;
import org.datajoint.Instance;
import org.datajoint.QueryException;
import org.junit.jupiter.api.Test;

/** The raw connection: bound parameters, transactions, reconnection. */
public interface ConnectionTck extends TckTarget {

    private static String table(TckContext tck, Instance inst, String hint) {
        String schema = inst.schema(tck.schemaName(hint)).name();
        String full = inst.freeTable(schema + ".item").fullTableName();
        inst.connection().execute("CREATE TABLE " + full + " (id INTEGER PRIMARY KEY, label VARCHAR(200))");
        return full;
    }

    private static long sessionId(TckTarget target, Connection c) {
        return ((Number) c.query(target.sessionIdSql()).get(0).values().iterator().next()).longValue();
    }

    @Test
    default void serverIsIdentified(TckContext tck) {
        Instance inst = tck.instance();
        assertEquals(tck.backend(), inst.connection().backend());
        assertEquals(tck.server().product(), inst.connection().server().product());
        assertEquals(tck.server().version(), inst.connection().server().version());
        assertTrue(inst.connection().ping());
    }

    @Test
    default void everySessionRunsInUtc(TckContext tck) {
        Instance inst = tck.instance();
        assertSessionInUtc(inst, "the pool's first connection");
        inst.connection().withJdbc(c -> {
            assertSessionInUtc(inst, "a second connection of the pool");
            return null;
        });
    }

    private void assertSessionInUtc(Instance inst, String which) {
        String zone = inst.connection().query(sessionTimeZoneSql()).get(0).values().iterator().next().toString();
        assertEquals(java.time.ZoneOffset.UTC, java.time.ZoneId.of(zone).normalized(), which + ": " + zone);
    }

    @Test
    default void valuesTravelOnlyAsBoundParameters(TckContext tck) {
        Instance inst = tck.instance();
        String table = table(tck, inst, "bind");
        String hostile = "O'Brien \"; DROP TABLE item; -- \\ ` $1 ?";
        assertEquals(1, inst.connection().execute("INSERT INTO " + table + " (id, label) VALUES (?, ?)", 1, hostile));
        List<Map<String, Object>> rows = inst.connection().query("SELECT label FROM " + table + " WHERE label = ?", hostile);
        assertEquals(1, rows.size());
        assertEquals(hostile, rows.get(0).values().iterator().next());
        assertEquals(1L, ((Number) inst.connection().query("SELECT COUNT(*) AS n FROM " + table).get(0)
                .values().iterator().next()).longValue());
    }

    @Test
    default void transactionCommitsOnReturnAndRollsBackOnException(TckContext tck) {
        Instance inst = tck.instance();
        String table = table(tck, inst, "tx");
        Connection c = inst.connection();
        int result = c.transaction(tx -> {
            assertTrue(tx.inTransaction());
            tx.execute("INSERT INTO " + table + " VALUES (?, ?)", 1, "a");
            tx.execute("INSERT INTO " + table + " VALUES (?, ?)", 2, "b");
            return 2;
        });
        assertEquals(2, result);
        assertFalse(c.inTransaction());
        IllegalStateException boom = assertThrows(IllegalStateException.class, () -> c.transaction(tx -> {
            tx.execute("INSERT INTO " + table + " VALUES (?, ?)", 3, "c");
            tx.transaction(inner -> inner.execute("INSERT INTO " + table + " VALUES (?, ?)", 4, "d"));
            throw new IllegalStateException("boom");
        }));
        assertEquals("boom", boom.getMessage());
        assertThrows(QueryException.class, () -> c.transaction(tx -> {
            tx.execute("INSERT INTO " + table + " VALUES (?, ?)", 5, "e");
            return tx.execute("INSERT INTO " + table + " VALUES (?, ?)", 1, "duplicate");
        }));
        DataJointException checked = assertThrows(DataJointException.class, () -> c.transaction(tx -> {
            tx.execute("INSERT INTO " + table + " VALUES (?, ?)", 6, "f");
            throw new java.io.IOException("disk full");
        }));
        assertTrue(checked.getCause() instanceof java.io.IOException);
        assertEquals(List.of(1, 2), c.query("SELECT id FROM " + table + " ORDER BY id").stream()
                .map(r -> ((Number) r.get(r.keySet().iterator().next())).intValue()).toList());
    }

    @Test
    default void transactionUsesOneConnectionAndWithJdbcLendsIt(TckContext tck) {
        Instance inst = tck.instance();
        Connection c = inst.connection();
        c.transaction(tx -> {
            long first = sessionId(this, tx);
            assertEquals(first, sessionId(this, tx));
            c.withJdbc(jdbc -> {
                assertFalse(jdbc.getAutoCommit());
                return null;
            });
            return null;
        });
        Boolean autoCommit = c.withJdbc(jdbc -> jdbc.getAutoCommit());
        assertTrue(autoCommit, "outside a transaction the lent connection autocommits");
    }

    @Test
    default void reconnectsAfterTheServerKillsTheSession(TckContext tck) {
        Instance inst = tck.instance();
        Instance admin = tck.instance();
        Connection c = inst.connection();
        long before = sessionId(this, c);
        admin.connection().execute(killSessionSql(before));
        long after = sessionId(this, c);
        assertNotEquals(before, after, "a new session was opened");
        assertEquals(1, c.query("SELECT 1 AS one").size());
    }

    @Test
    default void killInsideATransactionIsReportedAsLostConnection(TckContext tck) {
        Instance inst = tck.instance();
        Instance admin = tck.instance();
        Connection c = inst.connection();
        assertThrows(ConnectionLostException.class, () -> c.transaction(tx -> {
            admin.connection().execute(killSessionSql(sessionId(this, tx)));
            Thread.sleep(200);
            return tx.query("SELECT 1 AS one");
        }));
        assertEquals(1, c.query("SELECT 1 AS one").size(), "the pool recovers afterwards");
    }

    @Test
    default void closedInstanceRefusesWork(TckContext tck) {
        Instance inst = tck.instance();
        inst.connection().query("SELECT 1");
        inst.close();
        inst.close();
        DataJointException e = assertThrows(DataJointException.class, () -> inst.connection().query("SELECT 1"));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    default void globalPatternUsesOneLazilyCreatedInstance(TckContext tck) {
        ThreadSafeModeTck.Probe result = ThreadSafeModeTck.runProbe(tck, false);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("global config same object: true"), result.output());
        assertTrue(result.output().contains("global conn query: 1"), result.output());
        assertTrue(result.output().contains("global schema exists: true"), result.output());
        assertTrue(result.output().contains("global freeTable exists: false"), result.output());
        assertTrue(result.output().contains("global schema dropped: true"), result.output());
    }
}
