package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.datajoint.DataJointException;
import org.datajoint.DuplicateKeyException;
import org.datajoint.InsertOptions;
import org.datajoint.Instance;
import org.datajoint.IntegrityException;
import org.datajoint.MissingTableException;
import org.datajoint.QueryException;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.datajoint.TransactionConflictException;
import org.datajoint.UnknownAttributeException;
import org.junit.jupiter.api.Test;

/** The same exception for the same failure on every backend, and nothing half-written. */
public interface ErrorsTck extends TckTarget {

    @Test
    default void eachFailureHasItsOwnException(TckContext tck) {
        Instance inst = tck.instance();
        Schema s = inst.schema(tck.schemaName("errors"));
        Table parent = s.manual("Parent", "parent_id : int32\n---\nlabel = '' : varchar(20)\n");
        Table child = s.manual("Child", "-> Parent\nchild_id : int32\n");
        parent.insert1(Map.of("parent_id", 1));
        child.insert1(Map.of("parent_id", 1, "child_id", 1));
        IntegrityException missingParent = assertThrows(IntegrityException.class,
                () -> child.insert1(Map.of("parent_id", 2, "child_id", 1)));
        assertTrue(missingParent.getMessage().contains("child"), missingParent.getMessage());
        assertThrows(IntegrityException.class,
                () -> inst.connection().execute("DELETE FROM " + parent.fullTableName() + " WHERE parent_id = ?", 1));
        assertThrows(DuplicateKeyException.class, () -> parent.insert1(Map.of("parent_id", 1)));
        assertThrows(MissingTableException.class,
                () -> inst.connection().query("SELECT * FROM " + inst.freeTable(s.name() + ".nowhere").fullTableName()));
        assertThrows(UnknownAttributeException.class,
                () -> inst.connection().query("SELECT no_such_column FROM " + parent.fullTableName()));
        assertEquals(1, parent.count());
        assertEquals(1, child.count());
    }

