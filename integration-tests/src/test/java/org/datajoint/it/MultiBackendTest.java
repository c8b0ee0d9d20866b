package org.datajoint.it;

import java.util.List;
import org.datajoint.tck.MultiBackendTck;

/** A MySQL-family instance and a PostgreSQL instance in one JVM. */
class MultiBackendTest implements MultiBackendTck {

    @Override
    public List<String> backends() {
        return List.of("mysql", "postgresql");
    }
}
