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

    InstanceImpl(ConfigImpl config, Dialect dialect) {
        this.config = config;
        this.connection = new ConnectionImpl(config, dialect);
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
        return SchemaImpl.open(this, connection, name);
    }

    @Override
    public FreeTable freeTable(String fullTableName) {
        String[] parts = Names.full(fullTableName);
        return new FreeTableImpl(connection, parts[0], parts[1]);
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
