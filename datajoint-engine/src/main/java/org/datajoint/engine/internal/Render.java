package org.datajoint.engine.internal;

import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.impl.DSL;

/** The state of rendering one statement: its jOOQ context and the next derived-table alias. */
final class Render {

    private final DSLContext dsl;
    private int aliases;

    Render(DSLContext dsl) {
        this.dsl = dsl;
    }

    DSLContext dsl() {
        return dsl;
    }

    Name nextAlias() {
        return DSL.name("$" + Integer.toString(++aliases, 36));
    }
}
