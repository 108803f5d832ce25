package de.kuzmobil.data.testdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One test class's own schema, migrated by the real Flyway migrations, dropped afterwards. */
public final class TestSchema implements AutoCloseable {

    private final TestDatabase.Server server;
    private final String name;
    private final DataSource dataSource;

    TestSchema(TestDatabase.Server server, String name) {
        this.server = server;
        this.name = name;
        this.dataSource = TestDatabase.dataSource(url(), server.user(), server.password());
    }

    /** Applies every migration not applied yet. */
    public void migrate() {
        Flyway.configure().dataSource(dataSource).schemas(name).defaultSchema(name).load().migrate();
    }

    void migrateTo(String version) {
        Flyway.configure().dataSource(dataSource).schemas(name).defaultSchema(name).target(version).load().migrate();
    }

    public String name() {
        return name;
    }

    /** JDBC URL whose search path is this schema (for Spring's spring.datasource.url). */
    public String url() {
        String base = server.url();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Override
    public void close() {
        try (Connection c = TestDatabase.dataSource(server.url(), server.user(), server.password()).getConnection();
             Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + name + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + name, e);
        }
    }
}
