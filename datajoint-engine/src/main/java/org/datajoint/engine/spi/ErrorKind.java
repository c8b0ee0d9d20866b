package org.datajoint.engine.spi;

/** What a server error means, independently of the backend. The engine turns each into one exception type. */
public enum ErrorKind {
    /** A primary key or unique index would be duplicated. */
    DUPLICATE_KEY,
    /** A foreign key names a parent row that does not exist. */
    MISSING_PARENT,
    /** A delete or key update would orphan a child row. */
    ROW_REFERENCED,
    /** A column named in the statement does not exist. */
    UNKNOWN_ATTRIBUTE,
    /** A table or schema named in the statement does not exist. */
    MISSING_TABLE,
    /** A table or schema being created already exists. */
    ALREADY_EXISTS,
    /** Login refused: unknown user or wrong password. */
    AUTHENTICATION_FAILED,
    /** Logged in, but lacking the privilege for this statement. */
    ACCESS_DENIED,
    /** No connection could be opened: host unreachable, connection refused, timed out. */
    CONNECTION_FAILED,
    /** An open connection was lost: killed by the server, reset, network failure. */
    CONNECTION_LOST,
    /** The SQL text is invalid. */
    SYNTAX,
    /** A lock wait timed out or a deadlock was detected; the statement may be retried. */
    TRANSIENT,
    /** Anything else. */
    OTHER
}
