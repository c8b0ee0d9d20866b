package org.datajoint.tck;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole conformance suite. A dialect runs it by adding one test class:
 *
 * <pre>{@code
 * class MyDialectTckTest implements DataJointTck {
 *     public String backend() { return "mydb"; }
 *     public int defaultPort() { return 4000; }
 *     public String sessionIdSql() { return "SELECT session_id()"; }
 *     public String sessionTimeZoneSql() { return "SELECT current_time_zone()"; }
 *     public String killSessionSql(long id) { return "KILL SESSION " + id; }
 *     public String createUserSql(String user, String pw) { return "CREATE USER " + user + " PASSWORD '" + pw + "'"; }
 *     public String dropUserSql(String user) { return "DROP USER " + user; }
 *     public List<String> grantSchemaSql(String schema, String user) { return List.of("GRANT ... TO " + user); }
 *     public String sleepSql(int seconds) { return "SELECT sleep(" + seconds + ")"; }
 *     public String lockTimeoutSql(int seconds) { return "SET lock_timeout = " + seconds; }
 * }
 * }</pre>
 *
 * The server comes from {@link org.datajoint.tck.servers.TestServers}: explicit settings, else an
 * embedded server, else a container. Every test works in its own uniquely named schemas and drops them.
 */
@ExtendWith(TckExtension.class)
public interface DataJointTck extends ConfigTck, ConnectionTck, SchemaTck, FailureTck, ConcurrencyTck, DeclarationTck, ValuesTck, ErrorsTck,
        ThreadSafeModeTck, RestrictionTck, JoinProjectionTck, AggregationTck, FetchTck,
        DiagramTck, CascadeDeleteTck, DropAndDrawTck, PopulateTck, PopulateQueueTck, WriteRulesTck,
        OrderAndNullsTck, BulkInsertTck, SqlTextTck, HostileTextTck, TimeZoneTck, DecimalScaleTck,
        UnicodeNamesTck, FaultTck, PoolTck {
}
