package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datajoint.DataJointException;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.MissingTableException;
import org.datajoint.Schema;
import org.datajoint.Table;
import org.datajoint.Tier;
import org.datajoint.engine.spi.CatalogTable;
import org.jooq.DropSchemaFinalStep;
import org.jooq.DropSchemaStep;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A schema on the server, created when first opened. */
final class SchemaImpl implements Schema {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaImpl.class);

    private final InstanceImpl instance;
    private final ConnectionImpl connection;
    private final String name;

    private SchemaImpl(InstanceImpl instance, String name) {
        this.instance = instance;
        this.connection = instance.connectionImpl();
        this.name = name;
    }

    /** Opens a schema, creating it on the server if it is missing. */
    static SchemaImpl open(InstanceImpl instance, String name) {
        ConnectionImpl connection = instance.connectionImpl();
        SchemaImpl schema = new SchemaImpl(instance, Names.schema(name, connection.dialect()));
        if (!schema.exists()) {
            String sql = connection.serverRenderer().createSchemaIfNotExists(DSL.name(name)).getSQL();
            try {
                connection.execute(sql);
                instance.catalog().invalidate(name);
                LOG.info("Created schema {}", name);
            } catch (DataJointException e) {
                if (!schema.exists()) {
                    throw e;
                }
            }
        }
        return schema;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Instance instance() {
        return instance;
    }

    @Override
    public boolean exists() {
        return !connection.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?", name).isEmpty();
    }

    @Override
    public List<String> listTables() {
        return connection.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?"
                        + " ORDER BY table_name", name).stream()
                .map(row -> row.values().iterator().next().toString()).sorted().toList();
    }

    @Override
    public boolean drop(DropOptions options) {
        if (!exists()) {
            LOG.info("Schema {} does not exist; nothing to drop", name);
            return false;
        }
        instance.catalog().tables(name);
        instance.catalog().loadReferencingSchemas();
        Dependencies g = instance.catalog().dependencies();
        java.util.Set<Dependencies.Node> outside = new java.util.LinkedHashSet<>();
        for (Dependencies.Node n : g.nodes()) {
            if (n.schema().equals(name)) {
                g.descendants(n).stream().filter(c -> !c.schema().equals(name)).forEach(outside::add);
            }
        }
        List<Dependencies.Node> dependents = g.topological().stream().filter(outside::contains).toList();
        if (options.partIntegrity() == org.datajoint.PartIntegrity.ENFORCE) {
            List<Dependencies.Node> dropped = new ArrayList<>(g.nodes().stream().filter(n -> n.schema().equals(name))
                    .toList());
            dropped.addAll(dependents);
            Drops.requireMasters(instance, dropped);
        }
        if (options.shouldPrompt(connection.config())) {
            int tables = listTables().size();
            String question = "Drop schema " + quoted() + " and its " + tables + " table" + (tables == 1 ? "" : "s")
                    + (dependents.isEmpty() ? "" : ", and the tables of other schemas that depend on it: "
                    + dependents.stream().map(n -> connection.renderer().render(DSL.name(n.schema(), n.table()))).toList())
                    + "? [yes/No]";
            if (!connection.config().confirmer().confirm(question)) {
                LOG.info("Drop of schema {} cancelled", name);
                return false;
            }
        }
        List<Dependencies.Node> first = dropsFirst(g, dependents);
        DropSchemaStep drop = connection.serverRenderer().dropSchemaIfExists(DSL.name(name));
        DropSchemaFinalStep statement = connection.dialect().dropSchemaNeedsCascade() ? drop.cascade() : drop;
        Runnable dropAll = () -> {
            if (!first.isEmpty()) {
                Drops.drop(instance, first, DropOptions.noPrompt(), "the dependents of schema " + quoted());
            }
            connection.execute(statement.getSQL());
        };
        try {
            if (connection.dialect().transactionalDdl()) {
                connection.transaction(tx -> {
                    dropAll.run();
                    return null;
                });
            } else {
                dropAll.run();
            }
        } finally {
            instance.catalog().invalidate(name);
        }
        LOG.info("Dropped schema {}", name);
        return true;
    }

    /**
     * The tables to drop one by one before the schema, parents first: those of other schemas that
     * depend on it, and its own tables that depend on those (when schemas reference each other),
     * so that every table goes after the tables that reference it.
     */
    private List<Dependencies.Node> dropsFirst(Dependencies g, List<Dependencies.Node> dependents) {
        java.util.Set<Dependencies.Node> first = new java.util.HashSet<>(dependents);
        for (Dependencies.Node n : dependents) {
            g.descendants(n).stream().filter(d -> d.schema().equals(name)).forEach(first::add);
        }
        return g.topological().stream().filter(first::contains).toList();
    }

    @Override
    public Table manual(String className, String definition) {
        return instance.declarations().declare(name, Tier.MANUAL, className, definition, null, List.of());
    }

    @Override
    public Table lookup(String className, String definition, List<? extends Map<String, ?>> contents) {
        return instance.declarations().declare(name, Tier.LOOKUP, className, definition, null, contents);
    }

    @Override
    public Table imported(String className, String definition) {
        return instance.declarations().declare(name, Tier.IMPORTED, className, definition, null, List.of());
    }

    @Override
    public Table computed(String className, String definition) {
        return instance.declarations().declare(name, Tier.COMPUTED, className, definition, null, List.of());
    }

    @Override
    public Table computed(String className, String definition, org.datajoint.Make make) {
        return Populator.register((TableImpl) computed(className, definition), make);
    }

    @Override
    public Table imported(String className, String definition, org.datajoint.Make make) {
        return Populator.register((TableImpl) imported(className, definition), make);
    }

    @Override
    public Table table(String tableName) {
        Map<String, CatalogTable> tables = instance.catalog().tables(name);
        if (tables.containsKey(tableName)) {
            return new TableImpl(instance, name, tableName);
        }
        return tables.keySet().stream().filter(n -> !n.startsWith("~") && TableNaming.className(n).equals(tableName))
                .findFirst().<Table>map(n -> new TableImpl(instance, name, n))
                .orElseThrow(() -> new MissingTableException("Schema " + quoted() + " has no table '" + tableName
                        + "'; it has " + tables().stream().map(Table::className).toList()));
    }

    @Override
    public List<Table> tables() {
        Map<String, CatalogTable> tables = instance.catalog().tables(name);
        List<Table> out = new ArrayList<>();
        for (Dependencies.Node n : instance.catalog().dependencies().topological()) {
            if (n.schema().equals(name) && tables.containsKey(n.table()) && Tier.ofTableName(n.table()) != Tier.PART) {
                TableImpl master = new TableImpl(instance, name, n.table());
                out.add(master);
                out.addAll(master.parts());
            }
        }
        return out;
    }

    private String quoted() {
        return connection.renderer().render(DSL.name(name));
    }

    @Override
    public String toString() {
        return "Schema[" + quoted() + "]";
    }
}
