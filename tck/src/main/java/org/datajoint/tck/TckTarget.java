package org.datajoint.tck;

/**
 * What a dialect's test class supplies to the conformance suite: the backend under test, its
 * default port, and the few SQL snippets the suite cannot write portably. A dialect module implements
 * {@link DataJointTck} in one test class; everything else comes from the suite.
 */
public interface TckTarget {

    /** The backend name under test, as in {@code database.backend}. */
    String backend();

    /** The port the backend's server listens on unless told otherwise, which {@code database.port} defaults to. */
    int defaultPort();

    /** A query returning the current session's server-side id as one integer column. */
    String sessionIdSql();

    /** A query returning the current session's time zone as one text column, as the server names it. */
    String sessionTimeZoneSql();

    /** A statement that makes the server terminate the session with this id, returning once it is gone where the server can wait for that. */
    String killSessionSql(long sessionId);

    /** A query that takes {@code seconds} seconds on the server and returns one row. */
    String sleepSql(int seconds);

    /** A statement making the current session wait at most {@code seconds} seconds for a row lock. */
    String lockTimeoutSql(int seconds);

    /** A statement creating a login user with this password (names and passwords are plain ASCII letters and digits). */
    String createUserSql(String user, String password);

    /** A statement dropping that user. */
    String dropUserSql(String user);

    /** Statements giving that user use of one schema: reading, inserting, updating and deleting rows of its tables. */
    java.util.List<String> grantSchemaSql(String schema, String user);

    /**
     * Column types, as {@code CREATE TABLE} takes them before {@code PRIMARY KEY}, for which the
     * server generates values: every spelling of the server's own ({@code AUTO_INCREMENT},
     * {@code SERIAL}, identity columns) that a table declared outside DataJoint may use.
     */
    java.util.List<String> generatedKeyColumnTypes();

    /**
     * The most rows of a plain insert (no skipped or replaced duplicates) that the dialect sends
     * in one statement: 1,000 for batched INSERTs, more where it loads in bulk (10,000 with
     * PostgreSQL's COPY).
     */
    default int rowsPerInsertStatement() {
        return 1_000;
    }
}
