package org.datajoint.tck.servers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Finds out whether a server checks passwords: creates a throwaway user with a password, logs in
 * as that user with a wrong one, and drops the user again.
 */
final class PasswordProbe {

    private PasswordProbe() {
    }

    static boolean enforcesPasswords(TestServer server) {
        Backend backend = Backend.of(server.backend());
        String token = UUID.randomUUID().toString().replace("-", "");
        String user = "dj_tck_probe_" + token.substring(0, 12);
        String password = "Right-" + token.substring(12);
        try (Connection admin = server.openJdbc(); Statement st = admin.createStatement()) {
            try {
                st.execute(backend == Backend.POSTGRESQL
                        ? "CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'"
                        : "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
            } catch (SQLException e) {
                System.err.println("DataJoint TCK: cannot create a user on " + describe(server)
                        + " to check passwords (" + e.getMessage() + "); assuming passwords are not enforced");
                return false;
            }
            try {
                return refuses(server.as(user, "Wrong-" + token));
            } finally {
                st.execute(backend == Backend.POSTGRESQL
                        ? "DROP ROLE IF EXISTS " + user
                        : "DROP USER IF EXISTS '" + user + "'@'%'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check whether " + describe(server) + " enforces passwords: "
                    + e.getMessage(), e);
        }
    }

    private static boolean refuses(TestServer wrong) throws SQLException {
        Connection accepted;
        try {
            accepted = wrong.openJdbc();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
                return true;
            }
            throw e;
        }
        accepted.close();
        return false;
    }

    private static String describe(TestServer s) {
        return s.backend() + " server " + s.host() + ":" + s.port();
    }
}
