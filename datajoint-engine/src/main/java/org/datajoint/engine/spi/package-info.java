/**
 * The dialect SPI: everything a database backend must supply, and nothing else.
 *
 * <h2>Writing a dialect</h2>
 * <ol>
 *   <li>Depend on {@code org.datajoint:datajoint-engine} and your JDBC driver.</li>
 *   <li>Implement {@link org.datajoint.engine.spi.Dialect} in a public class with a public
 *       no-argument constructor. Use only this package and jOOQ; never engine internals.</li>
 *   <li>List the class in {@code META-INF/services/org.datajoint.engine.spi.Dialect}.</li>
 *   <li>Run the conformance suite: depend on {@code org.datajoint:datajoint-tck} (test scope) and
 *       add one test class implementing {@code org.datajoint.tck.DataJointTck}.</li>
 * </ol>
 * The engine finds dialects with {@link org.datajoint.engine.spi.Dialects}, by the backend name in
 * {@code database.backend}. Engine code renders SQL through jOOQ with the dialect's
 * {@link org.jooq.SQLDialect}; the {@code Dialect} methods cover only what jOOQ cannot know:
 * connection URLs, server identification, catalog facts, and the meaning of the server's errors.
 *
 * <p>One of them is a security matter: {@link org.datajoint.engine.spi.Dialect#sqlSyntax()} must
 * say how the server, in the sessions the dialect opens, reads quotes, escapes and comments. User
 * SQL text is read by those rules before it is sent; a dialect that describes them wrongly lets text
 * end its expression early. Fix the session settings that change them (MySQL's {@code sql_mode},
 * PostgreSQL's {@code standard_conforming_strings}) in {@code jdbcProperties}.
 */
package org.datajoint.engine.spi;
