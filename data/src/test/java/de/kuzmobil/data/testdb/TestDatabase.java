package de.kuzmobil.data.testdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server tests run against, picked once per JVM: {@code TEST_DB_URL} (+
 * {@code TEST_DB_USER}/{@code TEST_DB_PASSWORD}) → Testcontainers when a Docker daemon answers →
 * embedded PostgreSQL. There is no "skip" path: a database test fails when the chosen server is
 * unreachable, in CI and locally alike.
 */
public final class TestDatabase {

    private static Server server;

    /** Connection facts of the chosen server. */
    public record Server(String url, String user, String password, String description) {
    }

    private TestDatabase() {
    }

    public static synchronized Server server() {
        if (server == null) {
            server = pick();
            System.out.println("Test database: " + server.description());
        }
        return server;
    }

    /** A new, migrated schema of its own; drop it with {@link TestSchema#close()}. */
    public static TestSchema freshSchema() {
        TestSchema ts = emptySchema();
        ts.migrate();
        return ts;
    }

    /** A new schema migrated up to {@code version} only (for migration tests); {@link TestSchema#migrate()} does the rest. */
    public static TestSchema freshSchemaAt(String version) {
        TestSchema ts = emptySchema();
        ts.migrateTo(version);
        return ts;
    }

    private static TestSchema emptySchema() {
        Server s = server();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = dataSource(s.url(), s.user(), s.password()).getConnection();
             Statement st = c.createStatement()) {
            st.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test database " + s.description(), e);
        }
        return new TestSchema(s, schema);
    }

    static PGSimpleDataSource dataSource(String url, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    private static Server pick() {
        String url = System.getenv("TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String user = envOr("TEST_DB_USER", "postgres");
            return new Server(url, user, System.getenv("TEST_DB_PASSWORD"), "TEST_DB_URL " + url);
        }
        if (dockerAnswers()) {
            PostgreSQLContainer pg = new PostgreSQLContainer("postgres:15-alpine");
            pg.start();
            return new Server(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword(), "Testcontainers " + pg.getJdbcUrl());
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp data directory goes with it
                }
            }));
            return new Server(pg.getJdbcUrl("postgres", "postgres"), "postgres", null,
                    "embedded PostgreSQL on port " + pg.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("no TEST_DB_URL, no Docker, and embedded PostgreSQL failed to start", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
