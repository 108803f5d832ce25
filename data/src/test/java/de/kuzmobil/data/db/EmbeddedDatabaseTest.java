package de.kuzmobil.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's own embedded PostgreSQL (not the tests' throw-away one): durable settings, one
 * instance per data directory, a clear error for a taken port, and a clean take-over after a crash.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path tmp;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String query(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void fsyncAndSynchronousCommitAreOn() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(tmp.resolve("pgdata"), freePort())) {
            assertThat(query(db, "show fsync")).isEqualTo("on");
            assertThat(query(db, "show synchronous_commit")).isEqualTo("on");
            assertThat(query(db, "show full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aSecondInstanceOnTheSameDirectoryIsRefusedWithAClearMessage() throws Exception {
        Path dir = tmp.resolve("pgdata");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dir, freePort())) {
            int port = freePort();
            assertThatThrownBy(() -> EmbeddedDatabase.start(dir, port)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running kuz-mobil instance")
                    .hasMessageContaining("kuzmobil.embedded-db.dir");
            assertThat(query(first, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void aTakenPortIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(tmp.resolve("pgdata"), taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort()).hasMessageContaining("KUZMOBIL_EMBEDDED_DB_PORT");
        }
        // the lock was given back: the directory starts now
        try (EmbeddedDatabase db = EmbeddedDatabase.start(tmp.resolve("pgdata"), freePort())) {
            assertThat(query(db, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void aPostgresLeftRunningByAKilledInstanceIsStoppedAndTheDataKept() throws Exception {
        Path dir = tmp.resolve("pgdata");
        int port = freePort();
        // another JVM starts the database, writes, and is killed (SIGKILL): its PostgreSQL lives on
        Process crashed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Crasher.class.getName(), dir.toString(),
                String.valueOf(port)).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(crashed.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("written")) {
                // start-up log of the other JVM
            }
            assertThat(line).as("the other JVM wrote its row").isEqualTo("written");
            crashed.destroyForcibly().waitFor();
        }
        long orphanPid = EmbeddedDatabase.runningPostgres(dir).orElseThrow().pid();

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dir, port)) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            long now = EmbeddedDatabase.runningPostgres(dir).orElseThrow().pid();
            assertThat(now).isNotEqualTo(orphanPid);
            assertThat(query(restarted, "select n from kept")).isEqualTo("42");
        }
    }

    /** The instance that gets killed. */
    static final class Crasher {
        public static void main(String[] args) throws Exception {
            EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]));
            execute(db, "create table kept (n int); insert into kept values (42)");
            System.out.println("written");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
