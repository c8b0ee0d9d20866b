package org.datajoint.engine.internal;

import java.util.List;
import java.util.function.Predicate;
import org.datajoint.engine.internal.portable.PortableSql;
import org.datajoint.engine.spi.SqlSyntax;
import org.jooq.impl.DSL;

/** User SQL text (of a query, of an index), written for its connection's backend: names, literals and functions. */
final class TextTarget implements PortableSql.Target {

    private final Predicate<String> attributes;
    private final ConnectionImpl connection;

    /** For text over attributes that {@code attributes} accepts. */
    TextTarget(Predicate<String> attributes, ConnectionImpl connection) {
        this.attributes = attributes;
        this.connection = connection;
    }

    @Override
    public String identifier(String name) {
        return connection.renderer().render(DSL.name(name));
    }

    @Override
    public boolean isAttribute(String name) {
        return attributes.test(name);
    }

    @Override
    public String function(String upperName, List<String> args) {
        return connection.dialect().function(upperName, args);
    }

    @Override
    public String literal(String value) {
        return connection.renderer().render(DSL.inline(value));
    }

    @Override
    public SqlSyntax syntax() {
        return connection.dialect().sqlSyntax();
    }
}
