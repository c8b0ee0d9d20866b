package org.datajoint.dialect.postgres;

import org.datajoint.tck.DataJointTck;

/** Runs the whole conformance suite on PostgreSQL. */
class PostgresTckTest implements DataJointTck {

    @Override
    public String backend() {
        return "postgresql";
    }

    @Override
    public String sessionIdSql() {
        return "SELECT pg_backend_pid()";
    }

    @Override
    public String killSessionSql(long sessionId) {
        return "SELECT pg_terminate_backend(" + sessionId + ")";
    }
}
