package org.datajoint.dialect.postgres;

import org.datajoint.tck.DataJointTck;

/** Runs the whole conformance suite on PostgreSQL. */
class PostgresTckTest implements DataJointTck {

    @Override
    public String backend() {
        return "postgresql";
    }

    @Override
    public String sessionTimeZoneSql() {
        return "SHOW TimeZone";
    }

    @Override
    public String sessionIdSql() {
        return "SELECT pg_backend_pid()";
    }

    @Override
    public String killSessionSql(long sessionId) {
        return "SELECT pg_terminate_backend(" + sessionId + ", 10000)";
    }

    @Override
    public String createUserSql(String user, String password) {
        return "CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'";
    }

    @Override
    public String dropUserSql(String user) {
        return "DROP ROLE IF EXISTS " + user;
    }

    @Override
    public java.util.List<String> grantSchemaSql(String schema, String user) {
        return java.util.List.of("GRANT USAGE ON SCHEMA \"" + schema + "\" TO " + user,
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \"" + schema + "\" TO " + user);
    }

    @Override
    public int rowsPerInsertStatement() {
        return 10_000;
    }

    @Override
    public String sleepSql(int seconds) {
        return "SELECT pg_sleep(" + seconds + ")";
    }

    @Override
    public String lockTimeoutSql(int seconds) {
        return "SET lock_timeout = '" + seconds + "s'";
    }
}
