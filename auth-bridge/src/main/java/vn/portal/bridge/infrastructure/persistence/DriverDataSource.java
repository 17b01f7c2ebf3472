package vn.portal.bridge.infrastructure.persistence;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A non-pooling DataSource that talks to the driver object directly. It deliberately bypasses
 * DriverManager, which only sees drivers visible to the system class loader and so misses drivers
 * packaged inside an EAR or WAR. Flyway and health checks use it; EclipseLink keeps its own pool.
 */
final class DriverDataSource implements DataSource {

    private final DatabaseSettings settings;
    private final Driver driver;

    DriverDataSource(DatabaseSettings settings) {
        this.settings = settings;
        this.driver = loadDriver(settings.driverClassName());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(settings.user(), settings.password());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        Connection connection = driver.connect(settings.url(), properties);
        if (connection == null) {
            throw new SQLException("driver " + settings.driverClassName() + " does not accept the URL " + settings.url());
        }
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // logging goes through java.util.logging
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the drivers' own connect timeouts apply
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("DriverDataSource logs through the driver's own logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("DriverDataSource does not wrap " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    private static Driver loadDriver(String className) {
        try {
            Class<?> type = Class.forName(className, true, DriverDataSource.class.getClassLoader());
            return (Driver) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new InvalidDatabaseSettingsException("JDBC driver " + className + " is not on the class path");
        } catch (ReflectiveOperationException | ClassCastException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("cannot instantiate JDBC driver " + className + ": " + cause, cause);
        }
    }
}
