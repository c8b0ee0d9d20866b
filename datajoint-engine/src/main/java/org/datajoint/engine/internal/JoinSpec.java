package org.datajoint.engine.internal;

import java.util.List;

/** How one source of a FROM clause joins the sources before it: inner or left, USING these attributes. */
record JoinSpec(boolean left, List<String> using) {

    JoinSpec {
        using = List.copyOf(using);
    }
}
