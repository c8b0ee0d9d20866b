package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datajoint.DataJointException;
import org.datajoint.DropOptions;
import org.datajoint.PartIntegrity;
import org.datajoint.engine.internal.Dependencies.Node;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dropping tables with everything that depends on them, leaves first, after confirmation. */
final class Drops {

    private static final Logger LOG = LoggerFactory.getLogger(Drops.class);

    private Drops() {
    }

    /** {@code Table.drop}: the table and its descendants in every schema. */
    static void dropTable(TableImpl table, DropOptions options) {
        table.catalogTable();
        if (!table.restriction.isEmpty()) {
            throw new DataJointException("A restricted table cannot be dropped: " + table.fullTableName() + " is"
                    + " restricted. Drop the table itself (unrestricted), or delete the rows");
        }
        if (options.partIntegrity() == PartIntegrity.CASCADE) {
            throw new DataJointException("PartIntegrity.CASCADE is not supported for drop: it would drop the master"
                    + " of " + table.fullTableName() + " and all its parts; drop the master instead");
        }
        InstanceImpl instance = table.instance();
        instance.catalog().loadReferencingSchemas();
        Dependencies g = instance.catalog().dependencies();
        List<Node> nodes = new ArrayList<>();
        nodes.add(table.node());
        nodes.addAll(g.descendants(table.node()));
        if (options.partIntegrity() == PartIntegrity.ENFORCE) {
            requireMasters(instance, nodes);
        }
        drop(instance, nodes, options, "table " + table.fullTableName());
    }

    /** Refuses to drop a part table without its master, naming both. */
    static void requireMasters(InstanceImpl instance, List<Node> nodes) {
        Set<Node> dropped = new LinkedHashSet<>(nodes);
        DiagramImpl view = DiagramImpl.ofNodes(instance, nodes);
        for (Node n : nodes) {
            Node master = DiagramImpl.masterOf(n);
            if (master != null && !dropped.contains(master)) {
                throw new DataJointException("Attempt to drop part table " + view.fullName(n) + " before its master "
                        + view.fullName(master) + ". Drop the master " + view.fullName(master) + " (it drops its"
                        + " parts), or pass DropOptions.defaults().withPartIntegrity(PartIntegrity.IGNORE) to drop the"
                        + " part without it");
            }
        }
    }

    /**
     * Drops {@code nodes} (parents first in the list), leaves first, after asking when the
     * options say so. Returns whether they were dropped.
     */
    static boolean drop(InstanceImpl instance, List<Node> nodes, DropOptions options, String what) {
        ConnectionImpl connection = instance.connectionImpl();
        DiagramImpl view = DiagramImpl.ofNodes(instance, nodes);
        if (options.shouldPrompt(connection.config()) && !nodes.isEmpty()) {
            Map<String, Long> rows = DiagramDeletes.counts(view, nodes);
            StringBuilder q = new StringBuilder("About to drop ").append(what).append(" and ").append(nodes.size() - 1)
                    .append(" dependent tables:\n");
            rows.forEach((t, n) -> q.append("  ").append(t).append(" (").append(n).append(" rows)\n"));
            q.append("Proceed? [yes/No]");
            if (!connection.config().confirmer().confirm(q.toString())) {
                LOG.info("Drop of {} cancelled", what);
                return false;
            }
        }
        List<Node> leavesFirst = new ArrayList<>(nodes);
        Collections.reverse(leavesFirst);
        Set<String> schemas = new LinkedHashSet<>();
        connection.transaction(tx -> {
            for (Node n : leavesFirst) {
                connection.execute(connection.serverRenderer().dropTable(DSL.name(n.schema(), n.table())).getSQL());
                schemas.add(n.schema());
                if (instance.catalog().hasLineage(n.schema())) {
                    connection.execute("DELETE FROM " + connection.renderer().render(DSL.name(n.schema(), Lineage.TABLE))
                            + " WHERE table_name = ?", n.table());
                }
                LOG.info("Dropped table {}", view.fullName(n));
            }
            return null;
        });
        schemas.forEach(instance.catalog()::invalidate);
        return true;
    }
}
