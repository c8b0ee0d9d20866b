package org.datajoint.tck.servers;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Servers named by system properties {@code datajoint.test.<backend>.host|port|user|password} or
 * environment variables {@code DJ_TEST_<BACKEND>_HOST|PORT|USER|PASSWORD}; a property wins over the
 * variable of the same key.
 */
final class ExplicitServers {

    private static final String[] KEYS = {"host", "port", "user", "password"};

    /** Where one server's settings came from, for messages. */
    record Settings(Backend backend, String host, int port, String user, String password, String source) {
    }

    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;

    ExplicitServers(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    static ExplicitServers fromSystem() {
        return new ExplicitServers(System::getProperty, System::getenv);
    }

    /**
     * The settings for the backend, empty when none of its keys is set.
     *
     * @throws IllegalArgumentException when some keys are set but not the host, or the port is no number
     */
    Optional<Settings> settings(Backend b) {
        String host = value(b, "host");
        if (host == null) {
            for (String key : KEYS) {
                String v = value(b, key);
                if (v != null && !v.isEmpty()) {
                    throw new IllegalArgumentException("Explicit " + b.id + " test server: " + origin(b, key)
                            + " is set but not the host; set " + b.property("host") + " or " + b.envVariable("host"));
                }
            }
            return Optional.empty();
        }
        String portText = value(b, "port");
        int port;
        try {
            port = portText == null ? b.defaultPort : Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Explicit " + b.id + " test server: " + origin(b, "port")
                    + " is not a port number: " + portText, e);
        }
        String user = value(b, "user");
        String password = value(b, "password");
        return Optional.of(new Settings(b, host.trim(), port, user == null ? b.defaultUser : user,
                password == null ? "" : password, origin(b, "host")));
    }

    /**
     * Connects to the configured server.
     *
     * @throws IllegalStateException when it does not answer or refuses the login
     */
    static TestServer connect(Settings s) {
        try {
            return TestServer.connect(s.backend(), s.host(), s.port(), s.user(), s.password(), "explicit");
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("The explicit " + s.backend().id + " test server " + s.host() + ":"
                    + s.port() + " (user " + s.user() + ", set by " + s.source() + ") does not answer: "
                    + withoutFinalPeriod(e.getMessage()) + ". Start that server or correct the " + s.backend().property("*") + " / "
                    + s.backend().envVariable("*") + " settings; there is no fallback once a host is set.", e);
        }
    }

    private static String withoutFinalPeriod(String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    private String value(Backend b, String key) {
        String v = properties.apply(b.property(key));
        if (v == null) {
            v = environment.apply(b.envVariable(key));
        }
        return v == null || (v.isBlank() && !key.equals("password")) ? null : v;
    }

    private String origin(Backend b, String key) {
        return properties.apply(b.property(key)) != null
                ? "system property " + b.property(key)
                : "environment variable " + b.envVariable(key);
    }
}
