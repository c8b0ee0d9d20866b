package org.datajoint.engine.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datajoint.AccessDeniedException;
import org.datajoint.ConfirmationException;
import org.datajoint.DataJointException;
import org.datajoint.DeleteOptions;
import org.datajoint.IntegrityException;
import org.datajoint.PartIntegrity;
import org.datajoint.engine.internal.Dependencies.Node;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counting and deleting the rows of a diagram. */
final class DiagramDeletes {

    private static final Logger LOG = LoggerFactory.getLogger(DiagramDeletes.class);

    /** Thrown inside the transaction when the confirmer declines, to roll it back. */
    private static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Declined() {
            super("declined", null, false, false);
        }
    }

    private DiagramDeletes() {
    }

    /** The rows of each table as restricted in the diagram, by full name, in the given order; one statement. */
    static Map<String, Long> counts(DiagramImpl d, List<Node> nodes) {
        List<QueryImpl> queries = nodes.stream().<QueryImpl>map(d::restrictedTable).toList();
        long[] counts = counts(d.instance().connectionImpl(), queries);
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            out.put(d.fullName(nodes.get(i)), counts[i]);
        }
        return out;
    }

    /** The row count of every query, all taken by one SELECT of scalar subqueries (one snapshot). */
    static long[] counts(ConnectionImpl connection, List<QueryImpl> queries) {
        if (queries.isEmpty()) {
            return new long[0];
        }
        Render r = new Render(connection.serverRenderer());
        List<Field<?>> fields = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            QueryImpl q = queries.get(i);
            List<String> key = q.qheading().primaryKey().isEmpty() ? q.qheading().names() : q.qheading().primaryKey();
            var count = r.dsl().selectCount().from(q.select(r, key, false).asTable(r.nextAlias()));
            fields.add(DSL.field(count).as("c" + i));
        }
        var select = r.dsl().select(fields);
        String sql = select.getSQL(ParamType.INDEXED);
        List<Object> values = select.getBindValues();
        return connection.run(sql, jdbc -> {
            connection.countStatements(1);
            try (PreparedStatement ps = Rows.prepare(jdbc, sql, values); ResultSet rs = ps.executeQuery()) {
                rs.next();
                long[] out = new long[queries.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = rs.getLong(i + 1);
                }
                return out;
            }
        });
    }

    /** Executes a cascade diagram; see {@link org.datajoint.Diagram#delete(DeleteOptions)}. */
    static long delete(DiagramImpl d, DeleteOptions options) {
        ConnectionImpl connection = d.instance().connectionImpl();
        boolean prompt = options.shouldPrompt(connection.config());
        if (prompt && connection.inTransaction()) {
            throw new ConfirmationException("Cannot ask to confirm a delete from " + d.fullName(d.seed())
                    + " inside an open transaction: declining could not undo deletes made in it. Delete outside the"
                    + " transaction, or pass DeleteOptions.noPrompt() to delete as part of it");
        }
        List<Node> leavesFirst = new ArrayList<>(d.order().stream().filter(d::isRestricted).toList());
        java.util.Collections.reverse(leavesFirst);
        Map<Node, Long> deleted = new LinkedHashMap<>();
        Node[] current = new Node[1];
        try {
            connection.transaction(tx -> {
                if (d.partIntegrity() == PartIntegrity.ENFORCE) {
                    checkParts(d);
                }
                for (Node n : leavesFirst) {
                    current[0] = n;
                    deleted.put(n, deleteRows(connection, d.restrictedTable(n)));
                }
                current[0] = null;
                long total = deleted.values().stream().mapToLong(Long::longValue).sum();
                if (total == 0 && !prompt) {
                    return null;
                }
                String listed = d.order().stream().filter(deleted::containsKey)
                        .map(n -> "  " + d.fullName(n) + ": " + deleted.get(n) + " rows")
                        .collect(java.util.stream.Collectors.joining("\n"));
                if (total > 0) {
                    LOG.info("Deleting {} rows from {} tables:\n{}", total, deleted.size(), listed);
                }
                if (prompt) {
                    String question = "About to delete:\n" + listed + "\nCommit deletes? [yes/No]";
                    if (!connection.config().confirmer().confirm(question)) {
                        throw new Declined();
                    }
                }
                return null;
            });
        } catch (Declined e) {
            LOG.info("Deletes cancelled; nothing was deleted");
            return 0;
        } catch (IntegrityException e) {
            if (current[0] == null) {
                throw e;
            }
            throw DeleteBlocked.of(d, current[0], e);
        } catch (AccessDeniedException e) {
            if (current[0] == null) {
                throw e;
            }
            Node n = current[0];
            throw new AccessDeniedException("Cannot delete the rows of " + d.fullName(n) + " in schema "
                    + d.instance().connectionImpl().renderer().render(DSL.name(n.schema())) + " that depend on "
                    + d.fullName(d.seed()) + ": this user may not delete there. Ask for DELETE privileges on that"
                    + " schema, or have its rows deleted first. Nothing was deleted. Server said: " + e.getMessage(), e);
        }
        LOG.info("Deletes committed");
        return deleted.getOrDefault(d.seed(), 0L);
    }

    /** Deletes the rows of a restricted table in one statement, returning how many went. */
    static long deleteRows(ConnectionImpl connection, QueryImpl restricted) {
        QueryImpl.Statement statement = restricted.planned(" delete", () -> {
            Render r = new Render(connection.serverRenderer());
            QueryImpl.TableRef ref = (QueryImpl.TableRef) restricted.support().get(0);
            Query delete = r.dsl().deleteFrom(DSL.table(DSL.name(ref.schema(), ref.table())))
                    .where(QueryImpl.conditions(r, restricted.restriction));
            return new QueryImpl.Statement(delete.getSQL(ParamType.INDEXED), delete.getBindValues(), List.of(), delete);
        });
        String sql = statement.sql();
        List<Object> values = statement.values();
        return connection.run(sql, jdbc -> {
            connection.countStatements(1);
            try (PreparedStatement ps = Rows.prepare(jdbc, sql, values)) {
                return (long) ps.executeUpdate();
            }
        });
    }

    /**
     * Part integrity, row by row: every part row to be deleted must have deleted with it each
     * master row it reaches through any foreign-key path (see {@link PartPaths}). All parts are
     * checked in one statement.
     */
    private static void checkParts(DiagramImpl d) {
        List<PartPaths> parts = new ArrayList<>();
        List<Node> names = new ArrayList<>();
        List<QueryImpl> orphans = new ArrayList<>();
        for (Node part : d.order()) {
            if (!d.isRestricted(part)) {
                continue;
            }
            PartPaths.of(d, part).filter(p -> !p.safeByConstruction()).ifPresent(p -> {
                QueryImpl rows = p.orphans();
                if (rows != null) {
                    parts.add(p);
                    names.add(part);
                    orphans.add(rows);
                }
            });
        }
        long[] counts = counts(d.instance().connectionImpl(), orphans);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                throw new DataJointException("Cannot delete " + counts[i] + " rows of part table "
                        + d.fullName(names.get(i)) + " without their master rows in " + d.fullName(parts.get(i).master())
                        + " (a part row goes only with every master row it references, through any foreign-key path)."
                        + " Nothing was deleted. Delete from the master instead, pass PartIntegrity.CASCADE to delete"
                        + " those master rows too, or PartIntegrity.IGNORE to leave the compositions incomplete");
            }
        }
    }
}
