package org.datajoint.dialect.mysql;

import org.datajoint.tck.DataJointTck;

/** Runs the whole conformance suite on the MySQL family (MySQL or MariaDB, as provisioned). */
class MySqlTckTest implements DataJointTck {

    @Override
    public String backend() {
        return "mysql";
    }

    @Override
    public int defaultPort() {
        return 3306;
    }

    @Override
    public String sessionTimeZoneSql() {
        return "SELECT @@session.time_zone";
    }

    @Override
    public String sessionIdSql() {
        return "SELECT CONNECTION_ID()";
    }

    @Override
    public String killSessionSql(long sessionId) {
        return "KILL " + sessionId;
    }

    @Override
    public String createUserSql(String user, String password) {
        return "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'";
    }

    @Override
    public String dropUserSql(String user) {
        return "DROP USER IF EXISTS '" + user + "'@'%'";
    }

    @Override
    public java.util.List<String> grantSchemaSql(String schema, String user) {
        return java.util.List.of("GRANT SELECT, INSERT, UPDATE, DELETE ON `" + schema + "`.* TO '" + user + "'@'%'");
    }

    @Override
    public String sleepSql(int seconds) {
        return "SELECT SLEEP(" + seconds + ")";
    }

    @Override
    public String lockTimeoutSql(int seconds) {
        return "SET SESSION innodb_lock_wait_timeout = " + seconds;
    }

    @Override
    public java.util.List<String> generatedKeyColumnTypes() {
        return java.util.List.of("INTEGER NOT NULL AUTO_INCREMENT", "BIGINT UNSIGNED NOT NULL AUTO_INCREMENT");
    }
}
