package org.datajoint.cli;

import java.util.List;
import java.util.Map;
import org.datajoint.DataJoint;
import org.datajoint.Instance;
import org.datajoint.MissingTableException;
import picocli.CommandLine.Option;

/**
 * Where to connect. Each flag overrides what the library reads by itself: the environment
 * ({@code DJ_HOST}, {@code DJ_USER}, {@code DJ_PASS}, {@code DJ_PORT}, {@code DJ_BACKEND}) and
 * {@code datajoint.json}.
 */
final class ServerOptions {

    @Option(names = "--host", description = "server host (else DJ_HOST or datajoint.json)")
    String host;

    @Option(names = "--port", description = "server port (else the backend's default)")
    Integer port;

    @Option(names = "--user", description = "user name (else DJ_USER or datajoint.json)")
    String user;

    @Option(names = "--password", description = "password (else DJ_PASS or datajoint.json)", arity = "0..1",
            interactive = true)
    String password;

    @Option(names = "--backend", description = "mysql (MySQL and MariaDB) or postgresql")
    String backend;

    @Option(names = "--verbose", description = "log more, and print stack traces of failures")
    boolean verbose;

    /** Whether any server flag was given. */
    boolean anyServer() {
        return host != null || port != null || user != null || password != null;
    }

    /** A builder with the flags applied over what the library reads itself. */
    Instance.Builder builder() {
        Instance.Builder b = DataJoint.instance();
        if (backend != null) {
            b.backend(backend);
        }
        if (host != null) {
            b.host(host);
        }
        if (port != null) {
            b.port(port);
        }
        if (user != null) {
            b.user(user);
        }
        if (password != null) {
            b.password(password);
        }
        return b;
    }

    /** Opens an instance and checks that it can log in, so that a bad password fails first. */
    Instance open() {
        Instance instance = builder().build();
        try {
            instance.connection().query("SELECT 1");
            return instance;
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    /** Fails with the schemas there are when {@code schema} does not exist; never creates one. */
    static void requireSchema(Instance instance, String schema) {
        List<Map<String, Object>> rows = instance.connection().query(
                "SELECT schema_name FROM information_schema.schemata WHERE schema_name = ?", schema);
        if (rows.isEmpty()) {
            throw new MissingTableException("There is no schema '" + schema + "' on the server; check the name"
                    + " (names are case-sensitive) or the user's privileges");
        }
    }
}
