package org.datajoint.engine.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datajoint.Attribute;
import org.datajoint.DataJointException;
import org.datajoint.Jobs;
import org.datajoint.Match;
import org.datajoint.Proj;
import org.datajoint.Table;
import org.datajoint.Tier;
import org.jooq.Condition;
import org.jooq.Query;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/** The jobs queue {@code ~~name} of an auto-populated table, with the columns of DataJoint's specification. */
final class JobsImpl implements Jobs {

    static final String NOW = "CURRENT_TIMESTAMP(3)";
    private static final String CURRENT_USER = "CURRENT_USER";
    private static final int MESSAGE_LENGTH = 2047;
    private static final int STACK_LENGTH = 4000;
    private static final String HOST = hostName();

    private final TableImpl target;
    private volatile TableImpl table;
    private volatile String reserveSql;
    private volatile String completeSql;

    JobsImpl(TableImpl target) {
        this.target = target;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static String tableName(String target) {
        return "~~" + target.replaceFirst("^[_#]+", "");
    }

    @Override
    public Table table() {
        return queue();
    }

    /** The queue table, declared on first use. */
    TableImpl queue() {
        TableImpl t = table;
        if (t == null) {
            InstanceImpl instance = target.instance();
            String name = tableName(target.tableName());
            t = instance.catalog().table(target.schemaName(), name).isPresent()
                    ? new TableImpl(instance, target.schemaName(), name)
                    : instance.declarations().declareNamed(target.schemaName(), name, Tier.MANUAL, definition(),
                            null, List.of());
            table = t;
        }
        return t;
    }

    private String definition() {
        StringBuilder d = new StringBuilder("# jobs of ").append(target.fullTableName()).append('\n');
        for (String k : target.qheading().primaryKey()) {
            Attribute a = target.heading().attribute(k);
            d.append(k).append(" : ").append(a.type()).append('\n');
        }
        return d.append("""
                ---
                status : enum('pending', 'reserved', 'success', 'error', 'ignore')
                priority : int16
                created_time = null : datetime(3)
                scheduled_time = null : datetime(3)
                reserved_time = null : datetime(3)
                completed_time = null : datetime(3)
                duration = null : float64
                error_message = "" : varchar(2047)
                error_stack = null : varchar(4000)
                user = "" : varchar(255)
                host = "" : varchar(255)
                pid = 0 : int64
                connection_id = 0 : int64
                version = "" : varchar(64)
                index (status, priority, scheduled_time)
                index (created_time)
                """).toString();
    }

    @Override
    public Map<String, Long> refresh(Duration delay, Integer priority, Duration orphanTimeout, Object... restrictions) {
        TableImpl q = queue();
        ConnectionImpl c = target.connection();
        int p = priority != null ? priority : c.config().getInt("jobs.default_priority");
        Map<String, Long> out = new LinkedHashMap<>();
        QueryImpl source = Populator.todo(target, restrictions);
        QueryImpl fresh = source.restricted(org.datajoint.Cond.not(target), Match.NATURAL)
                .restricted(org.datajoint.Cond.not(q), Match.NATURAL);
        long seconds = Math.max(0, delay.toSeconds());
        String scheduled = NOW + (seconds > 0 ? " + INTERVAL '" + seconds + "' SECOND" : "");
        QueryImpl rows = Projection.apply(fresh, Proj.key().compute("status", "'pending'")
                .compute("priority", Integer.toString(p)).compute("created_time", NOW)
                .compute("scheduled_time", scheduled));
        out.put("added", Rows.insertQueryCounted(q, rows));
        out.put("re_pended", c.config().getBoolean("jobs.keep_completed") ? rePend(c, source, p, scheduled) : 0L);
        int stale = c.config().getInt("jobs.stale_timeout");
        if (stale > 0) {
            QueryImpl old = q.restricted("created_time < " + NOW + " - INTERVAL '" + stale + "' SECOND", Match.NATURAL)
                    .restricted("status <> 'ignore'", Match.NATURAL);
            // created_time is indexed: the probe is cheap, the anti-join with the key source is not.
            out.put("removed", old.exists() ? DiagramDeletes.deleteRows(c,
                    old.restricted(org.datajoint.Cond.not(Populator.todo(target)), Match.NATURAL)) : 0L);
        } else {
            out.put("removed", 0L);
        }
        if (orphanTimeout != null) {
            Query requeue = c.serverRenderer().update(DSL.table(DSL.name(q.schemaName(), q.tableName())))
                    .set(DSL.field(DSL.name("status")), (Object) "pending")
                    .set(DSL.field(DSL.name("reserved_time")), (Object) null)
                    .where(DSL.field(DSL.name("status")).eq(DSL.inline("reserved")))
                    .and(DSL.condition("reserved_time < " + NOW + " - INTERVAL '" + Math.max(0, orphanTimeout.toSeconds())
                            + "' SECOND"));
            out.put("orphaned", run(c, requeue));
        } else {
            out.put("orphaned", 0L);
        }
        return out;
    }

    /** Kept successes whose row was deleted, though their key is still in the key source, are pending again. */
    private long rePend(ConnectionImpl c, QueryImpl source, int priority, String scheduled) {
        QueryImpl done = queue().restricted(Map.of("status", "success"), Match.NATURAL)
                .restricted(source, Match.NATURAL).restricted(org.datajoint.Cond.not(target), Match.NATURAL);
        Render r = new Render(c.serverRenderer());
        Query update = r.dsl().update(DSL.table(DSL.name(queue().schemaName(), queue().tableName())))
                .set(DSL.field(DSL.name("status")), (Object) "pending")
                .set(DSL.field(DSL.name("priority")), (Object) priority)
                .set(DSL.field(DSL.name("created_time")), (Object) DSL.field(NOW))
                .set(DSL.field(DSL.name("scheduled_time")), (Object) DSL.field(scheduled))
                .set(DSL.field(DSL.name("reserved_time")), (Object) null)
                .set(DSL.field(DSL.name("completed_time")), (Object) null)
                .set(DSL.field(DSL.name("duration")), (Object) null)
                .where(QueryImpl.conditions(r, done.restriction));
        return run(c, update);
    }

    /** How many times a reservation is tried in all when it conflicts with another transaction. */
    private static final int RESERVE_ATTEMPTS = 3;

    /**
     * Reserves a pending job whose time has come; false when another worker has it. The reservation
     * is one UPDATE in its own transaction, so when it conflicts with another transaction (a deadlock,
     * a lock wait timed out) it is simply run again; inside a transaction, which the conflict ended,
     * it is not.
     */
    boolean reserve(Map<String, Object> key) {
        ConnectionImpl c = target.connection();
        if (reserveSql == null) {
            reserveSql = "UPDATE " + name(c) + " SET " + col(c, "status") + " = 'reserved', " + col(c, "reserved_time")
                    + " = " + NOW + ", " + col(c, "host") + " = ?, " + col(c, "pid") + " = ?, " + col(c, "user")
                    + " = " + CURRENT_USER + ", " + col(c, "connection_id") + " = " + connectionId(c) + ", "
                    + col(c, "version") + " = ? WHERE " + keyWhere(c) + " AND " + col(c, "status")
                    + " = 'pending' AND " + col(c, "scheduled_time") + " <= " + NOW;
        }
        List<Object> values = new java.util.ArrayList<>(List.of(HOST, ProcessHandle.current().pid(), version(c)));
        values.addAll(keyValues(key));
        for (int attempt = 1; ; attempt++) {
            try {
                return update(c, reserveSql, values) == 1;
            } catch (org.datajoint.TransactionConflictException e) {
                if (attempt >= RESERVE_ATTEMPTS || c.inTransaction()) {
                    throw e;
                }
            }
        }
    }

    /** Inside the make's transaction: deletes the job, or marks it a success when completed jobs are kept. */
    void complete(Map<String, Object> key, double seconds) {
        ConnectionImpl c = target.connection();
        if (c.config().getBoolean("jobs.keep_completed")) {
            List<Object> values = new java.util.ArrayList<>(List.of(seconds));
            values.addAll(keyValues(key));
            update(c, "UPDATE " + name(c) + " SET " + col(c, "status") + " = 'success', " + col(c, "completed_time")
                    + " = " + NOW + ", " + col(c, "duration") + " = ? WHERE " + keyWhere(c), values);
        } else {
            if (completeSql == null) {
                completeSql = "DELETE FROM " + name(c) + " WHERE " + keyWhere(c);
            }
            update(c, completeSql, keyValues(key));
        }
    }

    /** The server's id of the session that runs the statement. */
    private static String connectionId(ConnectionImpl c) {
        return c.dialect().sqlDialect().family() == org.jooq.SQLDialect.POSTGRES ? "pg_backend_pid()" : "CONNECTION_ID()";
    }

    private String name(ConnectionImpl c) {
        return c.renderer().render(DSL.name(queue().schemaName(), queue().tableName()));
    }

    private static String col(ConnectionImpl c, String column) {
        return c.renderer().render(DSL.name(column));
    }

    private String keyWhere(ConnectionImpl c) {
        return String.join(" AND ", queue().qheading().primaryKey().stream().map(k -> col(c, k) + " = ?").toList());
    }

    private List<Object> keyValues(Map<String, Object> key) {
        return queue().qheading().primaryKey().stream().map(k -> queue().bound(k, key.get(k)).getValue()).toList();
    }

    private static long update(ConnectionImpl c, String sql, List<Object> values) {
        return c.run(sql, jdbc -> {
            c.countStatements(1);
            try (java.sql.PreparedStatement ps = Rows.prepare(jdbc, sql, values)) {
                return (long) ps.executeUpdate();
            }
        });
    }

    /** Records a failed make. */
    void error(Map<String, Object> key, Throwable failure, double seconds) {
        ConnectionImpl c = target.connection();
        Query q = c.serverRenderer().update(DSL.table(DSL.name(queue().schemaName(), queue().tableName())))
                .set(DSL.field(DSL.name("status")), (Object) "error")
                .set(DSL.field(DSL.name("completed_time")), (Object) DSL.field(NOW))
                .set(DSL.field(DSL.name("duration")), (Object) seconds)
                .set(DSL.field(DSL.name("error_message")), (Object) truncate(describe(failure), MESSAGE_LENGTH))
                .set(DSL.field(DSL.name("error_stack")), (Object) stack(failure, STACK_LENGTH))
                .where(keyCondition(key));
        run(c, q);
    }

    @Override
    public void ignore(Map<String, ?> key) {
        Map<String, Object> k = new LinkedHashMap<>();
        for (String a : queue().qheading().primaryKey()) {
            if (!key.containsKey(a)) {
                throw new DataJointException("ignore() needs the full key " + queue().qheading().primaryKey()
                        + "; missing '" + a + "'");
            }
            k.put(a, key.get(a));
        }
        ConnectionImpl c = target.connection();
        c.transaction(tx -> {
            Query update = c.serverRenderer().update(DSL.table(DSL.name(queue().schemaName(), queue().tableName())))
                    .set(DSL.field(DSL.name("status")), (Object) "ignore").where(keyCondition(k));
            if (run(c, update) == 0) {
                Map<String, org.jooq.Field<?>> row = new LinkedHashMap<>();
                k.forEach((a, v) -> row.put(a, queue().bound(a, v)));
                row.put("status", DSL.val("ignore"));
                row.put("priority", DSL.val(c.config().getInt("jobs.default_priority")));
                row.put("created_time", DSL.field(NOW));
                row.put("scheduled_time", DSL.field(NOW));
                row.put("user", DSL.field(CURRENT_USER));
                row.put("host", DSL.val(HOST));
                row.put("pid", DSL.val(ProcessHandle.current().pid()));
                row.put("connection_id", DSL.field(connectionId(c)));
                row.put("version", DSL.val(version(c)));
                run(c, c.serverRenderer().insertInto(DSL.table(DSL.name(queue().schemaName(), queue().tableName())),
                        row.keySet().stream().map(a -> DSL.field(DSL.name(a))).toList()).values(row.values()));
            }
            return null;
        });
    }

    @Override
    public Map<String, Long> progress() {
        TableImpl q = queue();
        List<String> statuses = List.of("pending", "reserved", "success", "error", "ignore");
        List<QueryImpl> queries = new java.util.ArrayList<>();
        statuses.forEach(s -> queries.add(q.restricted(Map.of("status", s), Match.NATURAL)));
        queries.add(q);
        long[] counts = DiagramDeletes.counts(target.connection(), queries);
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < statuses.size(); i++) {
            out.put(statuses.get(i), counts[i]);
        }
        out.put("total", counts[statuses.size()]);
        return out;
    }

