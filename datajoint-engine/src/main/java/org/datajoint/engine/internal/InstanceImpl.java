package org.datajoint.engine.internal;

import org.datajoint.Config;
import org.datajoint.Connection;
import org.datajoint.FreeTable;
import org.datajoint.Instance;
import org.datajoint.Schema;
import org.datajoint.engine.internal.config.ConfigImpl;
import org.datajoint.engine.spi.Dialect;

/** An isolated context: one config, one lazily opened connection pool. */
final class InstanceImpl implements Instance {

    private final ConfigImpl config;
    private final ConnectionImpl connection;
    private final Catalog catalog;
    private final Declarations declarations;
    private final java.util.Map<Dependencies.Node, Populator.Spec> populators = new java.util.concurrent.ConcurrentHashMap<>();

    InstanceImpl(ConfigImpl config, Dialect dialect) {
        this.config = config;
        this.connection = new ConnectionImpl(config, dialect);
        this.catalog = new Catalog(connection);
        this.declarations = new Declarations(this);
    }

    ConnectionImpl connectionImpl() {
        return connection;
    }

    Catalog catalog() {
        return catalog;
    }

    Declarations declarations() {
        return declarations;
    }

    /** The make and key source registered for auto-populated tables of this instance. */
    java.util.Map<Dependencies.Node, Populator.Spec> populators() {
        return populators;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Schema schema(String name) {
        return SchemaImpl.open(this, name);
    }

    @Override
    public FreeTable freeTable(String fullTableName) {
        String[] parts = Names.full(fullTableName, connectionImpl().dialect());
        return new TableImpl(this, parts[0], parts[1]);
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "Instance[" + connection + "]";
    }
}
