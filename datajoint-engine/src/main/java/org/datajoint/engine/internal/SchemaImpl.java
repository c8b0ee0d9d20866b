package org.datajoint.engine.internal;

import java.util.List;
import org.datajoint.DataJointException;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.Schema;
import org.jooq.DropSchemaFinalStep;
import org.jooq.DropSchemaStep;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A schema on the server, created when first opened. */
final class SchemaImpl implements Schema {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaImpl.class);

    private final Instance instance;
    private final ConnectionImpl connection;
    private final String name;

    private SchemaImpl(Instance instance, ConnectionImpl connection, String name) {
        this.instance = instance;
        this.connection = connection;
        this.name = name;
    }

    /** Opens a schema, creating it on the server if it is missing. */
    static SchemaImpl open(Instance instance, ConnectionImpl connection, String name) {
        SchemaImpl schema = new SchemaImpl(instance, connection, Names.schema(name));
        if (!schema.exists()) {
            String sql = connection.serverRenderer().createSchemaIfNotExists(DSL.name(name)).getSQL();
            try {
                connection.execute(sql);
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
        if (options.shouldPrompt(connection.config())) {
            int tables = listTables().size();
            String question = "Drop schema " + quoted() + " and its " + tables + " table" + (tables == 1 ? "" : "s")
                    + "? [yes/No]";
            if (!connection.config().confirmer().confirm(question)) {
                LOG.info("Drop of schema {} cancelled", name);
                return false;
            }
        }
        DropSchemaStep drop = connection.serverRenderer().dropSchemaIfExists(DSL.name(name));
        DropSchemaFinalStep statement = connection.dialect().dropSchemaNeedsCascade() ? drop.cascade() : drop;
        connection.execute(statement.getSQL());
        LOG.info("Dropped schema {}", name);
        return true;
    }

    private String quoted() {
        return connection.renderer().render(DSL.name(name));
    }

    @Override
    public String toString() {
        return "Schema[" + quoted() + "]";
    }
}
