package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.datajoint.ConnectionException;
import org.datajoint.Instance;
import org.datajoint.PoolTimeoutException;
import org.datajoint.Table;
import org.datajoint.tck.servers.RestartableServer;
import org.junit.jupiter.api.Test;

/**
 * Faults survived with nothing half-written: a batch insert, a cascade delete and a populate cut
 * half way by a killed session (on the suite's server: only sessions the test opened) or by a
 * restart of the server (a {@link RestartableServer} of the test's own, never a shared one).
 */
public interface FaultTck extends TckTarget {

    private FaultScenarios.Fault killSession(TckContext tck) {
        Instance admin = tck.instance();
        return victim -> {
            long id = ((Number) victim.connection().query(sessionIdSql()).get(0).values().iterator().next()).longValue();
            admin.connection().execute(killSessionSql(id));
        };
    }

    private static FaultScenarios.Fault restart(RestartableServer server) {
        return victim -> server.restart();
    }

    @Test
    default void killedSessionMidBatchInsertLeavesTheTableAsItWas(TckContext tck) {
        FaultScenarios.batchInsert(this, tck.instance(), tck.schemaName("kill_insert"), killSession(tck));
    }

    @Test
    default void killedSessionMidCascadeDeleteDeletesNothing(TckContext tck) {
        FaultScenarios.cascadeDelete(tck.builder(), tck, tck.schemaName("kill_delete"), killSession(tck));
    }

    @Test
    default void killedSessionMidPopulateKeepsEachKeyWholeAndPopulateResumes(TckContext tck) {
        FaultScenarios.populate(tck.instance(), tck.schemaName("kill_populate"), killSession(tck), false);
    }

    @Test
    default void killedSessionMidPopulateWithReservedJobsLeavesAnErrorAndNoReservation(TckContext tck) {
        FaultScenarios.populate(tck.instance(), tck.schemaName("kill_jobs"), killSession(tck), true);
    }

    @Test
    default void serverRestartMidBatchInsertLeavesTheTableAsItWas(TckContext tck) {
        RestartableServer server = RestartableServer.of(backend());
        FaultScenarios.batchInsert(this, tck.track(tck.builder(server.server()).build()),
                tck.schemaName("restart_insert", server.server()), restart(server));
    }

    @Test
    default void serverRestartMidCascadeDeleteDeletesNothing(TckContext tck) {
        RestartableServer server = RestartableServer.of(backend());
        FaultScenarios.cascadeDelete(tck.builder(server.server()), tck,
                tck.schemaName("restart_delete", server.server()), restart(server));
    }

    @Test
    default void serverRestartMidPopulateKeepsEachKeyWholeAndPopulateResumes(TckContext tck) {
        RestartableServer server = RestartableServer.of(backend());
        FaultScenarios.populate(tck.track(tck.builder(server.server()).build()),
                tck.schemaName("restart_populate", server.server()), restart(server), false);
    }

    @Test
    default void serverRestartMidPopulateWithReservedJobsLeavesAnErrorAndNoReservation(TckContext tck) {
        RestartableServer server = RestartableServer.of(backend());
        FaultScenarios.populate(tck.track(tck.builder(server.server()).build()),
                tck.schemaName("restart_jobs", server.server()), restart(server), true);
    }

    @Test
    default void anOutageFailsFastAndTheInstanceWorksOnceTheServerIsBack(TckContext tck) {
        RestartableServer server = RestartableServer.of(backend());
        Instance inst = tck.track(tck.builder(server.server()).set("connection.connect_timeout", 1).build());
        Table item = inst.schema(tck.schemaName("outage", server.server()))
                .manual("Item", "item_id : int32\n---\nlabel : varchar(8)\n");
        item.insert1(Map.of("item_id", 1, "label", "a"));
        server.stop();
        try {
            ConnectionException e = null;
            for (int attempt = 0; attempt < 2; attempt++) {
                e = assertThrows(ConnectionException.class, () -> item.insert1(Map.of("item_id", 2, "label", "b")));
                assertFalse(e instanceof PoolTimeoutException, "the pool is not exhausted: " + e.getMessage());
            }
            assertTrue(e.getMessage().contains("Cannot connect") && e.getMessage().contains(
                    server.server().host() + ":" + server.server().port()), "once its connection is found lost: " + e.getMessage());
        } finally {
            server.start();
        }
        item.insert1(Map.of("item_id", 2, "label", "b"));
        assertEquals(List.of(1, 2), QueryAssertions.ids(item, "item_id"));
        assertEquals(Long.valueOf(2), inst.connection().<Long>transaction(tx -> item.count()));
    }
}