    @Test
    default void aFailedRowInTheMiddleOfABatchLeavesTheTableAsItWas(TckContext tck) {
        Table t = tck.instance().schema(tck.schemaName("batch")).manual("Item",
                "item_id : int32\n---\nlabel : varchar(40)\n");
        t.insert1(Map.of("item_id", -1, "label", "before"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(Map.of("item_id", i == 5_000 ? -1 : i, "label", "row " + i));
        }
        assertThrows(DuplicateKeyException.class, () -> t.insert(rows));
        assertEquals(List.of(Map.of("item_id", -1, "label", "before")), t.toDicts());
    }

    @Test
    default void hostileStringsAreStoredVerbatimOrRefused(TckContext tck) {
        Instance inst = tck.instance();
        Schema s = inst.schema(tck.schemaName("hostile"));
        Table t = s.manual("Note", "note_id : int32\n---\ntext : varchar(200)\n");
        Table bystander = s.manual("Bystander", "id : int32\n");
        bystander.insert1(Map.of("id", 1));
        List<String> hostile = List.of("'; DROP TABLE bystander; --", "\"; DROP TABLE bystander; --",
                "back\\slash \\' \\\"", "`bystander`", "emoji 🎉🧪 and 日本語", "percent % and underscore _",
                "$1 ? :name");
        for (int i = 0; i < hostile.size(); i++) {
            t.insert1(Map.of("note_id", i, "text", hostile.get(i)));
        }
        Map<Integer, String> stored = new HashMap<>();
        t.toDicts().forEach(row -> stored.put((Integer) row.get("note_id"), (String) row.get("text")));
        Map<Integer, String> expected = new HashMap<>();
        for (int i = 0; i < hostile.size(); i++) {
            expected.put(i, hostile.get(i));
        }
        assertEquals(expected, stored);
        for (String key : List.of("text`; DROP TABLE bystander; --", "text\"", "text'", "te\u0000xt", "te\\xt",
                "text🎉")) {
            Map<String, Object> row = new HashMap<>();
            row.put("note_id", 100);
            row.put(key, "x");
            assertThrows(UnknownAttributeException.class, () -> t.insert1(row), key);
        }
        String nul = "nul\u0000byte";
        try {
            t.insert1(Map.of("note_id", 200, "text", nul));
            assertEquals(nul, t.toDicts().stream().filter(r -> r.get("note_id").equals(200)).findFirst().orElseThrow()
                    .get("text"), "a NUL character is stored verbatim where the server accepts it");
        } catch (org.datajoint.QueryException refused) {
            assertTrue(t.toDicts().stream().noneMatch(r -> r.get("note_id").equals(200)), "or refused, and not stored");
        }
        assertEquals(1, bystander.count());
        assertEquals(List.of("bystander", "note"), s.listTables().stream().filter(n -> !n.startsWith("~")).toList());
    }

    @Test
    default void directInsertsIntoAutoPopulatedTablesNeedPermission(TckContext tck) {
        Schema s = tck.instance().schema(tck.schemaName("auto"));
        Table session = s.manual("Session", "session_id : int32\n");
        Table stats = s.computed("Stats", "-> Session\n---\nn : int64\n");
        Table scan = s.imported("Scan", "-> Session\n---\npath : varchar(100)\n");
        session.insert1(Map.of("session_id", 1));
        DataJointException refused = assertThrows(DataJointException.class,
                () -> stats.insert1(Map.of("session_id", 1, "n", 3L)));
        assertTrue(refused.getMessage().contains("populate"), refused.getMessage());
        DataJointException imported = assertThrows(DataJointException.class,
                () -> scan.insert1(Map.of("session_id", 1, "path", "/x")));
        assertTrue(imported.getMessage().contains("populate"), imported.getMessage());
        stats.insert(List.of(Map.of("session_id", 1, "n", 3L)),
                InsertOptions.defaults().withAllowDirectInsert());
        assertEquals(1, stats.count());
        assertEquals(0, scan.count());
    }

    @Test
    default void aMissingPrivilegeAndBadSqlHaveTheirOwnExceptions(TckContext tck) {
        Instance admin = tck.instance();
        Schema s = admin.schema(tck.schemaName("private"));
        Table secret = s.manual("Secret", "secret_id : int32\n");
        secret.insert1(Map.of("secret_id", 1));
        QueryException syntax = assertThrows(QueryException.class, () -> admin.connection().query("SELEC 1"));
        assertEquals(QueryException.class, syntax.getClass(), "a syntax error is a plain QueryException");
        String user = "dj_tck_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin.connection().execute(createUserSql(user, "Right1234"));
        try {
            Instance guest = tck.track(tck.builder().user(user).password("Right1234").build());
            assertThrows(org.datajoint.AccessDeniedException.class,
                    () -> guest.connection().query("SELECT * FROM " + secret.fullTableName()));
            assertEquals(1, secret.count());
        } finally {
            admin.connection().execute(dropUserSql(user));
        }
    }

    /**
     * Two transactions that each update the row the other holds: the server aborts one of them, which
     * surfaces as a {@link TransactionConflictException} out of {@code transaction}, with none of its
     * writes kept; the other commits.
     */
    @Test
    default void aDeadlockIsATransactionConflictAndLeavesNothingOfTheLoser(TckContext tck) throws Exception {
        Instance inst = tck.instance();
        Table account = twoAccounts(inst.schema(tck.schemaName("deadlock")));
        String update = "UPDATE " + account.fullTableName() + " SET balance = balance + ? WHERE account_id = ?";
        CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> sides = new ArrayList<>();
            for (int side = 0; side < 2; side++) {
                int first = side + 1;
                int amount = side == 0 ? 10 : 100;
                sides.add(pool.submit(() -> inst.connection().transaction(c -> {
                    c.execute(update, amount, first);
                    bothHoldOneRow.await(30, TimeUnit.SECONDS);
                    c.execute(update, amount, 3 - first);
                    return amount;
                })));
            }
            List<Object> committed = new ArrayList<>();
            List<Throwable> failed = new ArrayList<>();
            for (Future<Object> f : sides) {
                try {
                    committed.add(f.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    failed.add(e.getCause());
                }
            }
            assertEquals(1, failed.size(), "exactly one side is aborted: " + failed);
            TransactionConflictException conflict = assertInstanceOf(TransactionConflictException.class,
                    failed.get(0));
            assertTrue(conflict.getMessage().contains("run the whole transaction again"), conflict.getMessage());
            int winner = (Integer) committed.get(0);
            assertEquals(Map.of(1, winner, 2, winner), account.toDicts().stream().collect(
                    Collectors.toMap(r -> (Integer) r.get("account_id"), r -> (Integer) r.get("balance"))));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A conflict inside a nested transaction: PostgreSQL undoes only the savepoint, and the outer
     * transaction goes on and commits its own writes; MySQL aborts the whole transaction, so the
     * outer one must not commit what is left of it as if nothing were lost. Either its commit keeps
     * everything it wrote before the nested one, or it throws and keeps nothing.
     */
    @Test
    default void aConflictInsideANestedTransactionNeverCommitsHalfOfTheOuterOne(TckContext tck) throws Exception {
        Instance inst = tck.instance();
        Schema s = inst.schema(tck.schemaName("nestedconflict"));
        Table account = twoAccounts(s);
        Table note = s.manual("Note", "note_id : int32\n");
        String update = "UPDATE " + account.fullTableName() + " SET balance = balance + 1 WHERE account_id = ?";
        CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> outer = pool.submit(() -> inst.connection().transaction(c -> {
                note.insert1(Map.of("note_id", 1));
                try {
                    c.transaction(inner -> {
                        inner.execute(update, 1);
                        bothHoldOneRow.await(30, TimeUnit.SECONDS);
                        return inner.execute(update, 2);
                    });
                    return false;
                } catch (TransactionConflictException e) {
                    return true;
                }
            }));
            Future<Object> heavier = pool.submit(() -> inst.connection().transaction(c -> {
                List<Map<String, Object>> many = new ArrayList<>();
                for (int i = 100; i < 400; i++) {
                    many.add(Map.of("note_id", i));
                }
                note.insert(many);
                c.execute(update, 2);
                bothHoldOneRow.await(30, TimeUnit.SECONDS);
                Thread.sleep(300);
                return c.execute(update, 1);
            }));
            heavier.get(60, TimeUnit.SECONDS);
            boolean committed;
            try {
                assertTrue(outer.get(60, TimeUnit.SECONDS),
                        "the nested transaction, waiting first and lighter, is the one aborted");
                committed = true;
            } catch (ExecutionException e) {
                assertInstanceOf(TransactionConflictException.class, e.getCause());
                committed = false;
            }
            assertEquals(committed, note.restrict(Map.of("note_id", 1)).exists(),
                    committed ? "the outer transaction committed without its own write" : "a failed commit kept a write");
            assertEquals(List.of(1, 1), account.toDicts().stream().map(r -> r.get("balance")).toList(),
                    "only the other transaction's updates are kept");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Accounts 1 and 2, both with a balance of 0, for two transactions to fight over. */
    private static Table twoAccounts(Schema s) {
        Table account = s.manual("Account", "account_id : int32\n---\nbalance : int32\n");
        account.insert(List.of(Map.of("account_id", 1, "balance", 0), Map.of("account_id", 2, "balance", 0)));
        return account;
    }
}
