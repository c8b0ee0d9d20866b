package org.datajoint.engine.internal;

import org.datajoint.Attribute;

/**
 * An attribute of a query result: its stored description (for conversion), whether it is in the
 * result's primary key, the table column it comes from (whose lineage is looked up only when
 * semantic matching needs it), and the SQL expression that computes it in the current SELECT
 * ({@code null} when it is a column of the FROM clause under its own name).
 */
record QAttr(String name, Attribute meta, boolean inKey, Origin origin, String expression) {

    /** The table column an attribute was read from. */
    record Origin(String schema, String table, String attribute) {
    }

    /** An attribute computed by an SQL expression: no stored type, no lineage. */
    static QAttr computed(String name, String expression) {
        return new QAttr(name, new Attribute(name, "", expression, false, true, null, "", false), false, null,
                expression);
    }

    QAttr withName(String newName, String newExpression) {
        return new QAttr(newName, meta, inKey, origin, newExpression);
    }

    QAttr withKey(boolean key) {
        return key == inKey ? this : new QAttr(name, meta, key, origin, expression);
    }

    QAttr asColumn() {
        return expression == null ? this : new QAttr(name, meta, inKey, origin, null);
    }

    boolean isComputed() {
        return meta.type().isEmpty();
    }

    /** The public description of this attribute in a result heading. */
    Attribute publicAttribute() {
        Attribute a = meta;
        return new Attribute(name, isComputed() ? "computed" : a.type(), a.sqlType(), inKey, a.nullable() && !inKey,
                a.defaultValue(), a.comment(), a.hidden(), a.autoIncrement());
    }
}