    private Condition keyCondition(Map<String, Object> key) {
        return DSL.and(queue().qheading().primaryKey().stream()
                .map(k -> DSL.field(DSL.name(k)).eq(queue().bound(k, key.get(k)))).toList());
    }

    private static long run(ConnectionImpl c, Query q) {
        String sql = q.getSQL(ParamType.INDEXED);
        List<Object> values = q.getBindValues();
        return c.run(sql, jdbc -> {
            c.countStatements(1);
            try (java.sql.PreparedStatement ps = Rows.prepare(jdbc, sql, values)) {
                return (long) ps.executeUpdate();
            }
        });
    }

    /** The code version recorded with jobs and job metadata: the git short hash when {@code jobs.version_method} is git. */
    static String version(ConnectionImpl c) {
        return "git".equals(c.config().getString("jobs.version_method")) ? GitVersion.HASH : "";
    }

    /** The working directory's git commit, read once per process. */
    private static final class GitVersion {
        static final String HASH = read();

        private static String read() {
            try {
                Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                return p.waitFor() == 0 && out.length() <= 64 ? out : "";
            } catch (java.io.IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
    }

    /** The exception's simple class name, and its message when it has one. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /**
     * The stack trace, or when longer than {@code max} its head and the root cause's own trace
     * (as much as fits), so that what went wrong first is never cut off.
     */
    static String stack(Throwable failure, int max) {
        String full = trace(failure);
        if (full.length() <= max) {
            return full;
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String marker = "\n\t... (cut)\n";
        if (root == failure) {
            return full.substring(0, max - marker.length()) + marker;
        }
        String tail = truncate("Root cause: " + trace(root), max / 2);
        return full.substring(0, max - tail.length() - marker.length()) + marker + tail;
    }

    private static String trace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
