package org.datajoint.engine.internal;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.datajoint.engine.spi.Dialect;

/**
 * The pool's source of physical connections: the dialect's driver called directly on the calling
 * thread, each new connection handed to {@link Dialect#opened} before the pool sees it. The
 * driver's own login timeout is not used, since it costs pgjdbc a new thread per connection; the
 * dialect bounds the login instead.
 */
final class DriverSource implements DataSource {

    private final java.sql.Driver driver;
    private final String url;
    private final Properties properties;
    private final Dialect dialect;
    private volatile int loginTimeoutSeconds;

    /**
     * The driver found for each kind of URL (its part before the host), so that a new instance does
     * not ask every registered driver again.
     */
    private static final java.util.concurrent.ConcurrentMap<String, java.sql.Driver> DRIVERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    DriverSource(Dialect dialect, String url, Properties properties) throws SQLException {
        int host = url.indexOf("//");
        String scheme = host < 0 ? url : url.substring(0, host);
        java.sql.Driver known = DRIVERS.get(scheme);
        if (known == null) {
            known = java.sql.DriverManager.getDriver(url);
            DRIVERS.put(scheme, known);
        }
        this.driver = known;
        this.url = url;
        this.properties = properties;
        this.dialect = dialect;
    }

    @Override
    public java.sql.Connection getConnection() throws SQLException {
        java.sql.Connection c = driver.connect(url, properties);
        if (c == null) {
            throw new SQLException("The driver " + driver.getClass().getName() + " does not accept " + url, "08001");
        }
        try {
            dialect.opened(c);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public java.sql.Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials are in the connection properties");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Drivers log through their own loggers.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging parent");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
